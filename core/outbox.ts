// The transactional outbox: a domain event is a row written in the same unit of work as the
// change it describes, so there is no event without the change and no change without the event.
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type EntityManager, type EntitySchema, type InferEntity } from '@mikro-orm/core';
import type { Clock } from './clock';
import { toIsoDate } from './dates';
import { ScheduledEffect } from './effectuation';
import { startsAs, startsNull } from './entity-defaults';
import type { EventAuthorities, EventDraft } from './events';
import { rememberTraceOf } from './telemetry';

export const OutboxEvent = defineEntity({
  name: 'OutboxEvent',
  tableName: 'outbox_event',
  indexes: [{ properties: ['publishedAt', 'streamPosition'] }],
  properties: {
    /** Insertion order only; it is NOT the published order (a late commit may have a lower seq). */
    seq: p.integer().primary().autoincrement(),
    id: p.string().length(36).unique(),
    kind: p.string().length(64),
    personId: startsNull(p.string().length(36)),
    entityType: startsNull(p.string().length(64)),
    entityId: startsNull(p.string().length(64)),
    authorities: p.json<EventAuthorities>(),
    occurredAt: p.datetime(),
    /** Valid time: the day the change is in force from (for most changes, the day it was recorded). */
    effectiveDate: startsNull(p.string().length(10)),
    payload: p.json<Record<string, unknown>>(),
    schemaVersion: startsAs(p.integer(), 1),
    /** Assigned by the relay in commit order; null until then. */
    streamPosition: startsNull(p.bigint('number').unique()),
    publishedAt: startsNull(p.datetime()),
  },
});

export type OutboxEvent = InferEntity<typeof OutboxEvent>;

/** The last position the relay handed out; one row per database. */
export const StreamState = defineEntity({
  name: 'StreamState',
  tableName: 'stream_state',
  properties: {
    name: p.string().length(64).primary(),
    lastPosition: startsAs(p.bigint('number'), 0),
  },
});

export type StreamState = InferEntity<typeof StreamState>;

/** How far a named consumer has processed another subgraph's stream; makes replays idempotent. */
export const ConsumerOffset = defineEntity({
  name: 'ConsumerOffset',
  tableName: 'consumer_offset',
  properties: {
    consumer: p.string().length(64).primary(),
    stream: p.string().length(64).primary(),
    lastPosition: startsAs(p.bigint('number'), 0),
  },
});

export type ConsumerOffset = InferEntity<typeof ConsumerOffset>;

export const coreEntities = [OutboxEvent, StreamState, ConsumerOffset, ScheduledEffect] as EntitySchema[];

/**
 * Queues an event in the caller's unit of work. It is written by the same flush (one transaction)
 * as the entities the caller persisted, and the relay publishes it once that commits.
 */
export function recordEvent(em: EntityManager, clock: Clock, draft: EventDraft): OutboxEvent {
  const id = randomUUID();
  // The relay's publish joins the trace of the request recording the event (core/telemetry.ts).
  rememberTraceOf(id);
  return em.create(OutboxEvent, {
    id,
    kind: draft.kind,
    personId: draft.personId ?? null,
    entityType: draft.entityType ?? null,
    entityId: draft.entityId ?? null,
    authorities: draft.authorities ?? {},
    occurredAt: clock.now(),
    effectiveDate: draft.effectiveDate ?? toIsoDate(clock.now()),
    payload: draft.payload,
    schemaVersion: draft.schemaVersion ?? 1,
  });
}
