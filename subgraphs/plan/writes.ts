// The plan subgraph's write module: lock the person, read the latest version fresh, write the next
// Min plan version and record its events, in one unit of work. Versions of a person are numbered
// 1, 2, 3 … with no gap and no duplicate, even when several writers change the same person's plan
// at the same moment.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../core/clock';
import { today, type IsoDate } from '../../core/dates';
import type { EventDraft } from '../../core/events';
import { recordEvent } from '../../core/outbox';
import { isUniqueViolation, lockRow, retryOnLostRace } from '../../core/write-path';
import { addressEvent, type PlanEventKind } from './dispatch';
import { KnownPerson } from '../common/person-directory';
import { PlanVersion } from './entities/PlanVersion';
import { PlanEvent, type PlanVersionCreatedPayload } from './events';

type PlanEventDraft = Omit<EventDraft, 'authorities' | 'personId' | 'kind'> & { kind: PlanEventKind };

export interface VersionChange {
  changeCodes: number[];
  /** What differs from the previous version; everything else is copied forward. */
  patch: Partial<Pick<PlanVersion, 'jobSearchRequirements' | 'goals' | 'activities'>>;
  activityId?: string | null;
  /** Further events of the same change (NUPH, jobrettet uddannelse); addressed here by kind. */
  events?: PlanEventDraft[];
  /**
   * Valid time: the day the version is in force from, when it is not today — a reaction to a change
   * that took effect on its own date (back-dated, or effectuated on its day). Its events carry it.
   */
  effectiveOn?: IsoDate;
}

export interface Decision<R> {
  /** Null when nothing changed: no version and no event are written. */
  change: VersionChange | null;
  result: R;
}

/** Decides the change from the locked person and the latest version; may persist its own rows on `tx`. */
export type Decide<R> = (tx: EntityManager, person: KnownPerson, previous: PlanVersion | null) => Promise<Decision<R>>;

/**
 * The person's directory row, read fresh; on PostgreSQL locked FOR UPDATE, so writers of one person
 * queue behind each other and each reads the version the previous one wrote (core/write-path.ts).
 */
export function lockPerson(tx: EntityManager, personId: string): Promise<KnownPerson> {
  return lockRow(tx, KnownPerson, { id: personId });
}

/** Writes one of this subgraph's events to the outbox, addressed by the dispatch table. */
export function recordPlanEvent(tx: EntityManager, clock: Clock, person: KnownPerson, draft: PlanEventDraft): void {
  recordEvent(tx, clock, { ...draft, personId: person.id, authorities: addressEvent(draft.kind, person) });
}

/**
 * Inside a transaction the caller owns (a bus consumer's). The person is locked first
 * (`lockPerson`). The unique (person, version) index is the last line of defence: a duplicate
 * fails the transaction rather than exist.
 */
export async function writeVersionIn<R>(tx: EntityManager, clock: Clock, createdBy: string, personId: string, decide: Decide<R>): Promise<Decision<R> & { version: PlanVersion | null }> {
  const person = await lockPerson(tx, personId);
  const previous = await tx.findOne(PlanVersion, { personId }, { orderBy: { version: 'desc' } });
  const decision = await decide(tx, person, previous);
  if (decision.change === null) return { ...decision, version: null };
  const { changeCodes, patch, activityId = null, events = [], effectiveOn = today(clock) } = decision.change;
  const version = tx.create(PlanVersion, {
    id: randomUUID(),
    personId,
    version: (previous?.version ?? 0) + 1,
    changeCodes,
    jobSearchRequirements: previous?.jobSearchRequirements ?? null,
    goals: previous?.goals ?? null,
    activities: previous?.activities ?? [],
    activityId,
    createdBy,
    createdAt: clock.now(),
    effectiveOn,
    ...patch,
  });
  const payload: PlanVersionCreatedPayload = { personId, version: version.version, changeCodes, activityId };
  for (const draft of [{ kind: PlanEvent.PLAN_VERSION_CREATED, entityType: 'PlanVersion', entityId: version.id, payload }, ...events]) {
    recordPlanEvent(tx, clock, person, { effectiveDate: effectiveOn, ...draft });
  }
  return { ...decision, version };
}

/**
 * In a transaction of its own, retried from the start (5 attempts in all, then the violation itself
 * is rethrown) when a parallel writer took the version number first: only possible where no lock is
 * taken, or for a person's very first version on a busy database. Nothing else is retried.
 */
export async function writePlanVersion<R>(em: EntityManager, clock: Clock, createdBy: string, personId: string, decide: Decide<R>): Promise<Decision<R> & { version: PlanVersion | null }> {
  return retryOnLostRace(() => em.fork().transactional((tx) => writeVersionIn(tx, clock, createdBy, personId, decide)), { lostRace: isUniqueViolation, attempts: 5 });
}
