// Events the person subgraph emits (their payloads are the contract in subgraphs/common) and consumes.
export {
  PersonEvent,
  PersonCourseEvent,
  ScreeningEvent,
  JoblogEvent,
  type PersonUpsertedPayload,
  type ContactGroupChangedPayload,
  type VisitationChangedPayload,
  type CvRequirementChangedPayload,
  type JobSeekerRegistrationPayload,
  type TemporaryAddressSetPayload,
  type SickLeaveReturnExpectationPayload,
  type MeetingSummonsPayload,
  type SelfBookingDeadlinePayload,
  type ScreeningResultPayload,
  type JoblogEntryPayload,
} from '../common/person-events';

/** Memberships (for 'Uden ydelse' and a-kasse dispatch) and absences (for the CV requirement). */
export const consumedStreams = ['payment', 'absence'];
