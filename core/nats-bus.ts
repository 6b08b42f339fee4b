// The distributed bus: NATS JetStream. One JetStream stream holds every subgraph's events under
// `dfdg.events.<subgraph>`; the publisher sets the event id as the message id so a relay that
// republishes after a crash is de-duplicated by the server, and each consumer is a durable,
// explicitly acknowledged JetStream consumer that resumes where it left off.
import { AckPolicy, DeliverPolicy, JSONCodec, connect, nanos, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg, type NatsConnection } from 'nats';
import { createBackoff, type BackoffOptions } from './backoff';
import type { BatchHandler, BusEvent, BusSubscription, DurableSubscription, EventBus, EventHandler } from './bus';
import type { DomainEvent } from './events';

const JETSTREAM_STREAM = 'DFDG_EVENTS';
const codec = JSONCodec<DomainEvent>();
/** Fetches tried before a read that should find events gives up and fails rather than answer empty. */
const READ_ATTEMPTS = 5;
/**
 * How long a delivered, unacknowledged message waits before JetStream redelivers it: after a
 * SIGKILL the restarted process (or a replica) gets the message the dead one held within this.
 */
export const ACK_WAIT_MS = 2_000;
/** How often a handler still running tells JetStream so (well inside ACK_WAIT_MS). */
const HEARTBEAT_MS = 500;

/** The JetStream stream sequence is the bus's global sequence. */
function toBusEvent(message: JsMsg): BusEvent {
  return { ...codec.decode(message.data), sequence: message.seq };
}

export interface NatsBusOptions {
  servers: string;
  /** Prefix for subjects and stream names, so parallel test runs do not share a stream. */
  namespace?: string;
  /** How long JetStream keeps events (the replay horizon for consumers and resuming subscribers). */
  maxAgeDays?: number;
  /** Consumer failures and recoveries, one line each (core/backoff.ts); silent by default. */
  log?: BackoffOptions['log'];
}

export class NatsBus implements EventBus {
  private readonly subscriptions = new Set<ConsumerMessages>();

  private constructor(
    private readonly connection: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly streamName: string,
    private readonly subjectPrefix: string,
    private readonly log: BackoffOptions['log'],
  ) {}

  static async connect(options: NatsBusOptions): Promise<NatsBus> {
    const connection = await connect({ servers: options.servers, name: 'dfdg' });
    const ns = options.namespace ? `${options.namespace}_` : '';
    const streamName = `${ns}${JETSTREAM_STREAM}`;
    const subjectPrefix = `${ns ? `${options.namespace}.` : ''}dfdg.events`;
    const manager = await connection.jetstreamManager();
    const config = {
      name: streamName,
      subjects: [`${subjectPrefix}.>`],
      max_age: nanos((options.maxAgeDays ?? 30) * 86_400_000),
      // Long enough to cover a relay restarting and republishing what it had not marked published.
      duplicate_window: nanos(10 * 60_000),
    };
    try {
      await manager.streams.info(streamName);
      await manager.streams.update(streamName, config);
    } catch {
      await manager.streams.add(config);
    }
    return new NatsBus(connection, connection.jetstream(), streamName, subjectPrefix, options.log ?? { error: () => undefined, info: () => undefined });
  }

  async publish(event: DomainEvent): Promise<void> {
    await this.js.publish(`${this.subjectPrefix}.${event.stream}`, codec.encode(event), { msgID: event.id });
  }

  subscribe(durableName: string, streams: string[], handler: EventHandler): Promise<DurableSubscription> {
    return this.subscribeBatched(durableName, streams, ([event]) => handler(event), 1);
  }

  /**
   * One message in flight per durable (max_ack_pending 1), so order holds through redeliveries and
   * across replicas. A consumer that is behind (the message says more are pending: a restart after
   * a crash) is handed the following events too, read from the stream, in one batch; JetStream then
   * delivers those one by one, and they are acknowledged without being handled again.
   */
  async subscribeBatched(durableName: string, streams: string[], handler: BatchHandler, maxBatch: number): Promise<DurableSubscription> {
    const manager = await this.connection.jetstreamManager();
    const consumers: ConsumerMessages[] = [];
    const durables: string[] = [];
    // Durables whose handler is failing on an event: a reader gains nothing by waiting for them.
    const failing = new Set<string>();
    for (const stream of streams) {
      const durable = `${durableName}-${stream}`.replace(/[^A-Za-z0-9_-]/g, '_');
      const subject = `${this.subjectPrefix}.${stream}`;
      await this.ensureConsumer(manager, durable, subject);
      durables.push(durable);
      const consumer = await this.js.consumers.get(this.streamName, durable);
      const messages = await consumer.consume();
      consumers.push(messages);
      this.subscriptions.add(messages);
      const backoff = createBackoff({ name: `consumer ${durable}`, log: this.log, initialMs: 250, maxMs: 10_000 });
      // The highest stream sequence a successful batch handled (this process, this subscription).
      let handledThrough = 0;
      void (async () => {
        for await (const message of messages) {
          // A handler slower than ack_wait says it is still at it, so the message is not redelivered meanwhile.
          const heartbeat = setInterval(() => message.working(), HEARTBEAT_MS);
          try {
            if (message.seq > handledThrough) {
              const batch = [toBusEvent(message)];
              const waiting = Math.min(message.info.pending, maxBatch - 1);
              if (waiting > 0) batch.push(...(await this.readSubject(subject, message.seq, waiting)));
              await handler(batch);
              handledThrough = batch[batch.length - 1].sequence;
            }
            // Confirmed, so a reader waiting for this consumer (caughtUp) sees the ack on its next look.
            await message.ackAck();
            backoff.succeeded();
            failing.delete(durable);
          } catch (error) {
            // Redelivered after the backoff; nothing later is delivered meanwhile (max_ack_pending 1).
            failing.add(durable);
            message.nak(backoff.failed(error));
          } finally {
            clearInterval(heartbeat);
          }
        }
      })();
    }
    return {
      caughtUp: async () => {
        const infos = await Promise.all(durables.filter((d) => !failing.has(d)).map((durable) => manager.consumers.info(this.streamName, durable)));
        return infos.every((info) => info.num_pending === 0 && info.num_ack_pending === 0);
      },
      close: async () => {
        for (const messages of consumers) {
          messages.stop();
          this.subscriptions.delete(messages);
        }
      },
    };
  }

  /**
   * Creates the durable consumer, or brings an existing one's acknowledgement settings up to date (a
   * consumer made by an earlier version waited 30 s for a message a killed process held).
   */
  private async ensureConsumer(manager: JetStreamManager, durable: string, subject: string): Promise<void> {
    const settings = {
      // One in flight at a time keeps the stream's order through redeliveries and across replicas.
      max_ack_pending: 1,
      // A message held by a process that died is redelivered this soon; a live handler renews it.
      ack_wait: nanos(ACK_WAIT_MS),
    };
    const existing = await manager.consumers.info(this.streamName, durable).catch(() => null);
    if (!existing) {
      await manager.consumers.add(this.streamName, { durable_name: durable, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, filter_subject: subject, ...settings });
    } else if (existing.config.ack_wait !== settings.ack_wait || existing.config.max_ack_pending !== settings.max_ack_pending) {
      await manager.consumers.update(this.streamName, durable, settings);
    }
  }

  async read(afterSequence: number, limit: number): Promise<BusEvent[]> {
    const manager = await this.connection.jetstreamManager();
    const { state } = await manager.streams.info(this.streamName);
    const available = Math.min(limit, state.last_seq - Math.max(afterSequence, state.first_seq - 1));
    if (available <= 0) return [];
    const consumer = await this.js.consumers.get(this.streamName, { opt_start_seq: afterSequence + 1 });
    const events: BusEvent[] = [];
    try {
      // A fetch can expire short of what the stream holds (a slow server, a busy machine). A short
      // answer is fine, the reader asks again; an empty one would read as "caught up" and a
      // resuming subscriber would go live past the events it never got, so keep asking.
      for (let attempt = 0; events.length === 0 && attempt < READ_ATTEMPTS; attempt++) {
        const batch = await consumer.fetch({ max_messages: available, expires: 2000 });
        for await (const message of batch) {
          events.push(toBusEvent(message));
          if (events.length === available) break;
        }
      }
    } finally {
      await consumer.delete().catch(() => undefined);
    }
    if (events.length === 0) throw new Error(`JetStream held ${available} event(s) after sequence ${afterSequence} but delivered none`);
    return events;
  }

  /**
   * Up to `limit` events of one subject after `afterSequence` (fewer if the fetch expires first). The
   * subject as a string, not a list: a list of filters needs NATS 2.10, and servers still run 2.9.
   */
  private async readSubject(subject: string, afterSequence: number, limit: number): Promise<BusEvent[]> {
    const consumer = await this.js.consumers.get(this.streamName, { filterSubjects: subject, opt_start_seq: afterSequence + 1 });
    const events: BusEvent[] = [];
    try {
      const batch = await consumer.fetch({ max_messages: limit, expires: 1000 });
      for await (const message of batch) {
        events.push(toBusEvent(message));
        if (events.length === limit) break;
      }
    } finally {
      await consumer.delete().catch(() => undefined);
    }
    return events;
  }

  async latestSequence(): Promise<number> {
    const manager = await this.connection.jetstreamManager();
    return (await manager.streams.info(this.streamName)).state.last_seq;
  }

  async watch(afterSequence: number, handler: (event: BusEvent) => void): Promise<BusSubscription> {
    // An ordered consumer from an explicit sequence, not DeliverPolicy.New: "new" would start at
    // whatever the server holds when the consumer is created, and an event published between the
    // caller reading the head and this call would never be seen live.
    const consumer = await this.js.consumers.get(this.streamName, { opt_start_seq: afterSequence + 1 });
    const messages = await consumer.consume();
    this.subscriptions.add(messages);
    void (async () => {
      for await (const message of messages) handler(toBusEvent(message));
    })();
    return {
      close: async () => {
        messages.stop();
        this.subscriptions.delete(messages);
      },
    };
  }

  async close(): Promise<void> {
    for (const messages of this.subscriptions) messages.stop();
    this.subscriptions.clear();
    await this.connection.drain();
  }
}
