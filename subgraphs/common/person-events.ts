// The person subgraph's events other subgraphs consume: the contract between them. Add fields
// freely; change a field's meaning only with a new schemaVersion.
import { eventGuard } from '../../core/events';

export const PersonEvent = {
  PERSON_UPSERTED: 'PERSON_UPSERTED',
  CONTACT_GROUP_CHANGED: 'CONTACT_GROUP_CHANGED',
  /**
   * A contact-group change recorded for a later day: not in force yet. Consumers keep it in their
   * dated timeline (to check registrations dated after it) but do not react; CONTACT_GROUP_CHANGED
   * follows on the day, with that day as its effectiveDate.
   */
  CONTACT_GROUP_CHANGE_SCHEDULED: 'CONTACT_GROUP_CHANGE_SCHEDULED',
  /** A scheduled change withdrawn before its day (a correction replaced it). */
  CONTACT_GROUP_CHANGE_CANCELLED: 'CONTACT_GROUP_CHANGE_CANCELLED',
  VISITATION_CHANGED: 'VISITATION_CHANGED',
} as const;

export interface PersonUpsertedPayload {
  personId: string;
  cpr: string;
  municipalityCode: string;
  /** The jobcentre before this change, when it moved. */
  previousMunicipalityCode: string | null;
}

export interface ContactGroupChangedPayload {
  personId: string;
  registrationId: string;
  contactGroupId: number;
  start: string;
  previousContactGroupId: number | null;
  /** Raskmelding: the change ends a sick group (24/25). */
  recoveryCauseId: number | null;
}

/**
 * Visitation (personkategorisering). Job seekers are job-ready or activity-ready; young people on
 * uddannelseshjælp are obviously education-ready, education-ready or activity-ready; sick-benefit
 * cases have categories 1, 2 and (until 2025-01-01) 3.
 */
export type PersonCategory =
  | 'JOB_READY'
  | 'ACTIVITY_READY'
  | 'OBVIOUSLY_EDUCATION_READY'
  | 'EDUCATION_READY'
  | 'SICK_BENEFIT_1'
  | 'SICK_BENEFIT_2'
  | 'SICK_BENEFIT_3';

export interface VisitationChangedPayload {
  personId: string;
  /** Null when the visitation was ended. */
  category: PersonCategory | null;
  previousCategory: PersonCategory | null;
  /** True when the system made the change (the 2025-01-01 move of category 3 to 2). */
  automatic: boolean;
}

/** Kinds added with issue 3 (contact course, registration, visitation, CV requirement, meetings). */
export const PersonCourseEvent = {
  CV_REQUIREMENT_CHANGED: 'CV_REQUIREMENT_CHANGED',
  JOB_SEEKER_REGISTERED: 'JOB_SEEKER_REGISTERED',
  /** Attendance effectuated a self-registration, or a dimittend switched to dagpenge. */
  JOB_SEEKER_REGISTRATION_CHANGED: 'JOB_SEEKER_REGISTRATION_CHANGED',
  /** A kontanthjælp self-registration nobody attended to: annulled silently (004). */
  JOB_SEEKER_REGISTRATION_ANNULLED: 'JOB_SEEKER_REGISTRATION_ANNULLED',
  JOB_SEEKER_DEREGISTERED: 'JOB_SEEKER_DEREGISTERED',
  /** The citizen confirmed their job search (bekræft jobsøgning, 004); the next confirmation is due 7 days on. */
  JOB_SEARCH_CONFIRMED: 'JOB_SEARCH_CONFIRMED',
  /** The system deregistered a job seeker whose confirmation was missing (004): its own kind, for the benefit centre. */
  JOB_SEEKER_DEREGISTERED_MISSING_CONFIRMATION: 'JOB_SEEKER_DEREGISTERED_MISSING_CONFIRMATION',
  /** A recipient deregistered for a missing confirmation re-registered within 7 days; the contact course continues (004). */
  JOB_SEEKER_REREGISTERED_AFTER_MISSING_CONFIRMATION: 'JOB_SEEKER_REREGISTERED_AFTER_MISSING_CONFIRMATION',
  TEMPORARY_ADDRESS_SET: 'TEMPORARY_ADDRESS_SET',
  SICK_LEAVE_RETURN_EXPECTATION_SET: 'SICK_LEAVE_RETURN_EXPECTATION_SET',
  SICK_LEAVE_RETURN_EXPECTATION_ENDED: 'SICK_LEAVE_RETURN_EXPECTATION_ENDED',
  MEETING_SUMMONS_CREATED: 'MEETING_SUMMONS_CREATED',
  MEETING_SUMMONS_UPDATED: 'MEETING_SUMMONS_UPDATED',
  MEETING_SUMMONS_CANCELLED: 'MEETING_SUMMONS_CANCELLED',
  SELF_BOOKING_DEADLINE_SET: 'SELF_BOOKING_DEADLINE_SET',
  SELF_BOOKING_DEADLINE_CLOSED: 'SELF_BOOKING_DEADLINE_CLOSED',
} as const;

export type CvRequirementLevel = 'NONE' | 'REGISTER_NOT_SEARCHABLE' | 'SEARCHABLE';

export interface CvRequirementChangedPayload {
  personId: string;
  cvRequirement: CvRequirementLevel;
  previousCvRequirement: CvRequirementLevel;
}

export interface JobSeekerRegistrationPayload {
  personId: string;
  registrationId: string;
  category: 'DAGPENGE' | 'KONTANTHJAELP' | 'DIMITTEND' | 'NO_BENEFIT';
  status: 'AWAITING_ATTENDANCE' | 'ACTIVE' | 'ANNULLED' | 'DEREGISTERED';
  registrationDate: string;
  eventDate: string | null;
  /** Null while a self-registration awaits attendance. */
  contactGroupId: number | null;
  selfService: boolean;
  dimittend: boolean;
  /** Dagpenge asked for without a membership: registered 'Uden ydelse' (004). */
  withoutMembership: boolean;
  attendanceDeadline: string | null;
  closedOn: string | null;
  /** The last day to confirm the job search by (004); null while awaiting attendance. Absent from events before it. */
  jobSearchConfirmationDueBy?: string | null;
  /** 'MISSING_JOB_SEARCH_CONFIRMATION' when the system deregistered it. */
  deregistrationCause?: 'MISSING_JOB_SEARCH_CONFIRMATION' | null;
  /** On a self re-registration: the deregistered registration whose contact course it continues. */
  continuesRegistrationId?: string | null;
}

export interface TemporaryAddressSetPayload {
  personId: string;
  municipalityCode: string;
  end: string;
}

export interface SickLeaveReturnExpectationPayload {
  personId: string;
  expectationId: string;
  registrationId: string;
  firstFollowUpMeeting: string;
  returnBy: string;
  end: string | null;
  /** ENDED only: 'RECOVERED' when an earlier recovery ended it (002). */
  endCause: 'RECOVERED' | null;
}

export interface MeetingSummonsPayload {
  personId: string;
  summonsId: string;
  meetingTypeId: number;
  at: string;
  summonerRole: string;
  summonerAuthority: string;
  status: 'ACTIVE' | 'CANCELLED';
  /** CANCELLED only: by the summoner, or because the person moved municipality (001 §1.3). */
  cancellationCause: 'CANCELLED_BY_SUMMONER' | 'MOVED_MUNICIPALITY' | null;
}

export interface SelfBookingDeadlinePayload {
  personId: string;
  deadlineId: string;
  deadline: string;
  status: 'ACTIVE' | 'CLOSED';
}

/** Kinds of the digital screening trial (001 §1.6). Answers never travel in events. */
export const ScreeningEvent = {
  SCREENING_RESULT_RECORDED: 'SCREENING_RESULT_RECORDED',
  /** Retention: deleted after the caseworkers' 6 months. */
  SCREENING_RESULT_DELETED: 'SCREENING_RESULT_DELETED',
} as const;

/** The joblog (003, 001 §2.1–2.2): entries Jobnet records for the citizen. */
export const JoblogEvent = {
  JOBLOG_ENTRY_RECORDED: 'JOBLOG_ENTRY_RECORDED',
} as const;

/** What was recorded, never its free text: the reader fetches the entry if allowed to. */
export interface JoblogEntryPayload {
  personId: string;
  entryId: string;
  kind: 'SPECIFIC_JOB' | 'GENERAL';
  date: string;
  recordedOn: string;
}

export interface ScreeningResultPayload {
  personId: string;
  screeningId: string;
  targetGroup: 'DAGPENGE' | 'NON_VISITED_KONTANTHJAELP' | 'DIMITTEND';
  answeredOn: string;
  citizenVisibleUntil: string;
  caseworkersVisibleUntil: string;
}

/** The person subgraph's contract: each kind and its payload. */
export interface PersonEvents {
  PERSON_UPSERTED: PersonUpsertedPayload;
  CONTACT_GROUP_CHANGED: ContactGroupChangedPayload;
  CONTACT_GROUP_CHANGE_SCHEDULED: ContactGroupChangedPayload;
  CONTACT_GROUP_CHANGE_CANCELLED: ContactGroupChangedPayload;
  VISITATION_CHANGED: VisitationChangedPayload;
  CV_REQUIREMENT_CHANGED: CvRequirementChangedPayload;
  JOB_SEEKER_REGISTERED: JobSeekerRegistrationPayload;
  JOB_SEEKER_REGISTRATION_CHANGED: JobSeekerRegistrationPayload;
  JOB_SEEKER_REGISTRATION_ANNULLED: JobSeekerRegistrationPayload;
  JOB_SEEKER_DEREGISTERED: JobSeekerRegistrationPayload;
  JOB_SEARCH_CONFIRMED: JobSeekerRegistrationPayload;
  JOB_SEEKER_DEREGISTERED_MISSING_CONFIRMATION: JobSeekerRegistrationPayload;
  JOB_SEEKER_REREGISTERED_AFTER_MISSING_CONFIRMATION: JobSeekerRegistrationPayload;
  TEMPORARY_ADDRESS_SET: TemporaryAddressSetPayload;
  SICK_LEAVE_RETURN_EXPECTATION_SET: SickLeaveReturnExpectationPayload;
  SICK_LEAVE_RETURN_EXPECTATION_ENDED: SickLeaveReturnExpectationPayload;
  MEETING_SUMMONS_CREATED: MeetingSummonsPayload;
  MEETING_SUMMONS_UPDATED: MeetingSummonsPayload;
  MEETING_SUMMONS_CANCELLED: MeetingSummonsPayload;
  SELF_BOOKING_DEADLINE_SET: SelfBookingDeadlinePayload;
  SELF_BOOKING_DEADLINE_CLOSED: SelfBookingDeadlinePayload;
  SCREENING_RESULT_RECORDED: ScreeningResultPayload;
  SCREENING_RESULT_DELETED: ScreeningResultPayload;
  JOBLOG_ENTRY_RECORDED: JoblogEntryPayload;
}
export const isPersonEvent = eventGuard<{ [K in keyof PersonEvents]: PersonEvents[K] }>();
