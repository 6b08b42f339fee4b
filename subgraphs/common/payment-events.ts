// The payment subgraph's events other subgraphs consume: the contract between them.

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
