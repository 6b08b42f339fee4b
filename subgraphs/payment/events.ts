// Events the payment subgraph emits. The membership events are a contract other subgraphs
// consume (subgraphs/common/payment-events.ts); the EEA events are for notifications.
import { PaymentEvent as MembershipEvent } from '../common/payment-events';

export const PaymentEvent = {
  ...MembershipEvent,
  EEA_BENEFIT_PERIOD_REPORTED: 'EEA_BENEFIT_PERIOD_REPORTED',
} as const;
