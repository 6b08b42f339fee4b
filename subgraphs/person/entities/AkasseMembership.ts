// The person subgraph's own projection of a-kasse memberships, from the payment subgraph's events:
// "dagpenge without membership → Uden ydelse" (004) and which a-kasser hear of a person's changes.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { startsNull } from '../../../core/entity-defaults';

export const AkasseMembership = defineEntity({
  name: 'AkasseMembership',
  tableName: 'akasse_membership',
  indexes: [{ properties: ['personId'] }],
  properties: {
    id: p.string().length(64).primary(),
    personId: p.string().length(36),
    akasse: p.string().length(10),
    start: p.string().length(10),
    end: startsNull(p.string().length(10)),
  },
});

export type AkasseMembership = InferEntity<typeof AkasseMembership>;
