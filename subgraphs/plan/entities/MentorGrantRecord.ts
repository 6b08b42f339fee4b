// A mentor grant (mentorbevilling) as VITAS registers it (seed 003): the offer it is given with and,
// for internship, wage subsidy, adult apprenticeship and supported employment, its type.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Role } from '../../../core/identity';
import { startsNull } from '../../../core/entity-defaults';

export const MentorGrantRecord = defineEntity({
  name: 'MentorGrantRecord',
  tableName: 'mentor_grant',
  properties: {
    id: p.string().length(36).primary(),
    personId: p.string().length(36).index(),
    /** mentorGrantOffers id (provisional 901–905). */
    offerId: p.integer(),
    /** mentorGrantTypes id (provisional 901–902); null for a grant not tied to one of the four offers. */
    mentorTypeId: startsNull(p.integer()),
    start: p.string().length(10),
    end: startsNull(p.string().length(10)),
    registeredByRole: p.string().$type<Role>().length(16),
    registeredByAuthority: p.string().length(8),
    createdAt: p.datetime(),
  },
});

export type MentorGrantRecord = InferEntity<typeof MentorGrantRecord>;
