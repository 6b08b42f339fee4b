// One registered absence (fraværsforhold). Deleted ones are kept with their correction comment:
// a deletion stays visible in history and cannot be undone.
import { EntitySchema } from '@mikro-orm/core';
import type { AbsenceStatus } from '../../common/absence-events';

export class Absence {
  id!: string;
  personId!: string;
  typeId!: number;
  start!: string;
  end: string | null = null;
  /** Stored status; PLANNED and run-out are derived from the dates when shown. */
  status: AbsenceStatus = 'ACTIVE';
  /** The day an ON_HOLD (i bero) or ENDED status took effect, or a hold was lifted. */
  statusSince: string | null = null;
  registeredByRole!: string;
  registeredByAuthority!: string;
  createdAt!: Date;
  updatedAt!: Date;
  deletedAt: Date | null = null;
  deletedByAuthority: string | null = null;
  /** Rettelseskommentar: free text, so never shown to analysts. */
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
    status: { type: 'string', length: 16, default: 'ACTIVE' },
    statusSince: { type: 'string', length: 10, nullable: true },
    registeredByRole: { type: 'string', length: 16 },
    registeredByAuthority: { type: 'string', length: 8 },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    deletedAt: { type: 'datetime', nullable: true },
    deletedByAuthority: { type: 'string', length: 8, nullable: true },
    deletionComment: { type: 'text', nullable: true },
  },
});
