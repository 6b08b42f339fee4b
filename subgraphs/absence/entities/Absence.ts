// One registered absence (fraværsforhold). Deleted ones are kept with their correction comment:
// a deletion stays visible in history and cannot be undone.
import { EntitySchema } from '@mikro-orm/core';

export class Absence {
  id!: string;
  personId!: string;
  typeId!: number;
  start!: string;
  end: string | null = null;
  /** I bero: put on hold by a contact-group change, e.g. to sick benefits. */
  onHold = false;
  registeredByRole!: string;
  registeredByAuthority!: string;
  createdAt!: Date;
  updatedAt!: Date;
  deletedAt: Date | null = null;
  deletionComment: string | null = null;
}

export const AbsenceSchema = new EntitySchema<Absence>({
  class: Absence,
  tableName: 'absence',
  indexes: [{ properties: ['personId', 'start'] }],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    personId: { type: 'string', length: 36 },
    typeId: { type: 'integer' },
    start: { type: 'string', length: 10 },
    end: { type: 'string', length: 10, nullable: true },
    onHold: { type: 'boolean', default: false },
    registeredByRole: { type: 'string', length: 16 },
    registeredByAuthority: { type: 'string', length: 8 },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    deletedAt: { type: 'datetime', nullable: true },
    deletionComment: { type: 'text', nullable: true },
  },
});
