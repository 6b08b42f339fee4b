// Replicas of a subgraph on one PostgreSQL database (TEST_DATABASE_URL) run a scheduled job one at
// a time: a second runner finds the lease taken and skips, and a holder that dies (its connection
// closes) passes the lease on.
import { randomBytes } from 'node:crypto';
import { parse } from 'graphql';
import { generateKeyPair } from 'jose';
import pg from 'pg';
import { InProcessBus } from '../core/bus';
import { ManualClock } from '../core/clock';
import { dropPostgresDatabase, ensurePostgresDatabase } from '../core/db';
import { postgresLease } from '../core/lease';
import { startSubgraph, type RunningSubgraph, type SubgraphModule } from '../core/subgraph-server';
import { notificationsSubgraph } from '../gateway/notifications';

const server = process.env.TEST_DATABASE_URL;
const describeOnPostgres = server ? describe : describe.skip;
if (!server) console.warn('replicas-jobs test skipped: set TEST_DATABASE_URL');

/** A promise and the function that settles it: a run that lasts until the test lets it finish. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describeOnPostgres('scheduled jobs across replicas on PostgreSQL', () => {
  let url: string;

  beforeAll(async () => {
    const target = new URL(server!);
    target.pathname = `/dfdg_test_lease_${randomBytes(4).toString('hex')}`;
    url = target.toString();
    await ensurePostgresDatabase(url);
  });
  afterAll(async () => {
    if (url) await dropPostgresDatabase(url);
  });

  it('runs a job in one of two runners; the other skips while the first holds it, also between its runs, and takes over when it stops', async () => {
    const first = postgresLease(url, { applicationName: 'dfdg-test-replica-a' });
    const second = postgresLease(url, { applicationName: 'dfdg-test-replica-b' });
    const held = gate();
    const started = gate();
    const firstRun = first.runExclusively('job:person:retention', async () => {
      started.open();
      await held.opened;
      return 'first';
    });
    await started.opened;

    expect(await second.runExclusively('job:person:retention', async () => 'second')).toEqual({ ran: false });
    // Another job, or the same job of another subgraph, is not held by it.
    expect(await second.runExclusively('job:absence:retention', async () => 'other')).toEqual({ ran: true, result: 'other' });

    held.open();
    expect(await firstRun).toEqual({ ran: true, result: 'first' });
    // Once per interval across replicas: the holder keeps the job between its runs.
    expect(await second.runExclusively('job:person:retention', async () => 'second')).toEqual({ ran: false });
    expect(await first.runExclusively('job:person:retention', async () => 'first again')).toEqual({ ran: true, result: 'first again' });

    await first.close(); // the holder stops
    expect(await second.runExclusively('job:person:retention', async () => 'second')).toEqual({ ran: true, result: 'second' });
    await second.close();
  });

  it('passes the lease on when its holder dies (its connection closes)', async () => {
    const errors: Error[] = [];
    const dying = postgresLease(url, { applicationName: 'dfdg-test-dying', onConnectionError: (error) => errors.push(error) });
    const survivor = postgresLease(url, { applicationName: 'dfdg-test-survivor' });
    const started = gate();
    const never = gate();
    void dying.runExclusively('job:person:daily', async () => {
      started.open();
      await never.opened; // a process that hangs, then is killed
    });
    await started.opened;
    expect(await survivor.runExclusively('job:person:daily', async () => 'survivor')).toEqual({ ran: false });

    // What the server sees when the holder's process dies: its session ends.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'dfdg-test-dying'`);
    } finally {
      await admin.end();
    }

    expect(await survivor.runExclusively('job:person:daily', async () => 'survivor')).toEqual({ ran: true, result: 'survivor' });
    expect(errors.length).toBeGreaterThan(0);
    never.open();
    await Promise.all([dying.close(), survivor.close()]);
  });

  describe('two replicas of a subgraph with a job on a timer', () => {
    const replicas: RunningSubgraph[] = [];
    const buses: InProcessBus[] = [];
    afterAll(async () => {
      for (const replica of replicas) await replica.stop();
      for (const bus of buses) await bus.close();
    });

    it('run the job in one replica only, never at the same time, and the other takes it over when that one stops', async () => {
      let concurrent = 0;
      let maxConcurrent = 0;
      const ranBy = new Set<string>();
      const publicKey = (await generateKeyPair('ES256')).publicKey;
      for (const name of ['a', 'b']) {
        const module: SubgraphModule = {
          name: 'jobs',
          typeDefs: parse('type Query { ok: Boolean }'),
          resolvers: { Query: { ok: () => true } },
          // Any subgraph's migrations bring the core tables (outbox, stream state) the relay needs.
          entities: notificationsSubgraph.entities,
          migrations: notificationsSubgraph.migrations,
          createLoaders: () => ({}),
          scheduledJobs: [
            {
              name: 'slow-job',
              intervalMs: 10,
              async run() {
                ranBy.add(name);
                concurrent++;
                maxConcurrent = Math.max(maxConcurrent, concurrent);
                await new Promise((resolve) => setTimeout(resolve, 30)); // longer than the interval
                concurrent--;
              },
            },
          ],
        };
        const bus = new InProcessBus();
        buses.push(bus);
        replicas.push(
          await startSubgraph(module, {
            host: '127.0.0.1',
            port: 0,
            database: { kind: 'postgresql', location: url },
            bus,
            clock: new ManualClock('2026-11-23T09:00:00Z'),
            identityPublicKey: publicKey,
            cprPseudonymKey: Buffer.alloc(32, 1),
          }),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(ranBy.size).toBe(1);
      expect(maxConcurrent).toBe(1);

      const [holder] = [...ranBy];
      await replicas[holder === 'a' ? 0 : 1].stop();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(ranBy).toEqual(new Set(['a', 'b']));
    });
  });
});
