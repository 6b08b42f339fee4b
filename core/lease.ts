// Scheduled jobs run once per interval across the replicas of a subgraph. On PostgreSQL the first
// replica to take a job's session advisory lock (keyed by subgraph and job) keeps it, on a
// connection of its own, and runs that job at each of its ticks; the others skip theirs. A holder
// that dies loses its connection and with it the lock, so the next tick of another replica takes
// the job over. SQLite is one process (the file cannot be shared by replicas), so the timer's own
// "never overlap" guard is all it needs.
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from './config';

export type LeasedRun<T> = { ran: true; result: T } | { ran: false };

export interface JobLease {
  /** Runs `work` unless another runner holds `key`; then it does nothing. */
  runExclusively<T>(key: string, work: () => Promise<T>): Promise<LeasedRun<T>>;
  /** Gives up what this runner holds (a stopping process), so another runner takes it at once. */
  close(): Promise<void>;
}

/** One process: the caller's timer already never overlaps a run with the previous one. */
export const inProcessLease: JobLease = {
  async runExclusively(_key, work) {
    return { ran: true, result: await work() };
  },
  async close() {},
};

/**
 * A session-level `pg_try_advisory_lock` per key on a connection opened for it and kept while this
 * runner is alive: whoever holds a job runs it at every tick, nobody else does. Before each run the
 * connection is asked for a sign of life: a session that is gone (server restart, network) has
 * lost its lock, and this runner tries to take the job again like any other.
 */
export function postgresLease(url: string, options: { applicationName: string; onConnectionError?: (error: Error) => void }): JobLease {
  const held = new Map<string, pg.Client>();
  // Set by close(): a tick already under way when the process stops must not take a lock after it.
  let closed = false;
  const drop = (key: string, client: pg.Client) => {
    if (held.get(key) === client) held.delete(key);
    void client.end().catch(() => undefined);
  };
  async function alive(key: string): Promise<boolean> {
    const client = held.get(key);
    if (!client) return false;
    try {
      await client.query('select 1');
      return true;
    } catch {
      drop(key, client);
      return false;
    }
  }
  async function acquire(key: string): Promise<boolean> {
    if (closed) return false;
    const client = new pg.Client({ connectionString: url, application_name: options.applicationName });
    // A connection lost (the server restarted) must not crash the process; the lock went with it.
    client.on('error', (error) => {
      drop(key, client);
      options.onConnectionError?.(error);
    });
    await client.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1::bigint) as locked', [advisoryKey(key)]);
      if (!rows[0].locked || closed) {
        await client.end();
        return false;
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    held.set(key, client);
    return true;
  }
  return {
    async runExclusively(key, work) {
      if (!(await alive(key)) && !(await acquire(key))) return { ran: false };
      return { ran: true, result: await work() };
    },
    async close() {
      closed = true;
      // Closing the connections releases the locks; no explicit unlock to forget.
      await Promise.all([...held.values()].map((client) => client.end().catch(() => undefined)));
      held.clear();
    },
  };
}

export function leaseFor(target: DatabaseTarget, applicationName: string, onConnectionError?: (error: Error) => void): JobLease {
  return target.kind === 'postgresql' ? postgresLease(target.location, { applicationName, onConnectionError }) : inProcessLease;
}

/** The 64-bit lock key of a name: the first 8 bytes of its SHA-256, as PostgreSQL's signed bigint. */
export function advisoryKey(name: string): string {
  return createHash('sha256').update(name).digest().readBigInt64BE(0).toString();
}
