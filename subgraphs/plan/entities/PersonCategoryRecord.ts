// The plan subgraph's own projection of each person's visitation category (personkategorisering),
// fed by the person subgraph's VISITATION_CHANGED events: job-search requirements depend on it.
import { EntitySchema } from '@mikro-orm/core';

export class PersonCategoryRecord {
  personId!: string;
  /** The contract's PersonCategory; null when the visitation was ended. */
  category: string | null = null;
  changedAt!: Date;
}

export const PersonCategoryRecordSchema = new EntitySchema<PersonCategoryRecord>({
  class: PersonCategoryRecord,
  tableName: 'person_category',
  properties: {
    personId: { type: 'string', length: 36, primary: true },
    category: { type: 'string', length: 32, nullable: true },
    changedAt: { type: 'datetime' },
  },
});
