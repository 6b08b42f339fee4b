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

/** `metrics`: counts each event and keeps the consumer's position and lag per stream. */
export async function startConsumer(orm: MikroORM, bus: EventBus, consumer: ConsumerDefinition, metrics?: ServiceMetrics): Promise<DurableSubscription> {
  // The consumer's span continues the trace of the publish that sent the event (its envelope).
  const service = consumer.name.split('.')[0];
  const attributes = (event: DomainEvent) => ({ 'messaging.operation.type': 'process', 'messaging.destination.name': event.stream, 'messaging.consumer.group.name': consumer.name, 'messaging.message.id': event.id, 'dfdg.event.kind': event.kind });
  return bus.subscribe(consumer.name, consumer.streams, (event) =>
    inSpan(service, `process ${event.stream}`, { kind: SpanKind.CONSUMER, parent: contextFrom(event.traceContext), attributes: attributes(event) }, () => handle(event)),
  );

  async function handle(event: DomainEvent): Promise<void> {
    const labels = { consumer: consumer.name, stream: event.stream };
    try {
      const handled = await orm.em.fork().transactional(async (em) => {
        const key = { consumer: consumer.name, stream: event.stream };
        let offset = await em.findOne(ConsumerOffset, key);
        if (offset && offset.lastPosition >= event.streamPosition) return false;
        if (!offset) {
          offset = em.create(ConsumerOffset, key);
        }
        await consumer.handle(em, event);
        offset.lastPosition = event.streamPosition;
        return true;
      });
      metrics?.consumed.inc({ ...labels, outcome: handled ? 'handled' : 'duplicate' });
      if (handled) {
        metrics?.consumerPosition.set(labels, event.streamPosition);
        metrics?.consumerLag.set(labels, Math.max(0, (Date.now() - Date.parse(event.occurredAt)) / 1000));
      }
    } catch (error) {
      metrics?.consumed.inc({ ...labels, outcome: 'failed' });
      throw error;
    }
  }
}
