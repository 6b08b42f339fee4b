// Effectuation in the distributed mode (.ci/run sets TEST_DATABASE_URL and TEST_NATS_URL): two
// replicas of one subgraph on one PostgreSQL database apply each due effect exactly once, and a
// process restarted over midnight applies what fell due while it was down before it serves, with
// the event reaching NATS JetStream dated the day the change took effect. The same on SQLite and
// the in-process bus is in core/__tests__/effectuation.test.ts.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'graphql';
import { generateKeyPair } from 'jose';
import { connect } from 'nats';
import type { MikroORM } from '@mikro-orm/core';
import { InProcessBus, type EventBus } from '../core/bus';
import { ManualClock } from '../core/clock';
import type { DatabaseTarget } from '../core/config';
import { dropPostgresDatabase, openDatabase } from '../core/db';
import { pendingEffects, runDueEffects, scheduleEffect, ScheduledEffect, type EffectHandler, type EffectHandlers } from '../core/effectuation';
import { NatsBus } from '../core/nats-bus';
import { OutboxEvent, recordEvent } from '../core/outbox';
import { startSubgraph, type RunningSubgraph, type SubgraphModule } from '../core/subgraph-server';
import { migrations } from '../subgraphs/absence/migrations';
import { eventually } from './support/system';

const postgres = process.env.TEST_DATABASE_URL;
const nats = process.env.TEST_NATS_URL;
const onPostgres = postgres ? describe : describe.skip;

const announce: EffectHandler = async (em, effect, clock) => {
  // Yield inside the claiming transaction, so the other replica's turn comes in between.
  await new Promise((r) => setImmediate(r));
  recordEvent(em, clock, { kind: 'GROUP_CHANGED', personId: effect.personId, entityType: effect.entityType, entityId: effect.entityId, effectiveDate: effect.effectiveOn, payload: effect.payload });
};

async function schedule(orm: MikroORM, clock: ManualClock, effectiveOn: string, entityId: string): Promise<string> {
  const em = orm.em.fork();
  const effect = scheduleEffect(em, clock, { kind: 'GROUP_CHANGE', personId: 'p-1', entityType: 'ContactGroupPeriod', entityId, effectiveOn, payload: { from: 2, to: 10 } });
  await em.flush();
  return effect.id;
}

function postgresTarget(): DatabaseTarget {
  const url = new URL(postgres!);
  url.pathname = `/dfdg_test_effects_${randomBytes(4).toString('hex')}`;
  return { kind: 'postgresql', location: url.toString() };
}

onPostgres('two replicas on one PostgreSQL database', () => {
  let target: DatabaseTarget;
  const orms: MikroORM[] = [];
  beforeAll(() => {
    target = postgresTarget();
  });
  afterAll(async () => {
    for (const orm of orms) await orm.close();
    if (target) await dropPostgresDatabase(target.location);
  });

  it('run the same due effects at the same moment and apply each exactly once', async () => {
    for (let i = 0; i < 2; i++) orms.push(await openDatabase({ subgraph: 'effects', target, entities: [], migrations }));
    const [a, b] = orms;
    const clock = new ManualClock('2026-11-30T10:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await schedule(a, clock, '2026-12-20', `cg-${i}`));
    clock.set('2026-12-19T23:00:00Z');

    const applications: string[] = [];
    const handlers: EffectHandlers = {
      GROUP_CHANGE: async (em, effect, c) => {
        applications.push(effect.id);
        await announce(em, effect, c);
      },
    };
    const [first, second] = await Promise.all([runDueEffects(a.em.fork(), clock, handlers), runDueEffects(b.em.fork(), clock, handlers)]);

    expect(first.failed + second.failed).toBe(0);
    expect(first.applied + second.applied).toBe(30);
    // A replica whose claim lost ran no handler for that effect.
    expect([...applications].sort()).toEqual([...ids].sort());
    const events = await a.em.fork().find(OutboxEvent, {});
    expect(events.map((e) => e.entityId).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `cg-${i}`).sort());
    expect(new Set(events.map((e) => e.effectiveDate))).toEqual(new Set(['2026-12-20']));
    expect(await pendingEffects(b.em.fork())).toEqual([]);
    const stamped = await a.em.fork().find(ScheduledEffect, { effectedAt: { $ne: null } });
    expect(stamped).toHaveLength(30);
  });
});

describe.each([
  ['SQLite and the in-process bus', false, false],
  ['PostgreSQL', true, false],
  ['NATS JetStream', false, true],
])('catch-up at start on %s', (_name, usePostgres, useNats) => {
  const run = (usePostgres && !postgres) || (useNats && !nats) ? it.skip : it;
  let dir: string;
  let bus: EventBus;
  let running: RunningSubgraph | null = null;
  const namespace = `t${randomBytes(4).toString('hex')}`;
  let target: DatabaseTarget;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-catchup-'));
    if ((usePostgres && !postgres) || (useNats && !nats)) return;
    target = usePostgres ? postgresTarget() : { kind: 'sqlite', location: path.join(dir, 'effects.sqlite') };
    if (useNats) {
      bus = await NatsBus.connect({ servers: nats!, namespace });
    } else {
      bus = new InProcessBus(path.join(dir, 'bus.sqlite'));
    }
  });
  afterAll(async () => {
    await running?.stop();
    await bus?.close();
    if (useNats && nats) {
      const connection = await connect({ servers: nats });
      await (await connection.jetstreamManager()).streams.delete(`${namespace}_DFDG_EVENTS`).catch(() => undefined);
      await connection.close();
    }
    if (usePostgres && postgres && target) await dropPostgresDatabase(target.location);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const module: SubgraphModule = {
    name: 'effects',
    typeDefs: parse('type Query { ok: Boolean }'),
    resolvers: { Query: { ok: () => true } },
    entities: [],
    migrations,
    createLoaders: () => ({}),
    effects: { GROUP_CHANGE: announce },
  };
  const start = async (clock: ManualClock) =>
    (running = await startSubgraph(module, {
      host: '127.0.0.1',
      port: 0,
      database: target,
      bus,
      clock,
      identityPublicKey: (await generateKeyPair('ES256')).publicKey,
      cprPseudonymKey: Buffer.alloc(32, 1),
      scheduledJobs: false,
    }));

  run('applies, while starting after midnight, the change that fell due while it was down; the event reaches the bus dated that day', async () => {
    const clock = new ManualClock('2026-11-30T10:00:00Z');
    const before = await start(clock);
    const id = await schedule(before.orm, clock, '2026-12-20', 'cg-1');
    // Stopped in the evening of the 19th; nothing is due yet.
    clock.set('2026-12-19T22:00:00Z');
    expect(await before.effectuate()).toEqual({ applied: 0, failed: 0 });
    await before.stop();
    running = null;

    clock.set('2026-12-20T06:30:00Z');
    const after = await start(clock);
    const effect = await after.orm.em.fork().findOneOrFail(ScheduledEffect, { id });
    expect(effect.effectedAt).toEqual(new Date('2026-12-20T06:30:00Z'));
    const events = await eventually(async () => {
      const found = (await bus.read(0, 100)).filter((e) => e.stream === 'effects');
      if (found.length === 0) throw new Error('not on the bus yet');
      return found;
    });
    expect(events.map((e) => [e.kind, e.entityId, e.effectiveDate, e.occurredAt])).toEqual([['GROUP_CHANGED', 'cg-1', '2026-12-20', '2026-12-20T06:30:00.000Z']]);
    expect(await after.effectuate()).toEqual({ applied: 0, failed: 0 });
  });
});
