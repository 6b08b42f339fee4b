// The plan subgraph's own projection of each person's visitation category (personkategorisering),
// fed by the person subgraph's VISITATION_CHANGED events: job-search requirements depend on it.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { startsNull } from '../../../core/entity-defaults';

export const PersonCategoryRecord = defineEntity({
  name: 'PersonCategoryRecord',
  tableName: 'person_category',
  properties: {
    personId: p.string().length(36).primary(),
    /** The contract's PersonCategory; null when the visitation was ended. */
    category: startsNull(p.string().length(32)),
    changedAt: p.datetime(),
  },
});

export type PersonCategoryRecord = InferEntity<typeof PersonCategoryRecord>;
