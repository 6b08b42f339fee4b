// The person's history (PersonHistoryService): one row per change, deletions and annulments
// included, written in the same transaction as the change. Rows are only ever inserted.
import { EntitySchema } from '@mikro-orm/core';

export interface HistoryChange {
  field: string;
  from: string | null;
  to: string | null;
}

export class PersonHistoryEntry {
  /** Insertion order: entries of one instant (one transaction) keep the order they were written in. */
  seq!: number;
  personId!: string;
  at!: Date;
  /** The event kind the change was announced with, e.g. CONTACT_GROUP_CHANGED. */
  action!: string;
  entityType!: string;
  entityId!: string;
  actorRole!: string;
  actorAuthority!: string;
  actorSubject!: string;
  changes!: HistoryChange[];
}

export const PersonHistoryEntrySchema = new EntitySchema<PersonHistoryEntry>({
  class: PersonHistoryEntry,
  tableName: 'person_history_entry',
  indexes: [{ properties: ['personId', 'at'] }],
  properties: {
    seq: { type: 'integer', primary: true, autoincrement: true },
    personId: { type: 'string', length: 36 },
    at: { type: 'datetime' },
    action: { type: 'string', length: 64 },
    entityType: { type: 'string', length: 64 },
    entityId: { type: 'string', length: 64 },
    actorRole: { type: 'string', length: 20 },
    actorAuthority: { type: 'string', length: 10 },
    actorSubject: { type: 'string', length: 200 },
    changes: { type: 'json' },
  },
});
