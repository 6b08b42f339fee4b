// Per-request DataLoaders: the absences, directory entries and histories of N persons or absences
// cost one query each, whatever the query's shape.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { OutboxEvent } from '../../core/outbox';
import { KnownPerson } from '../common/person-directory';
import { Absence } from './entities/Absence';

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
  };
}

export type AbsenceLoaders = ReturnType<typeof createLoaders>;
