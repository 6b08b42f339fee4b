// The person subgraph's own projection of a-kasse memberships, from the payment subgraph's events:
// "dagpenge without membership → Uden ydelse" (004) and which a-kasser hear of a person's changes.
import { EntitySchema } from '@mikro-orm/core';

export class AkasseMembership {
  id!: string;
  personId!: string;
  akasse!: string;
  start!: string;
  end: string | null = null;
}

export const AkasseMembershipSchema = new EntitySchema<AkasseMembership>({
  class: AkasseMembership,
  tableName: 'akasse_membership',
  indexes: [{ properties: ['personId'] }],
  properties: {
    id: { type: 'string', length: 64, primary: true },
    personId: { type: 'string', length: 36 },
    akasse: { type: 'string', length: 10 },
    start: { type: 'string', length: 10 },
    end: { type: 'string', length: 10, nullable: true },
  },
});
