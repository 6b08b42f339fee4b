// Per-request DataLoaders: every entity reference, list field and access check batches into one
// query per kind, so a list of N orders or persons costs a constant number of SQL queries.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { KnownPerson } from '../common/person-directory';
import { JobAd } from './entities/JobAd';
import { JobOrder } from './entities/JobOrder';
import { JobOrderEvent } from './entities/JobOrderEvent';
import { Mediation } from './entities/Mediation';
import { CollaborationMember, RecruitmentCollaboration } from './entities/RecruitmentCollaboration';
import { authorityKey } from './rules';

function byId<T extends { id: string }>(find: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const found = new Map((await find([...ids])).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

function groupedBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

export function createLoaders(em: EntityManager) {
  return {
    jobOrderById: byId((ids) => em.find(JobOrder, { id: { $in: ids } })),
    jobAdById: byId((ids) => em.find(JobAd, { id: { $in: ids } })),
    mediationById: byId((ids) => em.find(Mediation, { id: { $in: ids } })),
    knownPersonById: byId((ids) => em.find(KnownPerson, { id: { $in: ids } })),
    collaborationById: byId((ids) => em.find(RecruitmentCollaboration, { id: { $in: ids } })),
    mediationsByPerson: new DataLoader<string, Mediation[]>(async (personIds) => {
      const groups = groupedBy(await em.find(Mediation, { personId: { $in: [...personIds] } }, { orderBy: { createdAt: 'desc', id: 'asc' } }), (m) => m.personId);
      return personIds.map((id) => groups.get(id) ?? []);
    }),
    mediationsByJobOrder: new DataLoader<string, Mediation[]>(async (orderIds) => {
      const groups = groupedBy(await em.find(Mediation, { jobOrderId: { $in: [...orderIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } }), (m) => m.jobOrderId);
      return orderIds.map((id) => groups.get(id) ?? []);
    }),
    eventsByJobOrder: new DataLoader<string, JobOrderEvent[]>(async (orderIds) => {
      const groups = groupedBy(await em.find(JobOrderEvent, { jobOrderId: { $in: [...orderIds] } }, { orderBy: { seq: 'asc' } }), (e) => e.jobOrderId);
      return orderIds.map((id) => groups.get(id) ?? []);
    }),
    /** `JOBCENTRE:101` → the collaboration it belongs to, or null. */
    collaborationIdByMember: new DataLoader<string, string | null>(async (keys) => {
      const refs = keys.map((key) => key.split(':'));
      const found = await em.find(CollaborationMember, { $or: refs.map(([kind, code]) => ({ kind: kind as CollaborationMember['kind'], code })) });
      const byKey = new Map(found.map((m) => [authorityKey(m), m.collaborationId]));
      return keys.map((key) => byKey.get(key) ?? null);
    }),
    membersByCollaboration: new DataLoader<string, CollaborationMember[]>(async (ids) => {
      const groups = groupedBy(await em.find(CollaborationMember, { collaborationId: { $in: [...ids] } }, { orderBy: { kind: 'asc', code: 'asc' } }), (m) => m.collaborationId);
      return ids.map((id) => groups.get(id) ?? []);
    }),
  };
}

export type RecruitmentLoaders = ReturnType<typeof createLoaders>;
