// A candidate mediated to a job order (formidling). The mediated person's jobcentre is kept so an
// internal order can be shown to it (read only) without asking another subgraph.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { startsAs, startsNull } from '../../../core/entity-defaults';
import type { MediationOutcome, MediationStatus } from '../rules/mediation';

export const Mediation = defineEntity({
  name: 'Mediation',
  tableName: 'mediation',
  indexes: [{ properties: ['personId'] }, { properties: ['personJobcentre'] }],
  // One mediation per candidate and order, however many requests race to create it.
  uniques: [{ properties: ['jobOrderId', 'personId'] }],
  properties: {
    id: p.string().length(36).primary(),
    jobOrderId: p.string().length(36),
    personId: p.string().length(36),
    /** The citizen's jobcentre when mediated: it may read the order and is notified (001 §5.1). */
    personJobcentre: p.string().length(3),
    status: p.string().$type<MediationStatus>().length(32),
    outcome: startsNull(p.string().$type<MediationOutcome>().length(32)),
    /** The authority that mediated, `JOBCENTRE:101` or `AKASSE:21` (SYSTEM for STAR). */
    mediatedBy: p.string().length(16),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    version: startsAs(p.integer().version(), 1),
  },
});

export type Mediation = InferEntity<typeof Mediation>;
