// Per-request DataLoaders: the absences of N persons cost one query.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { Absence } from './entities/Absence';

export function createLoaders(em: EntityManager) {
  return {
    absencesByPerson: new DataLoader<string, Absence[]>(async (personIds) => {
      const found = await em.find(Absence, { personId: { $in: [...personIds] } }, { orderBy: { start: 'desc', createdAt: 'desc' } });
      return personIds.map((id) => found.filter((a) => a.personId === id));
    }),
  };
}

export type AbsenceLoaders = ReturnType<typeof createLoaders>;
