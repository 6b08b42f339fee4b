// Per-request DataLoaders for job orders and mediations.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { JobOrder } from './entities/JobOrder';
import { Mediation } from './entities/Mediation';

export function createLoaders(em: EntityManager) {
  return {
    jobOrderById: new DataLoader<string, JobOrder | null>(async (ids) => {
      const found = await em.find(JobOrder, { id: { $in: [...ids] } });
      const byId = new Map(found.map((o) => [o.id, o]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    mediationsByPerson: new DataLoader<string, Mediation[]>(async (personIds) => {
      const found = await em.find(Mediation, { personId: { $in: [...personIds] } }, { orderBy: { createdAt: 'desc' } });
      return personIds.map((id) => found.filter((m) => m.personId === id));
    }),
    mediationsByJobOrder: new DataLoader<string, Mediation[]>(async (orderIds) => {
      const found = await em.find(Mediation, { jobOrderId: { $in: [...orderIds] } });
      return orderIds.map((id) => found.filter((m) => m.jobOrderId === id));
    }),
  };
}

export type RecruitmentLoaders = ReturnType<typeof createLoaders>;
