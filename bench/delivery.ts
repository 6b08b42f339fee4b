// Push delivery benchmark (issue 21): commit → receiver latency p50/p99 for 100 healthy webhook
// endpoints at 10 events/s while 10 other endpoints fail, with the real clock: on the embedded
// system (SQLite, in-process bus), or distributed (five subgraph processes and the gateway on
// PostgreSQL and NATS JetStream on loopback, BENCH_DATABASE_URL and BENCH_NATS_URL). Eleven jobcentres declare ten endpoints each; every event concerns one
// of them, so each reaches ten endpoints; ten jobcentres have one failing endpoint among their ten.
// Receivers live in a child process (bench/delivery-receivers.ts), one server per endpoint.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { connect } from 'nats';
import { dropPostgresDatabase } from '../core/db';
import { identitySigningKey, pseudonymKey } from '../core/key-sources';
import { startEmbedded } from '../launcher/embedded';
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import { start, stop } from './distributed';
import { percentile } from './stats';

const QUERY = 'subscription { notifications { position kind occurredAt } }';
const JOBCENTRES = ['101', '147', '151', '153', '155', '157', '159', '161', '163', '165', '167'];

export interface DeliveryFigures {
  mode: 'embedded' | 'distributed';
  healthy: number;
  failing: number;
  events: number;
  deliveries: number;
  /** Messages a receiver got more than once. */
  duplicates: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

interface System {
  url: string;
  stop(): Promise<void>;
}

async function embedded(dataDir: string): Promise<System> {
  // The receivers are on loopback and plain http; a deployment never sets this.
  process.env.DELIVERY_ALLOW_LOOPBACK = 'true';
  const system = await startEmbedded({ dataDir, gatewayPort: 0, subgraphPorts: 'random', rateLimit: null, explorer: false });
  return { url: system.gateway.url, stop: () => system.stop() };
}

async function distributed(dataDir: string): Promise<System> {
  const suffix = randomBytes(4).toString('hex');
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const natsUrl = process.env.BENCH_NATS_URL ?? '127.0.0.1:4222';
  const prefix = `dfdg_bench_${suffix}`;
  const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DATABASE_PREFIX: prefix, EVENT_BUS: 'nats', NATS_URL: natsUrl, NATS_NAMESPACE: `b${suffix}`, ALLOW_DEV_KEYS: 'true', RATE_LIMIT_PER_MINUTE: 'off', DELIVERY_ALLOW_LOOPBACK: 'true' };
  // The dev keys made once here, so the processes share them instead of racing to make their own.
  await identitySigningKey(dataDir);
  await pseudonymKey(dataDir);
  const processes: ChildProcess[] = [];
  const names = ['person', 'absence', 'plan', 'recruitment', 'payment'];
  const cleanUp = async () => {
    for (const child of processes.reverse()) await stop(child);
    for (const name of [...names, 'notifications']) await dropPostgresDatabase(Object.assign(new URL(databaseUrl), { pathname: `/${prefix}_${name}` }).toString()).catch(() => undefined);
    const nats = await connect({ servers: natsUrl });
    await (await nats.jetstreamManager()).streams.delete(`b${suffix}_DFDG_EVENTS`).catch(() => undefined);
    await nats.close();
  };
  try {
    const urls: Record<string, string> = {};
    for (const name of names) {
      const started = await start(['--subgraph', name], { ...env, PORT: '0' }, 'subgraph is up');
      processes.push(started.child);
      urls[`${name.toUpperCase()}_URL`] = started.url;
    }
    const gateway = await start(['--gateway'], { ...env, ...urls, PORT: '0', NOTIFICATIONS_PORT: '0' }, 'gateway is up');
    processes.push(gateway.child);
    return { url: gateway.url, stop: cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

export async function benchDelivery(options: { rate?: number; seconds?: number; mode?: 'embedded' | 'distributed' } = {}): Promise<DeliveryFigures> {
  const rate = options.rate ?? 10;
  const seconds = options.seconds ?? 20;
  const mode = options.mode ?? 'embedded';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-bench-delivery-'));
  const system = mode === 'embedded' ? await embedded(dataDir) : await distributed(dataDir);
  const receivers = fork(path.join(__dirname, 'delivery-receivers.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = <T>(type: string, reply: string) =>
    new Promise<T>((resolve) => {
      const listener = (m: { type: string } & T) => {
        if (m.type !== reply) return;
        receivers.off('message', listener);
        resolve(m);
      };
      receivers.on('message', listener);
      receivers.send({ type });
    });
  try {
    const key = await devClientSigningKey(dataDir);
    const post = async (token: string, query: string, variables: Record<string, unknown>) => {
      const response = await fetch(system.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    };
    const ready = new Promise<{ healthy: number[]; failing: number[] }>((resolve) => receivers.on('message', (m: { type: string; healthy: number[]; failing: number[] }) => m.type === 'ready' && resolve(m)));
    receivers.send({ type: 'start', healthy: 100, failing: 10 });
    const ports = await ready;
    const endpoints = [...ports.healthy, ...ports.failing].map((port) => `http://127.0.0.1:${port}/hook`);
    // Jobcentre i gets endpoints 10i … 10i+9 of the healthy ones, the last one its failing one (but the first).
    const byJobcentre = JOBCENTRES.map((_, i) => (i === 0 ? endpoints.slice(0, 10) : [...endpoints.slice(10 * i - 9, 10 * i), endpoints[100 + i - 1]]));
    const secret = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
    for (const [i, authority] of JOBCENTRES.entries()) {
      const token = await issueClientToken(key, { role: 'caseworker', authority });
      await post(token, 'mutation($i: [DeliverySubscriptionInput!]!) { declareDeliverySubscriptions(input: $i) { id } }', { i: byJobcentre[i].map((endpoint) => ({ endpoint, secret, query: QUERY })) });
    }
    const systemToken = await issueClientToken(key, { role: 'system', authority: 'STAR' });
    let n = 0;
    const mutate = () => {
      const i = n++;
      const cpr = `0101${String(70 + (i % 30)).padStart(2, '0')}${String(1000 + (i % 50)).padStart(4, '0')}`;
      return post(systemToken, 'mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) { id } }', { input: { cpr, name: `Bench ${i}`, municipalityCode: JOBCENTRES[i % JOBCENTRES.length] } });
    };
    const received = async () => (await ask<{ received: number }>('count', 'count')).received;
    const until = async (count: number, ms: number) => {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline && (await received()) < count) await new Promise((r) => setTimeout(r, 50));
    };
    // Warm-up: plans cached, connections open, the failing endpoints already backing off.
    for (let i = 0; i < JOBCENTRES.length * 2; i++) await mutate();
    await until(100 * 2, 60_000);
    await ask('drain', 'latencies');

    // An upsert that moves a person also tells the jobcentre moved from: wait for at least one delivery per healthy endpoint and event.
    const events = rate * seconds;
    const expected = events * 9;
    for (let i = 0; i < events; i++) {
      const started = Date.now();
      await mutate();
      await new Promise((r) => setTimeout(r, Math.max(0, 1000 / rate - (Date.now() - started))));
    }
    await until(expected, 60_000);
    const { latencies, duplicates } = await ask<{ latencies: number[]; duplicates: number }>('drain', 'latencies');
    return { mode, healthy: 100, failing: 10, events, deliveries: latencies.length, duplicates, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), maxMs: percentile(latencies, 100) };
  } finally {
    receivers.send({ type: 'stop' });
    await system.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
