// Publishes a subgraph's outbox to the bus in commit order. Positions are given in commit order: by
// the committing transaction itself (core/outbox-numbering.ts), or here, under the same lock, for a
// row that was committed without one, so a row that commits late gets a later position instead of
// being skipped; publishing then retries until the bus accepts.
import { LockMode, QueryOrder, type MikroORM } from '@mikro-orm/core';
import { SpanKind } from '@opentelemetry/api';
import { createBackoff, type Backoff, type BackoffOptions } from './backoff';
import type { EventBus } from './bus';
import { toIsoDate } from './dates';
import type { DomainEvent } from './events';
import { OutboxEvent, StreamState } from './outbox';
import { currentTraceCarrier, inSpan, recordedTraceOf } from './telemetry';

const BATCH = 500;

export class OutboxRelay {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private streamRowExists = false;
  private readonly backoff: Backoff;
  private retryInMs = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: EventBus,
    private readonly stream: string,
    private readonly options: {
      /** PostgreSQL: lock the stream_state row so relay replicas never hand out one position twice. */
      lockStreamRow: boolean;
      log: BackoffOptions['log'];
      /** Waits between failed polls (core/backoff.ts defaults); tests shorten them. */
      retry?: Pick<BackoffOptions, 'initialMs' | 'maxMs' | 'random'>;
    },
  ) {
    this.backoff = createBackoff({ name: `outbox relay of ${stream}`, log: options.log, maxMs: 10_000, ...options.retry });
  }

  /**
   * Polls as a safety net: every mutation drains right after its commit (core/subgraph-server.ts),
   * the poll publishes what another process committed (a seed script) or a failed drain left. While
   * the database or the bus fails, it waits longer each time (core/backoff.ts) instead of every second.
   */
  start(intervalMs = 1000): void {
    this.stopped = false;
    const next = (delayMs: number) => {
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.drain().then(() => next(intervalMs), () => next(this.retryInMs)), delayMs);
      this.timer.unref();
    };
    next(intervalMs);
  }

  /** True from a failed drain until one succeeds again (the poll retries meanwhile, with backoff). */
  get failing(): boolean {
    return this.backoff.failures > 0;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /**
   * Numbers and publishes everything committed so far. Concurrent calls share one run. Whoever
   * calls it (the poll, a mutation, shutdown), a failure counts towards the poll's backoff and a
   * success ends it, so the log has one line when publishing starts failing and one when it recovers.
   */
  async drain(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        while (await this.publishPending());
      } while (this.again);
    })()
      .then(
        () => this.backoff.succeeded(),
        (error: unknown) => {
          this.retryInMs = this.backoff.failed(error);
          throw error;
        },
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** What waits to be published: committed rows not yet on the bus, and when the oldest occurred. */
  async backlog(): Promise<{ rows: number; oldest: Date | null }> {
    const em = this.orm.em.fork();
    const rows = await em.count(OutboxEvent, { publishedAt: null });
    if (rows === 0) return { rows, oldest: null };
    const oldest = await em.findOne(OutboxEvent, { publishedAt: null }, { orderBy: { seq: 'asc' }, fields: ['occurredAt'] });
    return { rows, oldest: oldest ? new Date(oldest.occurredAt) : null };
  }

  private async numberPending(): Promise<number> {
    if (!this.streamRowExists) {
      // Created once, idempotently, before anything locks it: two replicas that both found no row
      // and inserted one would collide on its key instead of one of them waiting for the lock.
      await this.orm.em.fork().upsert(StreamState, { name: this.stream, lastPosition: 0 }, { onConflictFields: ['name'], onConflictAction: 'ignore' });
      this.streamRowExists = true;
    }
    return this.orm.em.fork().transactional(async (em) => {
      // The stream_state row is the lock: in PostgreSQL a second relay replica waits here, so two
      // relays never hand out the same position. SQLite serialises writers anyway.
      const lockMode = this.options.lockStreamRow ? LockMode.PESSIMISTIC_WRITE : undefined;
      const state = await em.findOneOrFail(StreamState, { name: this.stream }, { lockMode });
      const pending = await em.find(OutboxEvent, { streamPosition: null }, { orderBy: { seq: 'asc' }, limit: BATCH });
      if (pending.length === 0) return 0;
      for (const event of pending) event.streamPosition = ++state.lastPosition;
      return pending.length;
    });
  }

  /**
   * Publishes a batch of what is committed and not yet published, in position order; numbers rows
   * that came without a position (committed by a process that does not number on commit, or from a
   * savepoint) first. One read when there is nothing to do. True while there may be more.
   */
  private async publishPending(): Promise<boolean> {
    const em = this.orm.em.fork();
    const batch = await em.find(OutboxEvent, { publishedAt: null }, { orderBy: { streamPosition: QueryOrder.ASC_NULLS_LAST }, limit: BATCH });
    const numbered = batch.filter((row) => row.streamPosition !== null);
    for (const row of numbered) await this.publish(toDomainEvent(this.stream, row));
    if (numbered.length > 0) await em.nativeUpdate(OutboxEvent, { seq: { $in: numbered.map((row) => row.seq) } }, { publishedAt: new Date() });
    if (numbered.length < batch.length) {
      while ((await this.numberPending()) === BATCH);
      return true;
    }
    return batch.length === BATCH;
  }

  /**
   * A producer span per event, in the trace of the request that recorded it (when this process
   * recorded it), its context carried in the envelope so each consumer continues the trace.
   */
  private publish(event: DomainEvent): Promise<void> {
    const attributes = { 'messaging.operation.type': 'send', 'messaging.destination.name': event.stream, 'messaging.message.id': event.id, 'dfdg.event.kind': event.kind };
    return inSpan(this.stream, `send ${event.stream}`, { kind: SpanKind.PRODUCER, parent: recordedTraceOf(event.id), attributes }, () => {
      const traceContext = currentTraceCarrier();
      return this.bus.publish(Object.keys(traceContext).length > 0 ? { ...event, traceContext } : event);
    });
  }
}

export function toDomainEvent(stream: string, row: OutboxEvent): DomainEvent {
  return {
    id: row.id,
    stream,
    streamPosition: Number(row.streamPosition),
    kind: row.kind,
    personId: row.personId,
    entityType: row.entityType,
    entityId: row.entityId,
    authorities: row.authorities,
    occurredAt: new Date(row.occurredAt).toISOString(),
    effectiveDate: row.effectiveDate ?? toIsoDate(new Date(row.occurredAt)),
    payload: row.payload,
    schemaVersion: row.schemaVersion,
  };
}
