// The person subgraph's own projection of a person's absences, from the absence subgraph's events:
// the CV requirement depends on what they exempt from (001 §2.9, seed 003).
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { AbsenceStatus } from '../../common/absence-events';
import { startsNull } from '../../../core/entity-defaults';

export const KnownAbsence = defineEntity({
  name: 'KnownAbsence',
  tableName: 'known_absence',
  indexes: [{ properties: ['personId'] }],
  properties: {
    id: p.string().length(36).primary(),
    personId: p.string().length(36),
    typeId: p.integer(),
    start: p.string().length(10),
    end: startsNull(p.string().length(10)),
    status: p.string().$type<AbsenceStatus>().length(16),
    exemptions: p.json<string[]>(),
  },
});

export type KnownAbsence = InferEntity<typeof KnownAbsence>;
