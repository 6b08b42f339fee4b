// The event bus between subgraphs (and, later, the gateway's subscriptions). Two adapters share this
// interface: in-process for the embedded default, NATS JetStream for the distributed mode.
import type { DomainEvent } from './events';

export type EventHandler = (event: DomainEvent) => Promise<void>;

export interface BusSubscription {
  close(): Promise<void>;
}

export interface EventBus {
  /** Publishes an event; resolves once the bus has accepted it durably (or delivered it in-process). */
  publish(event: DomainEvent): Promise<void>;
  /**
   * Delivers every event of the given streams to `handler`, in each stream's order. `durableName`
   * identifies the consumer; handlers must be idempotent (delivery is at least once).
   */
  subscribe(durableName: string, streams: string[], handler: EventHandler): Promise<BusSubscription>;
  close(): Promise<void>;
}

/**
 * In-process bus for the embedded mode: publish awaits every subscribed handler, so when a
 * subgraph's mutation returns, the other subgraphs' projections already reflect it.
 * It keeps the events it has seen so a consumer that subscribes late still gets them in order.
 */
export class InProcessBus implements EventBus {
  private readonly log: DomainEvent[] = [];
  private readonly seen = new Set<string>();
  private readonly subscribers = new Set<{ streams: Set<string>; handler: EventHandler }>();

  async publish(event: DomainEvent): Promise<void> {
    if (this.seen.has(event.id)) return;
    this.seen.add(event.id);
    this.log.push(event);
    for (const subscriber of this.subscribers) {
      if (subscriber.streams.has(event.stream)) await subscriber.handler(event);
    }
  }

  async subscribe(_durableName: string, streams: string[], handler: EventHandler): Promise<BusSubscription> {
    const subscriber = { streams: new Set(streams), handler };
    for (const event of this.log) {
      if (subscriber.streams.has(event.stream)) await handler(event);
    }
    this.subscribers.add(subscriber);
    return { close: async () => void this.subscribers.delete(subscriber) };
  }

  async close(): Promise<void> {
    this.subscribers.clear();
  }
}
