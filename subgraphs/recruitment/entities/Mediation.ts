// A candidate mediated to a job order (formidling). The mediated person's jobcentre is kept so an
// internal order can be shown to it (read only) without asking another subgraph.
import { EntitySchema } from '@mikro-orm/core';

export class Mediation {
  id!: string;
  jobOrderId!: string;
  personId!: string;
  personJobcentre!: string;
  status!: string;
  mediatedBy!: string;
  createdAt!: Date;
}

export const MediationSchema = new EntitySchema<Mediation>({
  class: Mediation,
  tableName: 'mediation',
  indexes: [{ properties: ['personId'] }, { properties: ['jobOrderId'] }],
  uniques: [{ properties: ['jobOrderId', 'personId'] }],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    jobOrderId: { type: 'string', length: 36 },
    personId: { type: 'string', length: 36 },
    personJobcentre: { type: 'string', length: 3 },
    status: { type: 'string', length: 32 },
    mediatedBy: { type: 'string', length: 64 },
    createdAt: { type: 'datetime' },
  },
});
