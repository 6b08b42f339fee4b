// The distributed bus: NATS JetStream. One JetStream stream holds every subgraph's events under
// `dfdg.events.<subgraph>`; the publisher sets the event id as the message id so a relay that
// republishes after a crash is de-duplicated by the server, and each consumer is a durable,
// explicitly acknowledged JetStream consumer that resumes where it left off.
import { AckPolicy, DeliverPolicy, JSONCodec, connect, nanos, type ConsumerMessages, type JetStreamClient, type JsMsg, type NatsConnection } from 'nats';
import type { BusEvent, BusSubscription, EventBus, EventHandler } from './bus';
import type { DomainEvent } from './events';

const JETSTREAM_STREAM = 'DFDG_EVENTS';
const codec = JSONCodec<DomainEvent>();
/** Fetches tried before a read that should find events gives up and fails rather than answer empty. */
const READ_ATTEMPTS = 5;

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
  log?: (message: string, error: unknown) => void;
}

export class NatsBus implements EventBus {
  private readonly subscriptions = new Set<ConsumerMessages>();

  private constructor(
    private readonly connection: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly streamName: string,
    private readonly subjectPrefix: string,
    private readonly log: (message: string, error: unknown) => void,
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
    return new NatsBus(connection, connection.jetstream(), streamName, subjectPrefix, options.log ?? (() => undefined));
  }

  async publish(event: DomainEvent): Promise<void> {
    await this.js.publish(`${this.subjectPrefix}.${event.stream}`, codec.encode(event), { msgID: event.id });
  }

  async subscribe(durableName: string, streams: string[], handler: EventHandler): Promise<BusSubscription> {
    const manager = await this.connection.jetstreamManager();
    const consumers: ConsumerMessages[] = [];
    for (const stream of streams) {
      const durable = `${durableName}-${stream}`.replace(/[^A-Za-z0-9_-]/g, '_');
      await manager.consumers.add(this.streamName, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: `${this.subjectPrefix}.${stream}`,
        // One in flight at a time keeps the stream's order through redeliveries.
        max_ack_pending: 1,
        ack_wait: nanos(30_000),
      });
      const consumer = await this.js.consumers.get(this.streamName, durable);
      const messages = await consumer.consume();
      consumers.push(messages);
      this.subscriptions.add(messages);
      void (async () => {
        for await (const message of messages) {
          try {
            await handler(toBusEvent(message));
            message.ack();
          } catch (error) {
            this.log(`consumer ${durable} failed; will retry`, error);
            message.nak(1000);
          }
        }
      })();
    }
    return {
      close: async () => {
        for (const messages of consumers) {
          messages.stop();
          this.subscriptions.delete(messages);
        }
      },
    };
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
