// A job order (jobordre). Internal orders are visible only to the owning authority and its
// recruitment collaboration (primary authorities), 001 §5.1.
import { EntitySchema } from '@mikro-orm/core';

export class JobOrder {
  id!: string;
  title!: string;
  description!: string;
  occupationCode: string | null = null;
  isInternal!: boolean;
  numberOfPositions: number | null = null;
  owningRole!: string;
  owningAuthority!: string;
  /** Primary authorities of the recruitment collaboration besides the owner. */
  collaborationAuthorities: string[] = [];
  createdAt!: Date;
  updatedAt!: Date;
}

export const JobOrderSchema = new EntitySchema<JobOrder>({
  class: JobOrder,
  tableName: 'job_order',
  indexes: [{ properties: ['owningAuthority'] }],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    title: { type: 'string', length: 200 },
    description: { type: 'text' },
    occupationCode: { type: 'string', length: 16, nullable: true },
    isInternal: { type: 'boolean' },
    numberOfPositions: { type: 'integer', nullable: true },
    owningRole: { type: 'string', length: 16 },
    owningAuthority: { type: 'string', length: 8 },
    collaborationAuthorities: { type: 'json' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
