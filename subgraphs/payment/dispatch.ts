// Dispatch rules for the payment subgraph's event kinds: which authorities must hear each (DOMAIN.md
// "Change notifications"). common/dispatch-rules.ts merges every subgraph's table.
import type { DispatchTable } from '../common/recipients';

export const PAYMENT_DISPATCH: DispatchTable = {
  AKASSE_MEMBERSHIP_STARTED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  AKASSE_MEMBERSHIP_ENDED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  EEA_BENEFIT_PERIOD_REPORTED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  EEA_BENEFIT_PERIOD_INTERRUPTED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  EEA_BENEFIT_PERIOD_DELETED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
};
