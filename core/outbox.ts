// The transactional outbox: a domain event is a row written in the same unit of work as the
// change it describes, so there is no event without the change and no change without the event.
import { randomUUID } from 'node:crypto';
import { BigIntType, EntitySchema, type EntityManager } from '@mikro-orm/core';
import type { Clock } from './clock';
import type { EventAuthorities, EventDraft } from './events';

export class OutboxEvent {
  /** Insertion order only; it is NOT the published order (a late commit may have a lower seq). */
  seq!: number;
  id!: string;
  kind!: string;
  personId: string | null = null;
  entityType: string | null = null;
  entityId: string | null = null;
  authorities!: EventAuthorities;
  occurredAt!: Date;
  payload!: Record<string, unknown>;
  schemaVersion = 1;
  /** Assigned by the relay in commit order; null until then. */
  streamPosition: number | null = null;
  publishedAt: Date | null = null;
}

export const OutboxEventSchema = new EntitySchema<OutboxEvent>({
  class: OutboxEvent,
  tableName: 'outbox_event',
  indexes: [{ properties: ['publishedAt', 'streamPosition'] }],
  properties: {
    seq: { type: 'integer', primary: true, autoincrement: true },
    id: { type: 'string', length: 36, unique: true },
    kind: { type: 'string', length: 64 },
    personId: { type: 'string', length: 36, nullable: true },
    entityType: { type: 'string', length: 64, nullable: true },
    entityId: { type: 'string', length: 64, nullable: true },
    authorities: { type: 'json' },
    occurredAt: { type: 'datetime' },
    payload: { type: 'json' },
    schemaVersion: { type: 'integer' },
    streamPosition: { type: new BigIntType('number'), nullable: true, unique: true },
    publishedAt: { type: 'datetime', nullable: true },
  },
});

/** The last position the relay handed out; one row per database. */
export class StreamState {
  name!: string;
  lastPosition = 0;
}

export const StreamStateSchema = new EntitySchema<StreamState>({
  class: StreamState,
  tableName: 'stream_state',
  properties: {
    name: { type: 'string', length: 64, primary: true },
    lastPosition: { type: new BigIntType('number') },
  },
});

/** How far a named consumer has processed another subgraph's stream; makes replays idempotent. */
export class ConsumerOffset {
  consumer!: string;
  stream!: string;
  lastPosition = 0;
}

export const ConsumerOffsetSchema = new EntitySchema<ConsumerOffset>({
  class: ConsumerOffset,
  tableName: 'consumer_offset',
  properties: {
    consumer: { type: 'string', length: 64, primary: true },
    stream: { type: 'string', length: 64, primary: true },
    lastPosition: { type: new BigIntType('number') },
  },
});

export const coreEntities = [OutboxEventSchema, StreamStateSchema, ConsumerOffsetSchema] as EntitySchema[];

/**
 * Queues an event in the caller's unit of work. It is written by the same flush (one transaction)
 * as the entities the caller persisted, and the relay publishes it once that commits.
 */
export function recordEvent(em: EntityManager, clock: Clock, draft: EventDraft): OutboxEvent {
  const event = Object.assign(new OutboxEvent(), {
    id: randomUUID(),
    kind: draft.kind,
    personId: draft.personId ?? null,
    entityType: draft.entityType ?? null,
    entityId: draft.entityId ?? null,
    authorities: draft.authorities ?? {},
    occurredAt: clock.now(),
    payload: draft.payload,
    schemaVersion: draft.schemaVersion ?? 1,
  });
  em.persist(event);
  return event;
}
