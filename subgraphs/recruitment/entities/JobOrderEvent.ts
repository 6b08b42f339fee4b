// One event in a job order's life (CompanyRecruitmentEventActionType 1-11), readable as JobOrder.events.
import { EntitySchema, OptionalProps } from '@mikro-orm/core';

export class JobOrderEvent {
  [OptionalProps]?: 'seq' | 'mediationId';
  /** Insertion order: events of one instant still list in the order they happened. */
  seq!: number;
  id!: string;
  jobOrderId!: string;
  actionTypeId!: number;
  mediationId: string | null = null;
  /** `JOBCENTRE:101`, `AKASSE:21` or `SYSTEM`. */
  performedBy!: string;
  occurredAt!: Date;
}

export const JobOrderEventSchema = new EntitySchema<JobOrderEvent>({
  class: JobOrderEvent,
  tableName: 'job_order_event',
  indexes: [{ properties: ['jobOrderId', 'seq'] }],
  properties: {
    seq: { type: 'integer', primary: true, autoincrement: true },
    id: { type: 'string', length: 36, unique: true },
    jobOrderId: { type: 'string', length: 36 },
    actionTypeId: { type: 'integer' },
    mediationId: { type: 'string', length: 36, nullable: true },
    performedBy: { type: 'string', length: 16 },
    occurredAt: { type: 'datetime' },
  },
});
