// A subgraph reacting to another subgraph's events. The consumer's position per stream is stored in
// the same transaction as the reaction, so an event delivered twice changes nothing the second time.
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { SpanKind } from '@opentelemetry/api';
import type { BusSubscription, EventBus } from './bus';
import type { DomainEvent } from './events';
import { ConsumerOffset } from './outbox';
import { contextFrom, inSpan } from './telemetry';

export interface ConsumerDefinition {
  /** Unique per subgraph, e.g. `absence.contact-groups`; also the durable name on the bus. */
  name: string;
  streams: string[];
  /** Runs inside the transaction that also advances the consumer's position. */
  handle(em: EntityManager, event: DomainEvent): Promise<void>;
}

export async function startConsumer(orm: MikroORM, bus: EventBus, consumer: ConsumerDefinition): Promise<BusSubscription> {
  // The consumer's span continues the trace of the publish that sent the event (its envelope).
  const service = consumer.name.split('.')[0];
  const attributes = (event: DomainEvent) => ({ 'messaging.operation.type': 'process', 'messaging.destination.name': event.stream, 'messaging.consumer.group.name': consumer.name, 'messaging.message.id': event.id, 'dfdg.event.kind': event.kind });
  return bus.subscribe(consumer.name, consumer.streams, (event) =>
    inSpan(service, `process ${event.stream}`, { kind: SpanKind.CONSUMER, parent: contextFrom(event.traceContext), attributes: attributes(event) }, () => handle(event)),
  );

  function handle(event: DomainEvent): Promise<void> {
    return orm.em.fork().transactional(async (em) => {
      const key = { consumer: consumer.name, stream: event.stream };
      let offset = await em.findOne(ConsumerOffset, key);
      if (offset && offset.lastPosition >= event.streamPosition) return;
      if (!offset) {
        offset = em.create(ConsumerOffset, key);
      }
      await consumer.handle(em, event);
      offset.lastPosition = event.streamPosition;
    });
  }
}
