// Dispatch rules for the person subgraph's event kinds: which authorities must hear each (DOMAIN.md
// "Change notifications"). The subgraph addresses its events with this table alone. Meeting events
// are addressed by rules/meetings.ts (summoner, jobcentre for type 17, the moved-from jobcentre) and
// handed over as NAMED without the person, so no other jobcentre hears them.
import { dispatcher, type KindOf } from '../common/dispatch-rules';
import type { DispatchTable } from '../common/recipients';
import { JoblogEvent, PersonCourseEvent, PersonEvent, ScreeningEvent } from './events';

export type PersonEventKind = KindOf<typeof PersonEvent> | KindOf<typeof PersonCourseEvent> | KindOf<typeof ScreeningEvent> | KindOf<typeof JoblogEvent>;

export const PERSON_DISPATCH: DispatchTable<PersonEventKind> = {
  PERSON_UPSERTED: ['PERSON_JOBCENTRE', 'NAMED'], // a move or take-over also tells the jobcentre it left
  CONTACT_GROUP_CHANGED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  CONTACT_GROUP_CHANGE_SCHEDULED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'], // told now, in force on its day
  CONTACT_GROUP_CHANGE_CANCELLED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  CV_REQUIREMENT_CHANGED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'], // 003: both are told
  VISITATION_CHANGED: ['PERSON_JOBCENTRE'], // 002: category 3 → 2 is told to the jobcentre
  JOB_SEEKER_REGISTERED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'], // 004: the flag is visible to the jobcentre
  JOB_SEEKER_REGISTRATION_CHANGED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  JOB_SEEKER_REGISTRATION_ANNULLED: [], // 004: annulled silently; it never took effect anywhere
  JOB_SEEKER_DEREGISTERED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  // 004: a confirmation is recorded on the registration; no seed sends it to anyone.
  JOB_SEARCH_CONFIRMED: [],
  // 004: "oplysning om afmelding og gentilmelding vil gå direkte videre til ydelsescentret". The
  // benefit centre is the municipality's own benefit side: it hears the municipality's authority and
  // subscribes to these two kinds; availability stays the jobcentre's call. A-kasser hear every
  // deregistration and registration, so these too.
  JOB_SEEKER_DEREGISTERED_MISSING_CONFIRMATION: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  JOB_SEEKER_REREGISTERED_AFTER_MISSING_CONFIRMATION: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  TEMPORARY_ADDRESS_SET: ['PERSON_JOBCENTRE', 'NAMED'], // the residence municipality may take over
  SICK_LEAVE_RETURN_EXPECTATION_SET: ['PERSON_JOBCENTRE'],
  SICK_LEAVE_RETURN_EXPECTATION_ENDED: ['PERSON_JOBCENTRE'], // 002: ends by itself on earlier recovery
  MEETING_SUMMONS_CREATED: ['PERSON_JOBCENTRE', 'NAMED'], // 001 §1.2: type 17 by an a-kasse
  MEETING_SUMMONS_UPDATED: ['PERSON_JOBCENTRE', 'NAMED'],
  MEETING_SUMMONS_CANCELLED: ['PERSON_JOBCENTRE', 'NAMED'], // 001 §1.3: the moved-from jobcentre
  SELF_BOOKING_DEADLINE_SET: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  SELF_BOOKING_DEADLINE_CLOSED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  SCREENING_RESULT_RECORDED: ['PERSON_JOBCENTRE'], // 001 §1.6: for the jobcentre's caseworkers only
  SCREENING_RESULT_DELETED: [], // retention deletion: nobody but the system role
  JOBLOG_ENTRY_RECORDED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'], // both read the joblog to follow availability
};

/** Addresses one of this subgraph's events: the authorities that must hear it. */
export const addressEvent = dispatcher(PERSON_DISPATCH);
