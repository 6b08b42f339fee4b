// Distributed-mode benchmark (issue 19, item 1): the five subgraphs and the gateway as separate
// processes (`npm start -- --subgraph <name>`, `-- --gateway`) on PostgreSQL and NATS JetStream on
// loopback. Measures commit → visible in another subgraph (the absence subgraph's copy of a person
// the person subgraph just wrote), commit → notification delivered (a graphql-ws subscriber), that a
// dependent write in another subgraph right after the response is never refused, and how long the
// absence subgraph takes after a SIGKILL and restart to catch up with what was published meanwhile.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { connect } from 'nats';
import { Client } from 'pg';
import WebSocket from 'ws';
import { dropPostgresDatabase } from '../core/db';
import { HEAP_FLAG } from '../core/heap';
import { identitySigningKey, pseudonymKey } from '../core/key-sources';
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import { percentile } from './stats';

const ROOT = path.join(__dirname, '..');
const SUBGRAPH_NAMES = ['person', 'absence', 'plan', 'recruitment', 'payment'];

export interface DistributedFigures {
  samples: number;
  visibleP50Ms: number;
  visibleP99Ms: number;
  /** From the relay's publish (published_at) to visible: the bus and the consumer alone. */
  publishedToVisibleP99Ms: number;
  /** The upsertPerson round trip through the gateway, for scale on a loaded machine. */
  mutationP50Ms: number;
  mutationP99Ms: number;
  notifiedP50Ms: number;
  notifiedP99Ms: number;
  dependentWritesRefused: number;
  dependentWriteP99Ms: number;
  catchUpEvents: number;
  catchUpMs: number;
}

interface Started {
  child: ChildProcess;
  url: string;
}

/** `npm start` with the given arguments; resolves with the URL its "is up" log line names. */
export function start(args: string[], env: Record<string, string>, upMessage: string): Promise<Started> {
  // OTEL_* passed on, so a run can be traced to see where the milliseconds go (docs/performance.md).
  const passed = (k: string) => ['PATH', 'HOME', 'TMPDIR'].includes(k) || k.startsWith('OTEL_');
  const base = Object.fromEntries(Object.keys(process.env).filter((k) => passed(k) && process.env[k]).map((k) => [k, process.env[k]!]));
  const child = spawn(process.execPath, [HEAP_FLAG, '--import', 'tsx', 'scripts/start.ts', ...args], { cwd: ROOT, env: { ...base, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        if (!line.includes(upMessage)) continue;
        child.removeAllListeners('exit');
        resolve({ child, url: (JSON.parse(line) as { url: string }).url });
      }
    });
  });
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

export async function benchDistributed(options: { samples?: number; rate?: number; catchUpEvents?: number } = {}): Promise<DistributedFigures> {
  const samples = options.samples ?? 300;
  const rate = options.rate ?? 20;
  const catchUpEvents = options.catchUpEvents ?? 200;
  const suffix = randomBytes(4).toString('hex');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-bench-distributed-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const natsUrl = process.env.BENCH_NATS_URL ?? '127.0.0.1:4222';
  const prefix = `dfdg_bench_${suffix}`;
  const database = (name: string) => Object.assign(new URL(databaseUrl), { pathname: `/${prefix}_${name}` }).toString();
  const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DATABASE_PREFIX: prefix, EVENT_BUS: 'nats', NATS_URL: natsUrl, NATS_NAMESPACE: `b${suffix}`, ALLOW_DEV_KEYS: 'true', RATE_LIMIT_PER_MINUTE: '1000000' };
  // The dev keys made once here, so the processes share them instead of racing to make their own.
  await identitySigningKey(dataDir);
  await pseudonymKey(dataDir);
  const clientKey = await devClientSigningKey(dataDir);
  const processes: ChildProcess[] = [];
  const urls: Record<string, string> = {};
  const absenceDb = new Client({ connectionString: database('absence') });
  const personDb = new Client({ connectionString: database('person') });
  let ws: ReturnType<typeof createClient> | undefined;
  try {
    for (const name of SUBGRAPH_NAMES) {
      const started = await start(['--subgraph', name], { ...env, PORT: '0' }, 'subgraph is up');
      processes.push(started.child);
      urls[`${name.toUpperCase()}_URL`] = started.url;
    }
    const gateway = await start(['--gateway'], { ...env, ...urls, PORT: '0', NOTIFICATIONS_PORT: '0' }, 'gateway is up');
    processes.push(gateway.child);
    await absenceDb.connect();
    await personDb.connect();

    const systemToken = await issueClientToken(clientKey, { role: 'system', authority: 'STAR' });
    const caseworkerToken = await issueClientToken(clientKey, { role: 'caseworker', authority: '101' });
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${systemToken}` }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as { data?: Record<string, { id: string }>; errors?: unknown[] };
    };
    const upsert = async (cpr: string, name: string) => {
      const body = await gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name, municipalityCode: '101' } });
      if (body.errors) throw new Error(`upsertPerson failed: ${JSON.stringify(body.errors)}`);
      return body.data!.upsertPerson.id;
    };

    const notified: number[] = [];
    let counting = false;
    ws = createClient({ url: gateway.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${caseworkerToken}` } });
    ws.subscribe<{ notifications: { kind: string; occurredAt: string } }>(
      { query: 'subscription { notifications { kind occurredAt } }' },
      {
        next: ({ data }) => {
          if (counting && data?.notifications.kind === 'PERSON_UPSERTED') notified.push(Date.now() - Date.parse(data.notifications.occurredAt));
        },
        error: (error) => console.error('subscription error', error),
        complete: () => undefined,
      },
    );
    await new Promise((r) => setTimeout(r, 500));

    const known = async (cpr: string) => (await absenceDb.query('select 1 from known_person where cpr = $1', [cpr])).rowCount === 1;
    const stamps = async (personId: string) =>
      (await personDb.query<{ occurred_at: Date; published_at: Date }>("select occurred_at, published_at from outbox_event where person_id = $1 and kind = 'PERSON_UPSERTED' order by seq desc limit 1", [personId])).rows[0];
    const cprOf = (i: number) => `0404${String(700000 + i)}`;

    // Warm-up, then samples at a steady rate.
    const visible: number[] = [];
    const publishedToVisible: number[] = [];
    const mutation: number[] = [];
    const dependent: number[] = [];
    let refused = 0;
    for (let i = -20; i < samples; i++) {
      const started = Date.now();
      const cpr = cprOf(i + 20);
      counting = i >= 0;
      const id = await upsert(cpr, `Bench ${i}`);
      if (i >= 0) mutation.push(Date.now() - started);
      const [seenAt] = await Promise.all([
        (async () => {
          // Polled every millisecond, not in a busy loop: the poller would take a core from the system it measures.
          while (!(await known(cpr))) await new Promise((r) => setTimeout(r, 1));
          return Date.now();
        })(),
        (async () => {
          // What a caseworker does next: a write in another subgraph that needs the person.
          const before = Date.now();
          const body = await gql('mutation($i: AkasseMembershipInput!) { registerAkasseMembership(input: $i) { id } }', { i: { cpr, akasse: '21', start: '2024-01-01' } });
          if (i >= 0) {
            dependent.push(Date.now() - before);
            if (body.errors) refused++;
          }
        })(),
      ]);
      if (i >= 0) {
        const { occurred_at, published_at } = await stamps(id);
        visible.push(seenAt - occurred_at.getTime());
        publishedToVisible.push(seenAt - published_at.getTime());
      }
      await new Promise((r) => setTimeout(r, Math.max(0, 1000 / rate - (Date.now() - started))));
    }
    await new Promise((r) => setTimeout(r, 1000));

    // Catch-up: absence killed, events published while it is down, then started again.
    const absenceIndex = SUBGRAPH_NAMES.indexOf('absence');
    processes[absenceIndex].kill('SIGKILL');
    await new Promise((r) => processes[absenceIndex].once('exit', r));
    const offset = samples + 20;
    for (let i = 0; i < catchUpEvents; i++) await upsert(cprOf(offset + i), `Down ${i}`);
    const restarted = await start(['--subgraph', 'absence'], { ...env, PORT: new URL(urls.ABSENCE_URL).port }, 'subgraph is up');
    const upAt = Date.now();
    processes[absenceIndex] = restarted.child;
    while (!(await known(cprOf(offset + catchUpEvents - 1)))) await new Promise((r) => setTimeout(r, 2));
    const catchUpMs = Date.now() - upAt;

    return {
      samples,
      visibleP50Ms: percentile(visible, 50),
      visibleP99Ms: percentile(visible, 99),
      publishedToVisibleP99Ms: percentile(publishedToVisible, 99),
      mutationP50Ms: percentile(mutation, 50),
      mutationP99Ms: percentile(mutation, 99),
      notifiedP50Ms: percentile(notified, 50),
      notifiedP99Ms: percentile(notified, 99),
      dependentWritesRefused: refused,
      dependentWriteP99Ms: percentile(dependent, 99),
      catchUpEvents,
      catchUpMs,
    };
  } finally {
    await ws?.dispose();
    await absenceDb.end().catch(() => undefined);
    await personDb.end().catch(() => undefined);
    for (const child of processes.reverse()) await stop(child);
    for (const name of [...SUBGRAPH_NAMES, 'notifications']) await dropPostgresDatabase(database(name)).catch(() => undefined);
    const nats = await connect({ servers: natsUrl });
    await (await nats.jetstreamManager()).streams.delete(`b${suffix}_DFDG_EVENTS`).catch(() => undefined);
    await nats.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
