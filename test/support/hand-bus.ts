// A bus a test delivers through by hand, as an at-least-once bus would: the consumer under test
// (core/consumer.ts) subscribes to it, and `deliver` hands it one event, as often as the test likes.
import type { BatchHandler, BusEvent, EventBus } from '../../core/bus';

export function handDeliveredBus(): { bus: EventBus; deliver: (event: BusEvent) => Promise<void> } {
  let handler: BatchHandler | undefined;
  const subscription = { caughtUp: async () => true, close: async () => undefined };
  const bus = {
    subscribeBatched: async (_name: string, _streams: string[], batch: BatchHandler) => ((handler = batch), subscription),
    subscribe: async () => {
      throw new Error('consumers subscribe in batches');
    },
  } as unknown as EventBus;
  return {
    bus,
    deliver: (event) => {
      if (!handler) throw new Error('nothing has subscribed to the bus yet');
      return handler([event]);
    },
  };
}
