// Scheduled effects take effect on their day, once: not at 23:59 in Copenhagen the evening before,
// at 00:00 there (23:00 UTC in winter); a handler's events leave through the outbox with the day the
// change is in force from; a failing handler leaves the effect pending, with nothing of its work
// kept, and a later run applies it; a withdrawn effect never applies; and two runners over one
// SQLite file apply each effect exactly once. A tiny subgraph (one field, no entities of its own)
// carries the handlers; any subgraph's migrations bring the core tables.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parse } from 'graphql';
import { generateKeyPair } from 'jose';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { InProcessBus } from '../bus';
import { ManualClock } from '../clock';
import { openDatabase } from '../db';
import { cancelPendingEffects, pendingEffects, runDueEffects, scheduleEffect, ScheduledEffect, type EffectHandler, type EffectHandlers } from '../effectuation';
import { OutboxEvent, recordEvent } from '../outbox';
import { EFFECTUATION_INTERVAL_MS, startSubgraph, type RunningSubgraph, type SubgraphModule } from '../subgraph-server';
import { migrations } from '../../subgraphs/absence/migrations';

let dir: string;
let bus: InProcessBus;
let running: RunningSubgraph | null = null;
const opened: MikroORM[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-effects-'));
  bus = new InProcessBus(path.join(dir, 'bus.sqlite'));
});
afterEach(async () => {
  await running?.stop();
  running = null;
  for (const orm of opened.splice(0)) await orm.close();
  await bus.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The effect's day comes; the handler records the event the change implies, dated that day. */
const announce: EffectHandler = async (em, effect, clock) => {
  recordEvent(em, clock, {
    kind: 'GROUP_CHANGED',
    personId: effect.personId,
    entityType: effect.entityType,
    entityId: effect.entityId,
    effectiveDate: effect.effectiveOn,
    authorities: { jobcentres: ['101'] },
    payload: effect.payload,
  });
};

function tinyModule(effects: EffectHandlers): SubgraphModule {
  return {
    name: 'effects',
    typeDefs: parse('type Query { ok: Boolean }'),
    resolvers: { Query: { ok: () => true } },
    entities: [],
    migrations,
    createLoaders: () => ({}),
    effects,
  };
}

async function start(clock: ManualClock, effects: EffectHandlers, timers = false): Promise<RunningSubgraph> {
  running = await startSubgraph(tinyModule(effects), {
    host: '127.0.0.1',
    port: 0,
    database: { kind: 'sqlite', location: path.join(dir, 'effects.sqlite') },
    bus,
    clock,
    identityPublicKey: (await generateKeyPair('ES256')).publicKey,
    cprPseudonymKey: Buffer.alloc(32, 1),
    // The minute timer stays off unless a test is about it: the tests move the clock and call
    // effectuate() themselves.
    scheduledJobs: timers,
  });
  return running;
}

async function schedule(em: EntityManager, clock: ManualClock, effectiveOn: string, entityId = 'cg-1', kind = 'GROUP_CHANGE'): Promise<ScheduledEffect> {
  const fork = em.fork();
  const effect = scheduleEffect(fork, clock, { kind, personId: 'p-1', entityType: 'ContactGroupPeriod', entityId, effectiveOn, payload: { from: 2, to: 10 } });
  await fork.flush();
  return effect;
}

const effectRow = (orm: MikroORM, id: string) => orm.em.fork().findOneOrFail(ScheduledEffect, { id });
const outboxRows = (orm: MikroORM) => orm.em.fork().find(OutboxEvent, {}, { orderBy: { seq: 'asc' } });
const busKinds = async () => (await bus.read(0, 100)).map((e) => e.kind);

describe('on its day, once', () => {
  it('is not applied at 23:59 in Copenhagen the evening before, is applied at 00:00 there, and never again', async () => {
    // 22:59 UTC is 23:59 in Copenhagen (UTC+1 in December): still 19 December there.
    const clock = new ManualClock('2026-12-19T22:59:00Z');
    const calls: string[] = [];
    const subgraph = await start(clock, { GROUP_CHANGE: async (em, effect, c) => {
      calls.push(effect.id);
      await announce(em, effect, c);
    } });
    const effect = await schedule(subgraph.orm.em, clock, '2026-12-20');

    expect(await subgraph.effectuate()).toEqual({ applied: 0, failed: 0 });
    expect(calls).toEqual([]);
    expect((await effectRow(subgraph.orm, effect.id)).effectedAt).toBeNull();
    expect(await busKinds()).toEqual([]);

    // 23:00 UTC on the 19th is midnight in Copenhagen: the 20th has begun there, not yet in UTC.
    clock.set('2026-12-19T23:00:00Z');
    expect(await subgraph.effectuate()).toEqual({ applied: 1, failed: 0 });
    expect(calls).toEqual([effect.id]);
    expect((await effectRow(subgraph.orm, effect.id)).effectedAt).toEqual(new Date('2026-12-19T23:00:00Z'));
    expect(await pendingEffects(subgraph.orm.em.fork())).toEqual([]);

    clock.set('2026-12-19T23:01:00Z');
    expect(await subgraph.effectuate()).toEqual({ applied: 0, failed: 0 });
    clock.set('2026-12-21T09:00:00Z');
    expect(await subgraph.effectuate()).toEqual({ applied: 0, failed: 0 });
    expect(calls).toEqual([effect.id]);
    expect(await busKinds()).toEqual(['GROUP_CHANGED']);
  });

  it("puts the handler's events in the outbox with the effect's day as effectiveDate, and publishes them in the same run", async () => {
    const clock = new ManualClock('2026-11-30T10:00:00Z');
    const subgraph = await start(clock, { GROUP_CHANGE: announce });
    await schedule(subgraph.orm.em, clock, '2026-12-20');
    expect(await outboxRows(subgraph.orm)).toEqual([]);

    clock.set('2026-12-20T07:30:00Z');
    await subgraph.effectuate();
    const rows = await outboxRows(subgraph.orm);
    expect(rows.map((r) => ({ kind: r.kind, effectiveDate: r.effectiveDate, occurredAt: r.occurredAt, published: r.publishedAt !== null }))).toEqual([
      { kind: 'GROUP_CHANGED', effectiveDate: '2026-12-20', occurredAt: new Date('2026-12-20T07:30:00Z'), published: true },
    ]);
    const [event] = await bus.read(0, 10);
    expect(event).toMatchObject({ kind: 'GROUP_CHANGED', stream: 'effects', personId: 'p-1', entityId: 'cg-1', effectiveDate: '2026-12-20', occurredAt: '2026-12-20T07:30:00.000Z', payload: { from: 2, to: 10 } });
  });

  it('applies due effects oldest day first, and a late run catches up every missed day with each its own date', async () => {
    const clock = new ManualClock('2026-11-30T10:00:00Z');
    const subgraph = await start(clock, { GROUP_CHANGE: announce });
    await schedule(subgraph.orm.em, clock, '2026-12-22', 'b');
    await schedule(subgraph.orm.em, clock, '2026-12-20', 'a');
    await schedule(subgraph.orm.em, clock, '2027-01-05', 'c');

    clock.set('2026-12-23T09:00:00Z');
    expect(await subgraph.effectuate()).toEqual({ applied: 2, failed: 0 });
    expect((await bus.read(0, 10)).map((e) => [e.entityId, e.effectiveDate])).toEqual([
      ['a', '2026-12-20'],
      ['b', '2026-12-22'],
    ]);
    expect((await pendingEffects(subgraph.orm.em.fork())).map((e) => e.entityId)).toEqual(['c']);
  });
});

describe('failures and withdrawals', () => {
  it('leaves an effect whose handler fails pending, keeps nothing it wrote, and applies it at a later run', async () => {
    const clock = new ManualClock('2026-12-20T08:00:00Z');
    let fail = true;
    const subgraph = await start(clock, {
      GROUP_CHANGE: async (em, effect, c) => {
        await announce(em, effect, c);
        if (fail) throw new Error('projection not ready');
      },
    });
    const effect = await schedule(subgraph.orm.em, clock, '2026-12-20');

    expect(await subgraph.effectuate()).toEqual({ applied: 0, failed: 1 });
    expect((await effectRow(subgraph.orm, effect.id)).effectedAt).toBeNull();
    expect(await outboxRows(subgraph.orm)).toEqual([]);
    expect(await busKinds()).toEqual([]);

    fail = false;
    clock.set('2026-12-20T08:01:00Z');
    expect(await subgraph.effectuate()).toEqual({ applied: 1, failed: 0 });
    expect((await effectRow(subgraph.orm, effect.id)).effectedAt).toEqual(new Date('2026-12-20T08:01:00Z'));
    expect((await bus.read(0, 10)).map((e) => [e.kind, e.effectiveDate])).toEqual([['GROUP_CHANGED', '2026-12-20']]);
  });

  it('leaves an effect of a kind without a handler pending, and reports it', async () => {
    const clock = new ManualClock('2026-12-20T08:00:00Z');
    const subgraph = await start(clock, { GROUP_CHANGE: announce });
    const effect = await schedule(subgraph.orm.em, clock, '2026-12-20', 'x', 'SOMETHING_ELSE');
    expect(await subgraph.effectuate()).toEqual({ applied: 0, failed: 1 });
    expect((await effectRow(subgraph.orm, effect.id)).effectedAt).toBeNull();
  });

  it('never applies a cancelled effect, and cancelling touches only what is still pending', async () => {
    const clock = new ManualClock('2026-11-30T10:00:00Z');
    const subgraph = await start(clock, { GROUP_CHANGE: announce });
    const applied = await schedule(subgraph.orm.em, clock, '2026-11-30', 'cg-1');
    await subgraph.effectuate();
    const withdrawn = await schedule(subgraph.orm.em, clock, '2026-12-20', 'cg-1');
    const other = await schedule(subgraph.orm.em, clock, '2026-12-20', 'cg-2');

    clock.set('2026-12-01T10:00:00Z');
    expect(await cancelPendingEffects(subgraph.orm.em.fork(), clock, 'ContactGroupPeriod', 'cg-1')).toBe(1);
    expect((await effectRow(subgraph.orm, withdrawn.id)).cancelledAt).toEqual(new Date('2026-12-01T10:00:00Z'));
    expect((await effectRow(subgraph.orm, applied.id)).cancelledAt).toBeNull();
    expect((await pendingEffects(subgraph.orm.em.fork(), { entityType: 'ContactGroupPeriod' })).map((e) => e.id)).toEqual([other.id]);

    clock.set('2026-12-25T10:00:00Z');
    expect(await subgraph.effectuate()).toEqual({ applied: 1, failed: 0 });
    expect((await effectRow(subgraph.orm, withdrawn.id)).effectedAt).toBeNull();
    expect((await bus.read(0, 10)).map((e) => e.entityId)).toEqual(['cg-1', 'cg-2']);
    expect((await bus.read(0, 10)).map((e) => e.effectiveDate)).toEqual(['2026-11-30', '2026-12-20']);
  });
});

describe('catch-up at start', () => {
  it('applies, while starting, what fell due while the process was down over midnight, and publishes its event', async () => {
    const clock = new ManualClock('2026-12-19T21:00:00Z');
    const first = await start(clock, { GROUP_CHANGE: announce });
    const effect = await schedule(first.orm.em, clock, '2026-12-20');
    await first.stop();
    running = null;

    // Down over midnight; started at 06:00 the next morning, before any timer tick.
    clock.set('2026-12-20T05:00:00Z');
    const restarted = await start(clock, { GROUP_CHANGE: announce });
    expect((await effectRow(restarted.orm, effect.id)).effectedAt).toEqual(new Date('2026-12-20T05:00:00Z'));
    expect((await bus.read(0, 10)).map((e) => [e.kind, e.effectiveDate, e.occurredAt])).toEqual([['GROUP_CHANGED', '2026-12-20', '2026-12-20T05:00:00.000Z']]);
    expect(await restarted.effectuate()).toEqual({ applied: 0, failed: 0 });
  });

  it('applies nothing at a start before the day', async () => {
    const clock = new ManualClock('2026-12-19T21:00:00Z');
    const first = await start(clock, { GROUP_CHANGE: announce });
    const effect = await schedule(first.orm.em, clock, '2026-12-20');
    await first.stop();
    running = null;
    clock.set('2026-12-19T22:59:59Z');
    const restarted = await start(clock, { GROUP_CHANGE: announce });
    expect((await effectRow(restarted.orm, effect.id)).effectedAt).toBeNull();
    expect(await busKinds()).toEqual([]);
  });
});

describe('every minute', () => {
  afterEach(() => jest.restoreAllMocks());

  it('runs the due effects on a one-minute timer, which applies a change whose day has come', async () => {
    const intervals = jest.spyOn(global, 'setInterval');
    const clock = new ManualClock('2026-12-19T22:30:00Z');
    const subgraph = await start(clock, { GROUP_CHANGE: announce }, true);
    const tick = intervals.mock.calls.find(([, ms]) => ms === EFFECTUATION_INTERVAL_MS)?.[0] as (() => void) | undefined;
    expect(EFFECTUATION_INTERVAL_MS).toBe(60_000);
    expect(tick).toBeDefined();

    const effect = await schedule(subgraph.orm.em, clock, '2026-12-20');
    tick!();
    await subgraph.effectuate();
    expect((await effectRow(subgraph.orm, effect.id)).effectedAt).toBeNull();

    // The next tick after midnight in Copenhagen applies it; the one after finds nothing more.
    clock.set('2026-12-19T23:00:30Z');
    tick!();
    // effectuate() waits for a run in progress, then runs once more (finding nothing due).
    expect(await subgraph.effectuate()).toEqual({ applied: 0, failed: 0 });
    expect((await effectRow(subgraph.orm, effect.id)).effectedAt).toEqual(new Date('2026-12-19T23:00:30Z'));
    expect((await bus.read(0, 10)).map((e) => e.effectiveDate)).toEqual(['2026-12-20']);
  });

  it('sets no timer when the runtime turns scheduled jobs off (catch-up at start still runs, above)', async () => {
    const intervals = jest.spyOn(global, 'setInterval');
    await start(new ManualClock('2026-12-20T08:00:00Z'), { GROUP_CHANGE: announce }, false);
    expect(intervals.mock.calls.filter(([, ms]) => ms === EFFECTUATION_INTERVAL_MS)).toEqual([]);
  });
});

describe('two runners at once', () => {
  // The replica beside this one: a thread of its own with its own connection to the same file, so
  // that each waits for the other's write lock (the busy timeout) as two processes would.
  const REPLICA = `
    require('tsx/cjs');
    const { parentPort, workerData } = require('node:worker_threads');
    const { openDatabase } = require(workerData.root + '/core/db');
    const { runDueEffects } = require(workerData.root + '/core/effectuation');
    const { recordEvent } = require(workerData.root + '/core/outbox');
    const { ManualClock } = require(workerData.root + '/core/clock');
    const { migrations } = require(workerData.root + '/subgraphs/absence/migrations');
    (async () => {
      const orm = await openDatabase({ subgraph: 'effects', target: { kind: 'sqlite', location: workerData.location }, entities: [], migrations });
      const clock = new ManualClock(workerData.now);
      const applied = [];
      const handler = async (em, effect, c) => {
        applied.push(effect.id);
        await new Promise((r) => setImmediate(r));
        recordEvent(em, c, { kind: 'GROUP_CHANGED', entityType: effect.entityType, entityId: effect.entityId, effectiveDate: effect.effectiveOn, payload: effect.payload });
      };
      parentPort.postMessage({ ready: true });
      await new Promise((r) => parentPort.once('message', r));
      const result = await runDueEffects(orm.em.fork(), clock, { GROUP_CHANGE: handler });
      await orm.close();
      parentPort.postMessage({ result, applied });
    })().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
  `;

  it('on one SQLite file, two runners of the same due effects at the same moment apply each exactly once', async () => {
    const location = path.join(dir, 'shared.sqlite');
    const orm = await openDatabase({ subgraph: 'effects', target: { kind: 'sqlite', location }, entities: [], migrations });
    opened.push(orm);
    const clock = new ManualClock('2026-11-30T10:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await schedule(orm.em, clock, '2026-12-20', `cg-${i}`)).id);
    clock.set('2026-12-20T09:00:00Z');

    const replica = new Worker(REPLICA, { eval: true, workerData: { root: path.resolve(__dirname, '../..'), location, now: clock.now().toISOString() } });
    try {
      type Message = { ready?: boolean; result?: { applied: number; failed: number }; applied?: string[]; error?: string };
      const next = () => new Promise<Message>((resolve) => replica.once('message', resolve));
      const ready = await next();
      expect(ready).toEqual({ ready: true });

      const applications: string[] = [];
      const handlers: EffectHandlers = {
        GROUP_CHANGE: async (em, effect, c) => {
          applications.push(effect.id);
          await new Promise((r) => setImmediate(r));
          await announce(em, effect, c);
        },
      };
      const theirs = next();
      replica.postMessage('go');
      const ours = await runDueEffects(orm.em.fork(), clock, handlers);
      const replicaDone = await theirs;
      expect(replicaDone.error).toBeUndefined();

      // Both read all twenty as due; each was claimed and applied by one of them only.
      expect(ours.applied + replicaDone.result!.applied).toBe(20);
      expect(ours.failed + replicaDone.result!.failed).toBe(0);
      expect([...applications, ...replicaDone.applied!].sort()).toEqual([...ids].sort());
      const rows = await outboxRows(orm);
      expect(rows.map((r) => r.entityId).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `cg-${i}`).sort());
      expect(await pendingEffects(orm.em.fork())).toEqual([]);
    } finally {
      await replica.terminate();
    }
  });
});
