// Events the person subgraph emits (their payloads are the contract in subgraphs/common) and consumes.
export {
  PersonEvent,
  PersonCourseEvent,
  ScreeningEvent,
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
} from '../common/person-events';

/** Memberships (for 'Uden ydelse' and a-kasse dispatch) and absences (for the CV requirement). */
export const consumedStreams = ['payment', 'absence'];
