// One event in a job order's life (CompanyRecruitmentEventActionType 1-11), readable as JobOrder.events.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { startsNull } from '../../../core/entity-defaults';

export const JobOrderEvent = defineEntity({
  name: 'JobOrderEvent',
  tableName: 'job_order_event',
  indexes: [{ properties: ['jobOrderId', 'seq'] }],
  properties: {
    /** Insertion order: events of one instant still list in the order they happened. */
    seq: p.integer().primary().autoincrement(),
    id: p.string().length(36).unique(),
    jobOrderId: p.string().length(36),
    actionTypeId: p.integer(),
    mediationId: startsNull(p.string().length(36)),
    /** `JOBCENTRE:101`, `AKASSE:21` or `SYSTEM`. */
    performedBy: p.string().length(16),
    occurredAt: p.datetime(),
  },
});

export type JobOrderEvent = InferEntity<typeof JobOrderEvent>;
