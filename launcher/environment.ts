// What every process reads from the environment before it assembles itself: where it listens, and
// whether generated dev keys may be used (README, "Keys" and "Environment variables").
import { databaseTarget, flag, optional, port } from '../core/config';
import { devKeyPolicy } from '../core/key-policy';
import type { KeyOptions } from '../core/key-sources';
import { SUBGRAPHS } from '../gateway/subgraph-list';

/** Stops what the process started. */
export type Stop = () => Promise<void>;

export const host = (): string => optional('HOST') ?? '127.0.0.1';

/** A service's port: `<NAME>_PORT` (e.g. `PERSON_PORT`, `NOTIFICATIONS_PORT`), else its own default (4001-4006). */
export function servicePort(name: string): number {
  const entry = SUBGRAPHS.find((s) => s.name === name);
  if (!entry) throw new Error(`Unknown service "${name}"`);
  return port(`${name.toUpperCase()}_PORT`, entry.port);
}

/** A start with PostgreSQL or NATS is a production one: generated dev keys only with ALLOW_DEV_KEYS (README, "Keys"). */
export function keyOptions(services: readonly string[]): KeyOptions {
  return {
    policy: devKeyPolicy({
      postgres: services.some((name) => databaseTarget(name).kind === 'postgresql'),
      nats: optional('EVENT_BUS') === 'nats',
      allowDevKeys: flag('ALLOW_DEV_KEYS'),
    }),
  };
}
