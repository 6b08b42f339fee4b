// Notification benchmark (issue 8): commit-to-delivery latency p50/p99 with N concurrent graphql-ws
// subscribers, and notifications per second sustained, on the embedded system (SQLite, in-process
// bus) with the real clock. Subscribers live in child processes (bench/ws-worker.ts), so the
// gateway process holds only its own sockets; latency is the subscriber's arrival time minus the
// event's occurredAt, stamped when the change is written in its transaction.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbedded } from '../launcher/embedded';
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import { memorySampler, percentile } from './stats';

const SUBSCRIPTION = 'subscription { notifications { position kind occurredAt } }';
const PER_WORKER = 2_500;

export interface NotificationFigures {
  subscribers: number;
  events: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  burstEvents: number;
  notificationsPerSecond: number;
  eventsPerSecond: number;
  peakRssMb: number;
}

interface Worker {
  child: ChildProcess;
  ask<T>(type: string, reply: string): Promise<T>;
}

function spawnWorker(): Worker {
  const child = fork(path.join(__dirname, 'ws-worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('message', (m: { type: string; error?: string }) => {
    if (m.type === 'error') console.error(`subscriber error: ${m.error}`);
  });
  return {
    child,
    ask: <T>(type: string, reply: string) =>
      new Promise<T>((resolve) => {
        const listener = (m: { type: string } & T) => {
          if (m.type !== reply) return;
          child.off('message', listener);
          resolve(m);
        };
        child.on('message', listener);
        child.send({ type });
      }),
  };
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

export async function benchNotifications(subscribers: number, options: { rate?: number; seconds?: number; burst?: number } = {}): Promise<NotificationFigures> {
  const rate = options.rate ?? 10;
  const seconds = options.seconds ?? 10;
  const burst = options.burst ?? 100;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-bench-notifications-'));
  const system = await startEmbedded({ dataDir, gatewayPort: 0, subgraphPorts: 'random', rateLimit: null, explorer: false });
  const memory = memorySampler();
  const workers: Worker[] = [];
  try {
    const key = await devClientSigningKey(dataDir);
    const systemToken = await issueClientToken(key, { role: 'system', authority: 'STAR' });
    const caseworkerToken = await issueClientToken(key, { role: 'caseworker', authority: '101' });
    let n = 0;
    const mutate = async () => {
      const i = n++;
      const cpr = `0101${String(70 + (i % 30)).padStart(2, '0')}${String(1000 + (i % 50)).padStart(4, '0')}`;
      const response = await fetch(system.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${systemToken}` },
        body: JSON.stringify({ query: 'mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) { id } }', variables: { input: { cpr, name: `Bench ${i}`, municipalityCode: '101' } } }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(`mutation failed: ${JSON.stringify(body.errors)}`);
    };

    for (let left = subscribers; left > 0; left -= PER_WORKER) {
      const worker = spawnWorker();
      workers.push(worker);
      const ready = new Promise<void>((resolve) => worker.child.on('message', (m: { type: string }) => m.type === 'ready' && resolve()));
      worker.child.send({ type: 'start', url: system.gateway.url, token: caseworkerToken, count: Math.min(PER_WORKER, left), query: SUBSCRIPTION });
      await ready;
    }
    const total = async () => (await Promise.all(workers.map((w) => w.ask<{ received: number }>('count', 'count')))).reduce((s, r) => s + r.received, 0);
    const drain = async () => (await Promise.all(workers.map((w) => w.ask<{ latencies: number[] }>('drain', 'latencies')))).flatMap((r) => r.latencies);

    // Warm-up: plans cached, JIT warm, every subscriber proven live.
    for (let i = 0; i < 5; i++) await mutate();
    if (!(await until(async () => (await total()) >= subscribers * 5, 60_000))) throw new Error('warm-up notifications did not all arrive');
    await drain();

    // Steady rate: latency.
    const events = rate * seconds;
    const before = await total();
    for (let i = 0; i < events; i++) {
      const started = Date.now();
      await mutate();
      await new Promise((r) => setTimeout(r, Math.max(0, 1000 / rate - (Date.now() - started))));
    }
    await until(async () => (await total()) - before >= subscribers * events, 120_000);
    const latencies = await drain();

    // Burst: how many notifications per second the gateway sustains.
    const burstStart = Date.now();
    const beforeBurst = await total();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < burst; i++) {
      inFlight.push(mutate());
      if (inFlight.length >= 8) await Promise.all(inFlight.splice(0));
    }
    await Promise.all(inFlight);
    await until(async () => (await total()) - beforeBurst >= subscribers * burst, 300_000);
    const burstSeconds = (Date.now() - burstStart) / 1000;
    const delivered = (await total()) - beforeBurst;
    await drain();

    return {
      subscribers,
      events: latencies.length / subscribers,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: percentile(latencies, 100),
      burstEvents: burst,
      notificationsPerSecond: Math.round(delivered / burstSeconds),
      eventsPerSecond: Math.round(burst / burstSeconds),
      peakRssMb: memory.peak(),
    };
  } finally {
    memory.stop();
    for (const w of workers) w.child.send({ type: 'stop' });
    await system.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
