// Effectuation: a change recorded for a later day is stored at once but takes effect on its day.
// What follows from it (its event, the other subgraphs' reactions, derived facts) happens then,
// once: a due effect is claimed by a conditional update in the transaction that applies it, so two
// replicas running the same catch-up never both apply it, on SQLite and PostgreSQL alike. Each
// process runs the due effects at start (a restart over midnight catches up) and on a timer.
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type EntityManager, type InferEntity } from '@mikro-orm/core';
import type { Clock } from './clock';
import { today, type IsoDate } from './dates';
import { startsNull } from './entity-defaults';

export const ScheduledEffect = defineEntity({
  name: 'ScheduledEffect',
  tableName: 'scheduled_effect',
  indexes: [{ properties: ['effectiveOn'] }, { properties: ['entityType', 'entityId'] }],
  properties: {
    id: p.string().length(36).primary(),
    /** What to do on the day, e.g. CONTACT_GROUP_CHANGE; the subgraph's handler of that kind does it. */
    kind: p.string().length(64),
    personId: startsNull(p.string().length(36)),
    entityType: p.string().length(64),
    entityId: p.string().length(64),
    /** The first day the change is in force: it takes effect at the start of this day (Copenhagen). */
    effectiveOn: p.string().length(10),
    payload: p.json<Record<string, unknown>>(),
    recordedAt: p.datetime(),
    /** When a process applied it; null while it waits for its day. */
    effectedAt: startsNull(p.datetime()),
    /** When a later correction withdrew it before its day; it is then never applied. */
    cancelledAt: startsNull(p.datetime()),
  },
});

export type ScheduledEffect = InferEntity<typeof ScheduledEffect>;

export interface EffectDraft {
  kind: string;
  personId?: string | null;
  entityType: string;
  entityId: string;
  effectiveOn: IsoDate;
  payload: object;
}

/** Queues an effect in the caller's unit of work: stored with the change it belongs to, or not at all. */
export function scheduleEffect(em: EntityManager, clock: Clock, draft: EffectDraft): ScheduledEffect {
  return em.create(ScheduledEffect, {
    id: randomUUID(),
    kind: draft.kind,
    personId: draft.personId ?? null,
    entityType: draft.entityType,
    entityId: draft.entityId,
    effectiveOn: draft.effectiveOn,
    payload: draft.payload as Record<string, unknown>,
    recordedAt: clock.now(),
  });
}

/** Withdraws the pending effects of an entity (a correction replaced them); returns how many. */
export async function cancelPendingEffects(em: EntityManager, clock: Clock, entityType: string, entityId: string): Promise<number> {
  return em.nativeUpdate(ScheduledEffect, { entityType, entityId, effectedAt: null, cancelledAt: null }, { cancelledAt: clock.now() });
}

/** Effects still waiting for their day, oldest day first. */
export async function pendingEffects(em: EntityManager, where: { personId?: string; entityType?: string } = {}): Promise<ScheduledEffect[]> {
  return em.find(ScheduledEffect, { ...where, effectedAt: null, cancelledAt: null }, { orderBy: { effectiveOn: 'asc', recordedAt: 'asc' } });
}

/**
 * Applies one kind of effect inside the transaction that claimed it: writes what the change implies
 * and records its events (whose effective date is `effect.effectiveOn`). A throw undoes the claim,
 * so the effect is tried again at the next run.
 */
export type EffectHandler = (em: EntityManager, effect: ScheduledEffect, clock: Clock) => Promise<void>;

export type EffectHandlers = Readonly<Record<string, EffectHandler>>;

export interface EffectuationResult {
  applied: number;
  failed: number;
}

/**
 * Applies every effect due on or before today, in day order, each in a transaction of its own. A
 * replica that lost the claim skips it; an unknown kind or a failing handler leaves it pending (and
 * is reported through `onError`), so nothing is lost and nothing is applied twice.
 */
export async function runDueEffects(
  em: EntityManager,
  clock: Clock,
  handlers: EffectHandlers,
  onError: (effect: ScheduledEffect, error: unknown) => void = () => {},
): Promise<EffectuationResult> {
  const day = today(clock);
  const due = await em.fork().find(ScheduledEffect, { effectedAt: null, cancelledAt: null, effectiveOn: { $lte: day } }, { orderBy: { effectiveOn: 'asc', recordedAt: 'asc' } });
  const result: EffectuationResult = { applied: 0, failed: 0 };
  for (const effect of due) {
    const handler = handlers[effect.kind];
    if (!handler) {
      result.failed++;
      onError(effect, new Error(`no handler for scheduled effect kind ${effect.kind}`));
      continue;
    }
    try {
      const applied = await em.fork().transactional(async (tx) => {
        const claimed = await tx.nativeUpdate(ScheduledEffect, { id: effect.id, effectedAt: null, cancelledAt: null }, { effectedAt: clock.now() });
        if (claimed !== 1) return false;
        await handler(tx, effect, clock);
        return true;
      });
      if (applied) result.applied++;
    } catch (error) {
      result.failed++;
      onError(effect, error);
    }
  }
  return result;
}
