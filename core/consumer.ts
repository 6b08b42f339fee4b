// A subgraph reacting to another subgraph's events. The consumer's position per stream is stored in
// the same transaction as the reaction, so an event delivered twice changes nothing the second time.
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { DurableSubscription, EventBus } from './bus';
import type { DomainEvent } from './events';
import { ConsumerOffset } from './outbox';

export interface ConsumerDefinition {
  /** Unique per subgraph, e.g. `absence.contact-groups`; also the durable name on the bus. */
  name: string;
  streams: string[];
  /** Runs inside the transaction that also advances the consumer's position. */
  handle(em: EntityManager, event: DomainEvent): Promise<void>;
}

export async function startConsumer(orm: MikroORM, bus: EventBus, consumer: ConsumerDefinition): Promise<DurableSubscription> {
  return bus.subscribe(consumer.name, consumer.streams, (event) =>
    orm.em.fork().transactional(async (em) => {
      const key = { consumer: consumer.name, stream: event.stream };
      let offset = await em.findOne(ConsumerOffset, key);
      if (offset && offset.lastPosition >= event.streamPosition) return;
      if (!offset) {
        offset = em.create(ConsumerOffset, key);
      }
      await consumer.handle(em, event);
      offset.lastPosition = event.streamPosition;
    }),
  );
}
