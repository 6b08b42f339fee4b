// Scheduled jobs run on their timer as the system role with a fresh context, never two runs of one
// job at once, and a failing run is retried at the next tick rather than stopping the timer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'graphql';
import { generateKeyPair } from 'jose';
import { InProcessBus } from '../bus';
import { ManualClock } from '../clock';
import type { Identity } from '../identity';
import { notificationsSubgraph } from '../../gateway/notifications';
import { startSubgraph, type RunningSubgraph, type SubgraphModule } from '../subgraph-server';

let dir: string;
let running: RunningSubgraph | null = null;
let bus: InProcessBus;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-jobs-'));
  bus = new InProcessBus(path.join(dir, 'bus.sqlite'));
});
afterEach(async () => {
  await running?.stop();
  await bus.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(run: (identity: Identity) => Promise<void>, scheduledJobs = true): Promise<void> {
  const module: SubgraphModule = {
    name: 'jobs',
    typeDefs: parse('type Query { ok: Boolean }'),
    resolvers: { Query: { ok: () => true } },
    // Any subgraph's migrations bring the core tables (outbox, stream state) the relay needs.
    entities: notificationsSubgraph.entities,
    migrations: notificationsSubgraph.migrations,
    createLoaders: () => ({}),
    scheduledJobs: [{ name: 'test-job', intervalMs: 20, run: (ctx) => run(ctx.identity) }],
  };
  running = await startSubgraph(module, {
    host: '127.0.0.1',
    port: 0,
    database: { kind: 'sqlite', location: path.join(dir, 'jobs.sqlite') },
    bus,
    clock: new ManualClock('2026-11-23T09:00:00Z'),
    identityPublicKey: (await generateKeyPair('ES256')).publicKey,
    cprPseudonymKey: Buffer.alloc(32, 1),
    scheduledJobs,
  });
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('runs as the system role, never overlapping itself, and keeps going after a failure', async () => {
  const identities: Identity[] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  let calls = 0;
  await start(async (identity) => {
    calls++;
    identities.push(identity);
    concurrent++;
    maxConcurrent = Math.max(maxConcurrent, concurrent);
    await wait(50); // longer than the interval
    concurrent--;
    if (calls === 1) throw new Error('first run fails');
  });
  await wait(400);
  expect(calls).toBeGreaterThanOrEqual(3);
  expect(maxConcurrent).toBe(1);
  expect(identities[0]).toEqual({ subject: 'scheduler:test-job', role: 'system', authority: 'STAR' });
});

it('does not run when the runtime turns scheduled jobs off', async () => {
  let calls = 0;
  await start(async () => {
    calls++;
  }, false);
  await wait(100);
  expect(calls).toBe(0);
});
