// Dispatch rules for the payment subgraph's event kinds: which authorities must hear each (DOMAIN.md
// "Change notifications"). The subgraph addresses its events with this table alone. The person's
// a-kasser are taken from this subgraph's own register when the event is written.
import { dispatcher, type KindOf } from '../common/dispatch-rules';
import type { DispatchTable } from '../common/recipients';
import { PaymentEvent } from './events';

export type PaymentEventKind = KindOf<typeof PaymentEvent>;

export const PAYMENT_DISPATCH: DispatchTable<PaymentEventKind> = {
  AKASSE_MEMBERSHIP_STARTED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  AKASSE_MEMBERSHIP_ENDED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  EEA_BENEFIT_PERIOD_REPORTED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  EEA_BENEFIT_PERIOD_INTERRUPTED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  EEA_BENEFIT_PERIOD_UPDATED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  EEA_BENEFIT_PERIOD_DELETED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
};

/** Addresses one of this subgraph's events: the authorities that must hear it. */
export const addressEvent = dispatcher(PAYMENT_DISPATCH);
