// Per-request DataLoaders: a list of N persons costs one query per loader, not N.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { Person } from './entities/Person';
import { ContactGroupRegistration } from './entities/ContactGroupRegistration';

export function createLoaders(em: EntityManager) {
  return {
    personById: new DataLoader<string, Person | null>(async (ids) => {
      const found = await em.find(Person, { id: { $in: [...ids] } });
      const byId = new Map(found.map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    registrationsByPerson: new DataLoader<string, ContactGroupRegistration[]>(async (personIds) => {
      const found = await em.find(
        ContactGroupRegistration,
        { personId: { $in: [...personIds] } },
        { orderBy: { start: 'desc', createdAt: 'desc' } },
      );
      return personIds.map((id) => found.filter((r) => r.personId === id));
    }),
  };
}

export type PersonLoaders = ReturnType<typeof createLoaders>;
