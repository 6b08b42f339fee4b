// The absence subgraph's events other subgraphs consume: the contract between them. Add fields
// freely; change a field's meaning only with a new schemaVersion.
import { eventGuard, type DomainEvent, type EventOf } from '../../core/events';

export const AbsenceEvent = {
  ABSENCE_REGISTERED: 'ABSENCE_REGISTERED',
  ABSENCE_UPDATED: 'ABSENCE_UPDATED',
  ABSENCE_DELETED: 'ABSENCE_DELETED',
  ABSENCE_ENDED: 'ABSENCE_ENDED',
  ABSENCE_ON_HOLD: 'ABSENCE_ON_HOLD',
  /** A held absence back in force: the person recovered into a group that allows its type. */
  ABSENCE_REACTIVATED: 'ABSENCE_REACTIVATED',
} as const;

/** What an active absence may exempt the person from (DOMAIN.md, types 79 and 80; issue 4). */
export const EXEMPTIONS = [
  'REGISTRATION',
  'CV',
  /** Must register a CV but need not make it searchable (003); the person subgraph's middle CV level. */
  'CV_SEARCHABLE',
  'REFERRED_WORK',
  'CONTACT_COURSE',
  'RIGHT_DUTY_OFFERS',
  'OFFERS',
  'JOBLOG',
  'ATTENDANCE',
  'SELF_BOOKING',
] as const;
export type Exemption = (typeof EXEMPTIONS)[number];

export type AbsenceStatus = 'ACTIVE' | 'ON_HOLD' | 'ENDED' | 'DELETED';

/**
 * Every ABSENCE_* event carries the absence as it is after the change, so a consumer (the person
 * subgraph's CV requirement) can keep a full projection from events alone.
 */
export interface AbsencePayload {
  absenceId: string;
  personId: string;
  typeId: number;
  start: string;
  end: string | null;
  /** Status after the change. A stored status; ACTIVE with an end in the past means it has run out. */
  status: AbsenceStatus;
  /**
   * The day an ON_HOLD or ENDED status took effect, or a hold was lifted (the start of the contact
   * group that caused it); null for a plain registration. Absent on events from before it was added.
   */
  statusSince?: string | null;
  /** What this absence exempts from while it is active (empty when it exempts from nothing). */
  exemptions: Exemption[];
  /**
   * ABSENCE_DELETED only: a started absence that presupposes deregistration (6, 7, 8, 21) was
   * deleted and DFDG did not re-register the person (001 §2.3).
   */
  reRegistrationRequired?: boolean;
  /** ABSENCE_ENDED, ABSENCE_ON_HOLD, ABSENCE_REACTIVATED: the contact group whose start caused it. */
  contactGroupId?: number;
}

/** The absence subgraph's contract: every kind carries the absence as it is after the change. */
export type AbsenceEvents = { [K in (typeof AbsenceEvent)[keyof typeof AbsenceEvent]]: AbsencePayload };
export const isAbsenceEvent = eventGuard<AbsenceEvents>();

const ABSENCE_KINDS: ReadonlySet<string> = new Set(Object.values(AbsenceEvent));

/** Any of the absence subgraph's kinds (they all carry an AbsencePayload). */
export function isAnyAbsenceEvent(event: DomainEvent<object>): event is EventOf<AbsenceEvents, keyof AbsenceEvents> {
  return ABSENCE_KINDS.has(event.kind);
}
