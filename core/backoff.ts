// Retrying a loop that depends on the database or the bus (the outbox relay, bus consumers,
// scheduled jobs): the wait doubles with each failure in a row up to a cap, with jitter so replicas
// that failed together do not retry together, and the log says "failing" once and "recovered" once
// instead of a line per attempt.
import type { Clock } from './clock';
import { systemClock } from './clock';

export interface BackoffOptions {
  /** What is retried, for the log lines ("outbox relay", "consumer absence.person-directory"). */
  name: string;
  log: {
    error(fields: Record<string, unknown>, message: string): void;
    info(fields: Record<string, unknown>, message: string): void;
  };
  /** Wait after the first failure. @default 500 */
  initialMs?: number;
  /** Longest wait. @default 30_000 */
  maxMs?: number;
  /** [0, 1); injected by tests. @default Math.random */
  random?: () => number;
  clock?: Clock;
}

export interface Backoff {
  /** Records a failure and returns how long to wait before the next attempt. */
  failed(error: unknown): number;
  /** Records a success; logs the recovery if it ends a run of failures. */
  succeeded(): void;
  /** Failures in a row so far (0 while healthy). */
  readonly failures: number;
}

/**
 * The wait after `failures` failures in a row: initial × 2^(failures−1), capped, then between half
 * of it and all of it ("equal jitter": never so short that a broken dependency is hammered).
 */
export function backoffDelay(failures: number, initialMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export function createBackoff(options: BackoffOptions): Backoff {
  const { name, log, initialMs = 500, maxMs = 30_000, random = Math.random, clock = systemClock } = options;
  let failures = 0;
  let since: Date | null = null;
  return {
    get failures() {
      return failures;
    },
    failed(error) {
      failures++;
      const delayMs = backoffDelay(failures, initialMs, maxMs, random);
      if (failures === 1) {
        since = clock.now();
        log.error({ err: error, retryInMs: delayMs }, `${name} failing; retrying with backoff (logged again when it recovers)`);
      }
      return delayMs;
    },
    succeeded() {
      if (failures === 0) return;
      log.info({ failures, downMs: since ? clock.now().getTime() - since.getTime() : undefined }, `${name} recovered`);
      failures = 0;
      since = null;
    },
  };
}
