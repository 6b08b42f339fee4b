// The person's history (PersonHistoryService): one row per change, deletions and annulments
// included, written in the same transaction as the change. Rows are only ever inserted.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export interface HistoryChange {
  field: string;
  from: string | null;
  to: string | null;
}

export const PersonHistoryEntry = defineEntity({
  name: 'PersonHistoryEntry',
  tableName: 'person_history_entry',
  indexes: [{ properties: ['personId', 'at'] }],
  properties: {
    /** Insertion order: entries of one instant (one transaction) keep the order they were written in. */
    seq: p.integer().primary().autoincrement(),
    personId: p.string().length(36),
    at: p.datetime(),
    /** The event kind the change was announced with, e.g. CONTACT_GROUP_CHANGED. */
    action: p.string().length(64),
    entityType: p.string().length(64),
    entityId: p.string().length(64),
    actorRole: p.string().length(20),
    actorAuthority: p.string().length(10),
    actorSubject: p.string().length(200),
    changes: p.json<HistoryChange[]>(),
  },
});

export type PersonHistoryEntry = InferEntity<typeof PersonHistoryEntry>;
