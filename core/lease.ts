// Scheduled jobs run one at a time across the replicas of a subgraph. On PostgreSQL a run holds a
// session advisory lock keyed by subgraph and job on a connection of its own: a replica that finds
// it taken skips its tick, and a holder that dies loses its connection and with it the lock, so the
// next tick of another replica runs the job. SQLite is one process (the file cannot be shared by
// replicas), so the timer's own "never overlap" guard is all it needs.
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from './config';

export type LeasedRun<T> = { ran: true; result: T } | { ran: false };

export interface JobLease {
  /** Runs `work` unless another holder of `key` is running it now; then it does nothing. */
  runExclusively<T>(key: string, work: () => Promise<T>): Promise<LeasedRun<T>>;
}

/** One process: the caller's timer already never overlaps a run with the previous one. */
export const inProcessLease: JobLease = {
  async runExclusively(_key, work) {
    return { ran: true, result: await work() };
  },
};

/**
 * A session-level `pg_try_advisory_lock` on a connection opened for the run and closed after it.
 * Advisory locks belong to one database, which is what replicas of one subgraph share.
 */
export function postgresLease(url: string, options: { applicationName: string; onConnectionError?: (error: Error) => void }): JobLease {
  return {
    async runExclusively(key, work) {
      const client = new pg.Client({ connectionString: url, application_name: options.applicationName });
      // A connection lost mid-run (the server restarted) must not crash the process; the lock went
      // with it, and the run finishes on its own (jobs are idempotent).
      client.on('error', (error) => options.onConnectionError?.(error));
      await client.connect();
      try {
        const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1::bigint) as locked', [advisoryKey(key)]);
        if (!rows[0].locked) return { ran: false };
        // Closing the connection below releases the lock; no explicit unlock to forget.
        return { ran: true, result: await work() };
      } finally {
        await client.end().catch(() => undefined);
      }
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
