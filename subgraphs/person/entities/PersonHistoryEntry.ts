// The person's history (PersonHistoryService): one row per change, deletions and annulments
// included, written in the same transaction as the change. Rows are only ever inserted. Each keeps
// both times: when it was recorded (`at`) and the day it is in force from (`effectiveDate`).
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { startsNull } from '../../../core/entity-defaults';

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
    /** Recorded time: when DFDG recorded the change. */
    at: p.datetime(),
    /** Valid time: the first day the change is in force (a scheduled or back-dated change differs from `at`); null on rows from before valid time was kept. */
    effectiveDate: startsNull(p.string().length(10)),
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
