// A subgraph reacting to another subgraph's events. The consumer's position per stream is stored in
// the same transaction as the reaction, so an event delivered twice changes nothing the second time.
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { SpanKind } from '@opentelemetry/api';
import type { DurableSubscription, EventBus } from './bus';
import type { DomainEvent } from './events';
import type { ServiceMetrics } from './metrics';
import { ConsumerOffset } from './outbox';
import { contextFrom, inSpan } from './telemetry';

export interface ConsumerDefinition {
  /** Unique per subgraph, e.g. `absence.contact-groups`; also the durable name on the bus. */
  name: string;
  streams: string[];
  /** Runs inside the transaction that also advances the consumer's position. */
  handle(em: EntityManager, event: DomainEvent): Promise<void>;
}

/** The most events a consumer applies in one transaction when it is behind. */
export const CONSUMER_BATCH = 100;

/**
 * `metrics`: counts each event and keeps the consumer's position and lag per stream. Events that
 * wait (a consumer catching up after a restart) are applied in one transaction per batch, so it
 * pays one commit for many; should one of them fail, they are applied one by one up to it instead.
 */
export async function startConsumer(orm: MikroORM, bus: EventBus, consumer: ConsumerDefinition, metrics?: ServiceMetrics): Promise<DurableSubscription> {
  // The consumer's span continues the trace of the publish that sent the event (its envelope).
  const service = consumer.name.split('.')[0];
  const attributes = (event: DomainEvent) => ({ 'messaging.operation.type': 'process', 'messaging.destination.name': event.stream, 'messaging.consumer.group.name': consumer.name, 'messaging.message.id': event.id, 'dfdg.event.kind': event.kind });
  // What this process committed per stream: a redelivery at or below it needs no database read.
  // Only ever lower than the stored position (another replica may have gone further), never higher.
  const committed = new Map<string, number>();
  return bus.subscribeBatched(consumer.name, consumer.streams, async (events) => {
    const fresh = events.filter((event) => event.streamPosition > (committed.get(event.stream) ?? 0));
    for (const event of events.filter((e) => !fresh.includes(e))) metrics?.consumed.inc({ consumer: consumer.name, stream: event.stream, outcome: 'duplicate' });
    if (fresh.length === 0) return;
    try {
      await apply(fresh);
    } catch (error) {
      if (fresh.length === 1) throw error;
      for (const event of fresh) await apply([event]);
    }
  }, CONSUMER_BATCH);

  async function apply(events: DomainEvent[]): Promise<void> {
    let outcomes: { event: DomainEvent; handled: boolean }[];
    try {
      outcomes = await orm.em.fork().transactional(async (em) => {
        const offsets = new Map<string, ConsumerOffset>();
        const results: { event: DomainEvent; handled: boolean }[] = [];
        for (const event of events) {
          const key = { consumer: consumer.name, stream: event.stream };
          let offset = offsets.get(event.stream) ?? (await em.findOne(ConsumerOffset, key));
          if (!offset) offset = em.create(ConsumerOffset, key);
          offsets.set(event.stream, offset);
          if (offset.lastPosition >= event.streamPosition) {
            results.push({ event, handled: false });
            continue;
          }
          await inSpan(service, `process ${event.stream}`, { kind: SpanKind.CONSUMER, parent: contextFrom(event.traceContext), attributes: attributes(event) }, () => consumer.handle(em, event));
          offset.lastPosition = event.streamPosition;
          results.push({ event, handled: true });
        }
        return results;
      });
    } catch (error) {
      for (const event of events) metrics?.consumed.inc({ consumer: consumer.name, stream: event.stream, outcome: 'failed' });
      throw error;
    }
    for (const { event, handled } of outcomes) {
      const labels = { consumer: consumer.name, stream: event.stream };
      committed.set(event.stream, Math.max(committed.get(event.stream) ?? 0, event.streamPosition));
      metrics?.consumed.inc({ ...labels, outcome: handled ? 'handled' : 'duplicate' });
      if (handled) {
        metrics?.consumerPosition.set(labels, event.streamPosition);
        metrics?.consumerLag.set(labels, Math.max(0, (Date.now() - Date.parse(event.occurredAt)) / 1000));
      }
    }
  }
}
