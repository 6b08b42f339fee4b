// The event bus between subgraphs and towards the gateway's notifications. Two adapters share this
// interface: the in-process bus for the embedded default (a SQLite log file, so nothing is lost when
// the process restarts) and NATS JetStream for the distributed mode. Both give every event a global
// `sequence`: its position in the bus's one ordered log, which notification cursors are made of.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DomainEvent } from './events';

export interface BusEvent extends DomainEvent {
  /** Position in the bus's global log; increases with every accepted event, never reused. */
  sequence: number;
}

export type EventHandler = (event: BusEvent) => Promise<void>;
/**
 * Handles events of one durable consumer in order, several at once when several are waiting (a
 * consumer catching up applies them in one transaction). All are acknowledged when it returns.
 */
export type BatchHandler = (events: BusEvent[]) => Promise<void>;

export interface BusSubscription {
  close(): Promise<void>;
}

/** A durable consumer's subscription, which can say whether it has handled what the bus holds. */
export interface DurableSubscription extends BusSubscription {
  /**
   * True when every event of its streams the bus held at the call has been handled; also true while
   * its handler is failing (retried with backoff), since waiting on it would not help a reader.
   */
  caughtUp(): Promise<boolean>;
}

export interface EventBus {
  /** Publishes an event; an id the bus has already accepted is dropped (de-duplication). */
  publish(event: DomainEvent): Promise<void>;
  /**
   * A durable consumer: delivers every event of the given streams in order, at least once,
   * resuming after the last event `durableName` acknowledged (by returning without throwing).
   */
  subscribe(durableName: string, streams: string[], handler: EventHandler): Promise<DurableSubscription>;
  /** The same durable consumer, handed up to `maxBatch` waiting events at a time. */
  subscribeBatched(durableName: string, streams: string[], handler: BatchHandler, maxBatch: number): Promise<DurableSubscription>;
  /** Up to `limit` events of all streams after `afterSequence`, in order (replay for resuming readers). */
  read(afterSequence: number, limit: number): Promise<BusEvent[]>;
  /** The sequence of the newest event in the log (0 when empty). */
  latestSequence(): Promise<number>;
  /**
   * Every event after `afterSequence`, in order, then every new one; not durable (the gateway's
   * live fan-out). Starting from a sequence rather than "from now" leaves no window between reading
   * the head of the log and attaching in which an event could pass unseen.
   */
  watch(afterSequence: number, handler: (event: BusEvent) => void): Promise<BusSubscription>;
  close(): Promise<void>;
}

interface DurableSubscriber {
  name: string;
  streams: string[];
  handler: BatchHandler;
  maxBatch: number;
  running: Promise<void> | null;
  again: boolean;
  closed: boolean;
}

/**
 * In-process bus for the embedded mode. Publishing awaits the durable subscribers, so when a
 * subgraph's mutation returns, the other subgraphs' projections already reflect it. The log and
 * each consumer's acknowledged position live in one SQLite file (`:memory:` in unit tests).
 */
export class InProcessBus implements EventBus {
  private readonly db: Database.Database;
  private readonly durable = new Set<DurableSubscriber>();
  private readonly watchers = new Set<(event: BusEvent) => void>();

  constructor(file = ':memory:', private readonly retentionDays = 30) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = wal');
    this.db.exec(`
      create table if not exists bus_event (
        sequence integer primary key autoincrement,
        id text not null unique,
        stream text not null,
        occurred_at text not null,
        body text not null
      );
      create index if not exists bus_event_stream on bus_event (stream, sequence);
      create table if not exists bus_consumer (durable text primary key, last_sequence integer not null);
    `);
  }

  async publish(event: DomainEvent): Promise<void> {
    // Checked first rather than `insert or ignore`, which would burn a sequence number on a duplicate.
    const known = this.db.prepare('select 1 from bus_event where id = ?').get(event.id);
    const inserted = known
      ? { changes: 0, lastInsertRowid: 0 }
      : this.db.prepare('insert into bus_event (id, stream, occurred_at, body) values (?, ?, ?, ?)').run(event.id, event.stream, event.occurredAt, JSON.stringify(event));
    if (inserted.changes === 1) {
      const accepted: BusEvent = { ...event, sequence: Number(inserted.lastInsertRowid) };
      for (const watcher of this.watchers) watcher(accepted);
    }
    // Also on a duplicate: a relay republishes when a consumer failed last time, and that consumer
    // must get another go at what it has not acknowledged.
    await Promise.all([...this.durable].filter((s) => s.streams.includes(event.stream)).map((s) => this.pump(s)));
  }

  subscribe(durableName: string, streams: string[], handler: EventHandler): Promise<DurableSubscription> {
    return this.subscribeBatched(durableName, streams, ([event]) => handler(event), 1);
  }

  async subscribeBatched(durableName: string, streams: string[], handler: BatchHandler, maxBatch: number): Promise<DurableSubscription> {
    const subscriber: DurableSubscriber = { name: durableName, streams, handler, maxBatch, running: null, again: false, closed: false };
    this.durable.add(subscriber);
    await this.pump(subscriber);
    return {
      // Publishing awaits the durable subscribers: what a response said was published has been handled.
      caughtUp: async () => true,
      close: async () => {
        subscriber.closed = true;
        this.durable.delete(subscriber);
        await subscriber.running;
      },
    };
  }

  async read(afterSequence: number, limit: number): Promise<BusEvent[]> {
    const rows = this.db
      .prepare('select sequence, body from bus_event where sequence > ? order by sequence limit ?')
      .all(afterSequence, limit) as { sequence: number; body: string }[];
    return rows.map((row) => ({ ...(JSON.parse(row.body) as DomainEvent), sequence: row.sequence }));
  }

  async latestSequence(): Promise<number> {
    return (this.db.prepare('select coalesce(max(sequence), 0) as latest from bus_event').get() as { latest: number }).latest;
  }

  async watch(afterSequence: number, handler: (event: BusEvent) => void): Promise<BusSubscription> {
    // better-sqlite3 is synchronous and publish notifies watchers in the same tick as its insert,
    // so reading the missed events and attaching here cannot interleave with a publish.
    const missed = this.db.prepare('select sequence, body from bus_event where sequence > ? order by sequence').all(afterSequence) as { sequence: number; body: string }[];
    for (const row of missed) handler({ ...(JSON.parse(row.body) as DomainEvent), sequence: row.sequence });
    this.watchers.add(handler);
    return { close: async () => void this.watchers.delete(handler) };
  }

  /** Deletes events older than the retention period; consumers further behind than that lose them. */
  prune(now: Date): number {
    const cutoff = new Date(now.getTime() - this.retentionDays * 86_400_000).toISOString();
    return this.db.prepare('delete from bus_event where occurred_at < ?').run(cutoff).changes;
  }

  async close(): Promise<void> {
    await Promise.all([...this.durable].map((s) => ((s.closed = true), s.running)));
    this.durable.clear();
    this.watchers.clear();
    this.db.close();
  }

  /** Delivers what the subscriber has not acknowledged yet; concurrent calls share one run. */
  private pump(subscriber: DurableSubscriber): Promise<void> {
    if (subscriber.running) {
      subscriber.again = true;
      return subscriber.running;
    }
    subscriber.running = (async () => {
      do {
        subscriber.again = false;
        await this.deliverPending(subscriber);
      } while (subscriber.again && !subscriber.closed);
    })().finally(() => {
      subscriber.running = null;
    });
    return subscriber.running;
  }

  private async deliverPending(subscriber: DurableSubscriber): Promise<void> {
    const offset = this.db.prepare('select last_sequence from bus_consumer where durable = ?').get(subscriber.name) as { last_sequence: number } | undefined;
    let last = offset?.last_sequence ?? 0;
    const placeholders = subscriber.streams.map(() => '?').join(', ');
    const select = this.db.prepare(`select sequence, body from bus_event where sequence > ? and stream in (${placeholders}) order by sequence limit ?`);
    const acknowledge = this.db.prepare('insert into bus_consumer (durable, last_sequence) values (?, ?) on conflict (durable) do update set last_sequence = excluded.last_sequence');
    for (;;) {
      const rows = select.all(last, ...subscriber.streams, subscriber.maxBatch) as { sequence: number; body: string }[];
      if (rows.length === 0 || subscriber.closed) return;
      await subscriber.handler(rows.map((row) => ({ ...(JSON.parse(row.body) as DomainEvent), sequence: row.sequence })));
      last = rows[rows.length - 1].sequence;
      acknowledge.run(subscriber.name, last);
    }
  }
}
