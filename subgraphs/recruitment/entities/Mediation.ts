// A candidate mediated to a job order (formidling). The mediated person's jobcentre is kept so an
// internal order can be shown to it (read only) without asking another subgraph.
import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { MediationOutcome, MediationStatus } from '../rules/mediation';

export class Mediation {
  [OptionalProps]?: 'version' | 'outcome';
  id!: string;
  jobOrderId!: string;
  personId!: string;
  /** The citizen's jobcentre when mediated: it may read the order and is notified (001 §5.1). */
  personJobcentre!: string;
  status!: MediationStatus;
  outcome: MediationOutcome | null = null;
  /** The authority that mediated, `JOBCENTRE:101` or `AKASSE:21` (SYSTEM for STAR). */
  mediatedBy!: string;
  createdAt!: Date;
  updatedAt!: Date;
  version = 1;
}

export const MediationSchema = new EntitySchema<Mediation>({
  class: Mediation,
  tableName: 'mediation',
  indexes: [{ properties: ['personId'] }, { properties: ['personJobcentre'] }],
  // One mediation per candidate and order, however many requests race to create it.
  uniques: [{ properties: ['jobOrderId', 'personId'] }],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    jobOrderId: { type: 'string', length: 36 },
    personId: { type: 'string', length: 36 },
    personJobcentre: { type: 'string', length: 3 },
    status: { type: 'string', length: 32 },
    outcome: { type: 'string', length: 32, nullable: true },
    mediatedBy: { type: 'string', length: 16 },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  },
});
