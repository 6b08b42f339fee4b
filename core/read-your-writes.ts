// Read your own writes across subgraphs (docs/operations.md, "Read your own writes"). A mutation's
// response waits until its events are published (publishBeforeResponding); a subgraph then answers
// a request only once its consumers have applied what the bus held when the request arrived, so a
// caseworker's next step in another subgraph sees the change. Both waits are bounded: a consumer
// that is failing or a bus that does not answer delays no one for longer than the bound.
import type { DurableSubscription } from './bus';
import type { OutboxRelay } from './relay';

/** The longest a request waits for its subgraph's consumers before it is answered anyway. */
export const READ_YOUR_WRITES_MAX_WAIT_MS = 1_000;
/** How often a waiting request looks again at the consumers' positions. */
const POLL_MS = 5;

export interface BarrierLog {
  warn(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
}

/**
 * Waits until every subscription has caught up, at most `maxWaitMs` (`subscriptions` is read at each
 * wait, so it may be filled after the barrier is made). Requests that arrive while a
 * look is under way share the next one (started after they arrived, so it sees their writes), so
 * a burst of requests costs one round of questions to the bus, not one per request.
 */
export function readYourWritesBarrier(subscriptions: DurableSubscription[], log: BarrierLog, maxWaitMs = READ_YOUR_WRITES_MAX_WAIT_MS) {
  let current: Promise<boolean> | null = null;
  let queued: Promise<boolean> | null = null;
  let lagging = false;
  const lookNow = (): Promise<boolean> => {
    current = Promise.all(subscriptions.map((s) => s.caughtUp()))
      .then((all) => all.every(Boolean))
      .finally(() => {
        current = null;
      });
    return current;
  };
  const look = (): Promise<boolean> => {
    if (!current) return lookNow();
    queued ??= current.catch(() => false).then(() => ((queued = null), lookNow()));
    return queued;
  };
  return {
    async wait(): Promise<void> {
      if (subscriptions.length === 0) return;
      // Once the bound was hit, requests look once and do not wait until the consumers catch up.
      const deadline = Date.now() + (lagging ? 0 : maxWaitMs);
      for (;;) {
        const caughtUp = await look().catch(() => false);
        if (caughtUp) {
          if (lagging) log.info({}, 'consumers caught up; requests no longer answered before their events are applied');
          lagging = false;
          return;
        }
        if (Date.now() >= deadline) {
          if (!lagging) log.warn({ maxWaitMs }, 'consumers behind the bus for longer than the read-your-writes bound; answering without waiting for them');
          lagging = true;
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
  };
}

/** Apollo plugin: every operation first waits (bounded) for the subgraph's consumers to catch up. */
export function waitForConsumers(barrier: { wait(): Promise<void> }) {
  return {
    async requestDidStart() {
      await barrier.wait();
    },
  };
}

/**
 * Apollo plugin: a mutation's response waits until what it committed is published, in every mode.
 * A drain that fails does not fail the committed mutation: the relay's poll publishes it later.
 * While the relay is failing (the bus unreachable) responses do not wait on it, or each would take
 * the bus client's publish timeout; the poll's next success ends that.
 */
export function publishBeforeResponding(relay: OutboxRelay) {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }: { operation?: { operation: string } | null }) {
          if (operation?.operation === 'mutation' && !relay.failing) await relay.drain().catch(() => undefined);
        },
      };
    },
  };
}
