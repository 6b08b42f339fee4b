// Per-request DataLoaders: the absences, directory entries and histories of N persons or absences
// cost one query each, whatever the query's shape.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { toIsoDate } from '../../core/dates';
import { OutboxEvent } from '../../core/outbox';
import { KnownPerson } from '../common/person-directory';
import { AbsenceEvent, type AbsencePayload } from './events';
import { Absence } from './entities/Absence';
import type { StatusChange } from './rules';

const REACTION_KINDS: ReadonlySet<string> = new Set([AbsenceEvent.ABSENCE_ON_HOLD, AbsenceEvent.ABSENCE_ENDED, AbsenceEvent.ABSENCE_REACTIVATED]);

/**
 * The absence as a history row left it. The outbox stores every payload as a JSON record; each row
 * of an absence was written by recordAbsenceEvent (writes.ts) with an AbsencePayload, so this one
 * read of a stored row says so.
 */
export function absenceAfter(event: OutboxEvent): AbsencePayload {
  return event.payload as unknown as AbsencePayload;
}

/** The contact-group reactions among an absence's history rows, each from its day (older rows: the day recorded). */
function reactionsIn(history: readonly OutboxEvent[]): StatusChange[] {
  return history.map((event) => ({ status: absenceAfter(event).status, since: absenceAfter(event).statusSince ?? event.effectiveDate ?? toIsoDate(event.occurredAt) }));
}

export function createLoaders(em: EntityManager) {
  return {
    /** Every absence of the person, deleted ones included, newest first. */
    absencesByPerson: new DataLoader<string, Absence[]>(async (personIds) => {
      const found = await em.find(Absence, { personId: { $in: [...personIds] } }, { orderBy: { start: 'desc', createdAt: 'desc' } });
      return personIds.map((id) => found.filter((a) => a.personId === id));
    }),
    /** The local directory entry (municipality, a-kasser, contact group); null when not delivered yet. */
    knownPersonById: new DataLoader<string, KnownPerson | null>(async (ids) => {
      const found = await em.find(KnownPerson, { id: { $in: [...ids] } });
      return ids.map((id) => found.find((p) => p.id === id) ?? null);
    }),
    /** The events written for each absence, oldest first: its history, deletion included. */
    historyByAbsence: new DataLoader<string, OutboxEvent[]>(async (absenceIds) => {
      const found = await em.find(OutboxEvent, { entityType: 'Absence', entityId: { $in: [...absenceIds] } }, { orderBy: { seq: 'asc' } });
      return absenceIds.map((id) => found.filter((e) => e.entityId === id));
    }),
    /** Every contact-group reaction of each absence, in the order recorded: its status on past days. */
    reactionsByAbsence: new DataLoader<string, StatusChange[]>(async (absenceIds) => {
      const found = await em.find(OutboxEvent, { entityType: 'Absence', entityId: { $in: [...absenceIds] }, kind: { $in: [...REACTION_KINDS] } }, { orderBy: { seq: 'asc' } });
      return absenceIds.map((id) => reactionsIn(found.filter((e) => e.entityId === id)));
    }),
  };
}

export type AbsenceLoaders = ReturnType<typeof createLoaders>;
