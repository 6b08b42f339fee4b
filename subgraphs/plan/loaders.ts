// Per-request DataLoaders: the plan versions, activities, work-obligation facts, mentor grants and directory rows of N persons cost one
// query each, however many Person entities a gateway query resolves.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { KnownPerson } from '../common/person-directory';
import { Activity } from './entities/Activity';
import { MentorGrantRecord } from './entities/MentorGrantRecord';
import { PlanVersion } from './entities/PlanVersion';
import { WorkObligationFactsRecord } from './entities/WorkObligationFactsRecord';

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

export function createLoaders(em: EntityManager) {
  return {
    /** Newest first. */
    versionsByPerson: new DataLoader<string, PlanVersion[]>(async (personIds) => {
      const found = await em.find(PlanVersion, { personId: { $in: [...personIds] } }, { orderBy: { version: 'desc' } });
      return groupBy(personIds, found, (v) => v.personId);
    }),
    /** By start date, then id, so the order is stable. */
    activitiesByPerson: new DataLoader<string, Activity[]>(async (personIds) => {
      const found = await em.find(Activity, { personId: { $in: [...personIds] } }, { orderBy: { start: 'asc', id: 'asc' } });
      return groupBy(personIds, found, (a) => a.personId);
    }),
    /** In recorded order, so of two registrations for one day the later recorded wins (rules/work-obligation-reach.ts). */
    workObligationFactsByPerson: new DataLoader<string, WorkObligationFactsRecord[]>(async (personIds) => {
      const found = await em.find(WorkObligationFactsRecord, { personId: { $in: [...personIds] } }, { orderBy: { recordedAt: 'asc', id: 'asc' } });
      return groupBy(personIds, found, (f) => f.personId);
    }),
    /** By start date, then id. */
    mentorGrantsByPerson: new DataLoader<string, MentorGrantRecord[]>(async (personIds) => {
      const found = await em.find(MentorGrantRecord, { personId: { $in: [...personIds] } }, { orderBy: { start: 'asc', id: 'asc' } });
      return groupBy(personIds, found, (g) => g.personId);
    }),
    /** The directory row authorization is decided on; null when the plan subgraph has not heard of the person. */
    knownPersonById: new DataLoader<string, KnownPerson | null>(async (personIds) => {
      const found = await em.find(KnownPerson, { id: { $in: [...personIds] } });
      const byId = new Map(found.map((p) => [p.id, p]));
      return personIds.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type PlanLoaders = ReturnType<typeof createLoaders>;
