// The payment subgraph's events other subgraphs consume: the contract between them.
import { eventGuard } from '../../core/events';

export const PaymentEvent = {
  AKASSE_MEMBERSHIP_STARTED: 'AKASSE_MEMBERSHIP_STARTED',
  AKASSE_MEMBERSHIP_ENDED: 'AKASSE_MEMBERSHIP_ENDED',
} as const;

export interface AkasseMembershipPayload {
  personId: string;
  membershipId: string;
  akasse: string;
  start: string;
  end: string | null;
}

/** The payment subgraph's contract with the others: both kinds carry the membership as it now is. */
export type PaymentEvents = { [K in (typeof PaymentEvent)[keyof typeof PaymentEvent]]: AkasseMembershipPayload };
export const isPaymentEvent = eventGuard<PaymentEvents>();
