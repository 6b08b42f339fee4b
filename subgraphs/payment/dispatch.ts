// Dispatch rules for the payment subgraph's event kinds: which authorities must hear each (DOMAIN.md
// "Change notifications"). common/dispatch-rules.ts merges every subgraph's table. The person's
// a-kasser are taken from this subgraph's own register when the event is written.
import type { DispatchTable } from '../common/recipients';

export const PAYMENT_DISPATCH: DispatchTable = {
  AKASSE_MEMBERSHIP_STARTED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  AKASSE_MEMBERSHIP_ENDED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  EEA_BENEFIT_PERIOD_REPORTED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  EEA_BENEFIT_PERIOD_INTERRUPTED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  EEA_BENEFIT_PERIOD_UPDATED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  EEA_BENEFIT_PERIOD_DELETED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
};
