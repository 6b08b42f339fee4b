// The person subgraph's own projection of a person's absences, from the absence subgraph's events:
// the CV requirement depends on what they exempt from (001 §2.9, seed 003).
import { EntitySchema } from '@mikro-orm/core';
import type { AbsenceStatus } from '../../common/absence-events';

export class KnownAbsence {
  id!: string;
  personId!: string;
  typeId!: number;
  start!: string;
  end: string | null = null;
  status!: AbsenceStatus;
  exemptions!: string[];
}

export const KnownAbsenceSchema = new EntitySchema<KnownAbsence>({
  class: KnownAbsence,
  tableName: 'known_absence',
  indexes: [{ properties: ['personId'] }],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    personId: { type: 'string', length: 36 },
    typeId: { type: 'integer' },
    start: { type: 'string', length: 10 },
    end: { type: 'string', length: 10, nullable: true },
    status: { type: 'string', length: 16 },
    exemptions: { type: 'json' },
  },
});
