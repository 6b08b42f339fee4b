// Push delivery benchmark (issue 21): commit → receiver latency p50/p99 for 100 healthy webhook
// endpoints at 10 events/s while 10 other endpoints fail, on the embedded system (SQLite, in-process
// bus) with the real clock. Eleven jobcentres declare ten endpoints each; every event concerns one
// of them, so each reaches ten endpoints; ten jobcentres have one failing endpoint among their ten.
// Receivers live in a child process (bench/delivery-receivers.ts), one server per endpoint.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbedded } from '../launcher/embedded';
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import { percentile } from './stats';

const QUERY = 'subscription { notifications { position kind occurredAt } }';
const JOBCENTRES = ['101', '147', '151', '153', '155', '157', '159', '161', '163', '165', '167'];

export interface DeliveryFigures {
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

export async function benchDelivery(options: { rate?: number; seconds?: number } = {}): Promise<DeliveryFigures> {
  const rate = options.rate ?? 10;
  const seconds = options.seconds ?? 20;
  // The receivers are on loopback and plain http; a deployment never sets this.
  process.env.DELIVERY_ALLOW_LOOPBACK = 'true';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-bench-delivery-'));
  const system = await startEmbedded({ dataDir, gatewayPort: 0, subgraphPorts: 'random', rateLimit: null, explorer: false });
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
      const response = await fetch(system.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
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
    return { healthy: 100, failing: 10, events, deliveries: latencies.length, duplicates, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), maxMs: percentile(latencies, 100) };
  } finally {
    receivers.send({ type: 'stop' });
    await system.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
