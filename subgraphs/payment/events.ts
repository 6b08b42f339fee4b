// Events the payment subgraph emits. The membership events are a contract other subgraphs consume
// (subgraphs/common/payment-events.ts: every person directory, and person's registration rules);
// the EEA events tell the person's jobcentre and a-kasser (dispatch.ts).
import { PaymentEvent as MembershipEvent } from '../common/payment-events';
export type { AkasseMembershipPayload } from '../common/payment-events';

export const PaymentEvent = {
  ...MembershipEvent,
  EEA_BENEFIT_PERIOD_REPORTED: 'EEA_BENEFIT_PERIOD_REPORTED',
  EEA_BENEFIT_PERIOD_INTERRUPTED: 'EEA_BENEFIT_PERIOD_INTERRUPTED',
  EEA_BENEFIT_PERIOD_UPDATED: 'EEA_BENEFIT_PERIOD_UPDATED',
  EEA_BENEFIT_PERIOD_DELETED: 'EEA_BENEFIT_PERIOD_DELETED',
} as const;

/** The period as it stands after the change (before it, for a deletion), and who changed it. */
export interface EeaBenefitPeriodPayload {
  personId: string;
  paymentId: string;
  country: string;
  start: string;
  end: string;
  interruptionDate: string | null;
  interruptionCauseId: number | null;
  reportedBy: string;
  /** `role:authority` of the caller that made the change. */
  changedBy: string;
}
