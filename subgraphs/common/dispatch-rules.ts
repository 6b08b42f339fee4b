// Dispatch rules (WSRM message routing): which authorities must hear which kind of event. The
// producing subgraph addresses every event with this table; the gateway then delivers a
// notification to exactly the subscribers of those authorities (and to the system role).
import type { EventAuthorities } from '../../core/events';

/** Who, relative to the person an event concerns, must be told. */
export type Recipient =
  /** The jobcentre of the person's municipality now. */
  | 'PERSON_JOBCENTRE'
  /** Every a-kasse the person is or has been a member of. */
  | 'PERSON_AKASSER'
  /** Authorities named by the event itself: a moved-from jobcentre, an order's owner, … */
  | 'NAMED';

/** Kind → recipients, from DOMAIN.md "Change notifications" and the seed each row cites. */
export const DISPATCH_RULES: Record<string, readonly Recipient[]> = {
  PERSON_UPSERTED: ['PERSON_JOBCENTRE', 'NAMED'], // a move also tells the jobcentre moved from
  CONTACT_GROUP_CHANGED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  CV_REQUIREMENT_CHANGED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'], // 003: both are told
  VISITATION_CHANGED: ['PERSON_JOBCENTRE'], // 002: category 3 → 2 is told to the jobcentre
  MEETING_SUMMONS_CREATED: ['PERSON_JOBCENTRE', 'NAMED'], // 001 §1.2: type 17 by an a-kasse
  MEETING_SUMMONS_UPDATED: ['PERSON_JOBCENTRE', 'NAMED'],
  MEETING_SUMMONS_CANCELLED: ['PERSON_JOBCENTRE', 'NAMED'], // 001 §1.3: also the moved-from jobcentre
  ABSENCE_REGISTERED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  ABSENCE_UPDATED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  ABSENCE_DELETED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'], // 001 §2.3: jobcentre and a-kasse
  ABSENCE_ENDED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  ABSENCE_ON_HOLD: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  PLAN_VERSION_CREATED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  ACTIVITY_NUPH: ['PERSON_AKASSER'], // a negative reportable event goes to the a-kasse
  JOB_ORIENTED_EDUCATION_REGISTERED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'], // 002: both sides
  JOB_ORDER_CREATED: ['NAMED'],
  JOB_ORDER_UPDATED: ['NAMED'],
  CANDIDATE_MEDIATED: ['PERSON_JOBCENTRE', 'NAMED'], // 001 §5.1: the mediated citizen's jobcentre
  AKASSE_MEMBERSHIP_STARTED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  AKASSE_MEMBERSHIP_ENDED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  EEA_BENEFIT_PERIOD_REPORTED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  EEA_BENEFIT_PERIOD_INTERRUPTED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  EEA_BENEFIT_PERIOD_DELETED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
};

export interface DispatchPerson {
  municipalityCode: string;
  /** Current and former a-kasser. */
  akasser: readonly string[];
}

/**
 * The authorities an event of `kind` goes to. A kind missing from the table goes to no authority
 * (only the system role hears it), so forgetting a row fails closed rather than leaking.
 */
export function addressEvent(kind: string, person: DispatchPerson | null, named: EventAuthorities = {}): EventAuthorities {
  const jobcentres = new Set<string>();
  const akasser = new Set<string>();
  for (const recipient of DISPATCH_RULES[kind] ?? []) {
    if (recipient === 'PERSON_JOBCENTRE' && person) jobcentres.add(person.municipalityCode);
    if (recipient === 'PERSON_AKASSER' && person) person.akasser.forEach((a) => akasser.add(a));
    if (recipient === 'NAMED') {
      named.jobcentres?.forEach((j) => jobcentres.add(j));
      named.akasser?.forEach((a) => akasser.add(a));
    }
  }
  return { jobcentres: [...jobcentres].sort(), akasser: [...akasser].sort() };
}
