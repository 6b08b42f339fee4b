// Dispatch rules (WSRM message routing): which authorities must hear which kind of event. The
// producing subgraph addresses every event with this table; the gateway then delivers a
// notification to exactly the subscribers of those authorities (and to the system role).
import type { EventAuthorities } from '../../core/events';
import type { DispatchTable } from './recipients';
import { PERSON_DISPATCH } from '../person/dispatch';
import { ABSENCE_DISPATCH } from '../absence/dispatch';
import { PLAN_DISPATCH } from '../plan/dispatch';
import { RECRUITMENT_DISPATCH } from '../recruitment/dispatch';
import { PAYMENT_DISPATCH } from '../payment/dispatch';
export type { Recipient } from './recipients';

/** Kind → recipients: every subgraph's own table (subgraphs/<name>/dispatch.ts), merged. */
export const DISPATCH_RULES: DispatchTable = {
  ...PERSON_DISPATCH,
  ...ABSENCE_DISPATCH,
  ...PLAN_DISPATCH,
  ...RECRUITMENT_DISPATCH,
  ...PAYMENT_DISPATCH,
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
