// Per-request DataLoaders: the memberships, periods and directory entries of N persons cost one
// query each, whatever the query's shape.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { KnownPerson } from '../common/person-directory';
import { AkasseMembership } from './entities/AkasseMembership';
import { EeaBenefitPeriod } from './entities/EeaBenefitPeriod';

export function createLoaders(em: EntityManager) {
  return {
    /** The person's a-kasse memberships, newest first. */
    membershipsByPerson: new DataLoader<string, AkasseMembership[]>(async (personIds) => {
      const found = await em.find(AkasseMembership, { personId: { $in: [...personIds] } }, { orderBy: { start: 'desc' } });
      return personIds.map((id) => found.filter((m) => m.personId === id));
    }),
    /** The person's EEA benefit periods, newest first. */
    periodsByPerson: new DataLoader<string, EeaBenefitPeriod[]>(async (personIds) => {
      const found = await em.find(EeaBenefitPeriod, { personId: { $in: [...personIds] } }, { orderBy: { start: 'desc' } });
      return personIds.map((id) => found.filter((p) => p.personId === id));
    }),
    /** The local directory entry (jobcentre); null when the CPR feed has not delivered the person yet. */
    knownPersonById: new DataLoader<string, KnownPerson | null>(async (ids) => {
      const found = await em.find(KnownPerson, { id: { $in: [...ids] } });
      return ids.map((id) => found.find((p) => p.id === id) ?? null);
    }),
  };
}

export type PaymentLoaders = ReturnType<typeof createLoaders>;
