// Per-request DataLoaders: the plan versions of N persons cost one query.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { PlanVersion } from './entities/PlanVersion';

export function createLoaders(em: EntityManager) {
  return {
    versionsByPerson: new DataLoader<string, PlanVersion[]>(async (personIds) => {
      const found = await em.find(PlanVersion, { personId: { $in: [...personIds] } }, { orderBy: { version: 'desc' } });
      return personIds.map((id) => found.filter((v) => v.personId === id));
    }),
  };
}

export type PlanLoaders = ReturnType<typeof createLoaders>;
