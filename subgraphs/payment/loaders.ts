// Per-request DataLoaders: memberships and periods of N persons cost one query each.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { AkasseMembership } from './entities/AkasseMembership';
import { EeaBenefitPeriod } from './entities/EeaBenefitPeriod';

export function createLoaders(em: EntityManager) {
  return {
    membershipsByPerson: new DataLoader<string, AkasseMembership[]>(async (personIds) => {
      const found = await em.find(AkasseMembership, { personId: { $in: [...personIds] } }, { orderBy: { start: 'desc' } });
      return personIds.map((id) => found.filter((m) => m.personId === id));
    }),
    periodsByPerson: new DataLoader<string, EeaBenefitPeriod[]>(async (personIds) => {
      const found = await em.find(EeaBenefitPeriod, { personId: { $in: [...personIds] } }, { orderBy: { start: 'desc' } });
      return personIds.map((id) => found.filter((p) => p.personId === id));
    }),
  };
}

export type PaymentLoaders = ReturnType<typeof createLoaders>;
