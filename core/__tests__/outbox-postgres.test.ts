// Positions in commit order under real concurrency, on PostgreSQL (TEST_DATABASE_URL; .ci/run sets
// it). SQLite serialises writers, so only a server with concurrent transactions can show the trap
// of reading "autoincrement id > last": a row inserted first and committed last must still be
// published, with a later position, and two relay replicas must never hand out one position twice.
import { randomBytes } from 'node:crypto';
import { EntitySchema, MikroORM } from '@mikro-orm/core';
import { InProcessBus } from '../bus';
import { ManualClock } from '../clock';
import { dropPostgresDatabase, ensurePostgresDatabase, ormOptions } from '../db';
import type { DomainEvent } from '../events';
import { OutboxEvent, recordEvent } from '../outbox';
import { numberOutboxOnCommit } from '../outbox-numbering';
import { OutboxRelay } from '../relay';
import { Note, NoteSchema } from './note-entity';

const server = process.env.TEST_DATABASE_URL;
const describeOnPostgres = server ? describe : describe.skip;
if (!server) console.warn('outbox-postgres test skipped: set TEST_DATABASE_URL');

const clock = new ManualClock('2026-11-23T09:00:00Z');

describeOnPostgres('the outbox relay on PostgreSQL', () => {
  let url: string;
  let orm: MikroORM;
  /** The same database through an ORM that numbers on commit, as every subgraph process does. */
  let numbering: MikroORM;

  beforeAll(async () => {
    const target = new URL(server!);
    target.pathname = `/dfdg_test_outbox_${randomBytes(4).toString('hex')}`;
    url = target.toString();
    await ensurePostgresDatabase(url);
    orm = await MikroORM.init(ormOptions({ subgraph: 'test', target: { kind: 'postgresql', location: url }, entities: [NoteSchema as EntitySchema], migrations: { sqlite: [], postgresql: [] } }));
    await orm.schema.updateSchema();
    numbering = await MikroORM.init(ormOptions({ subgraph: 'test', target: { kind: 'postgresql', location: url }, entities: [NoteSchema as EntitySchema], migrations: { sqlite: [], postgresql: [] } }));
    numberOutboxOnCommit(numbering, 'test', true);
  });
  afterAll(async () => {
    await numbering?.close();
    await orm?.close();
    if (url) await dropPostgresDatabase(url);
  });

  async function writeNote(text: string, through = orm): Promise<void> {
    await through.em.fork().transactional(async (em) => {
      em.create(Note, { text });
      recordEvent(em, clock, { kind: 'NOTE_WRITTEN', payload: { text } });
    });
  }

  it('publishes a row that committed late with a later position, never skipping it, while two relay replicas drain concurrently', async () => {
    const bus = new InProcessBus();
    const seen: DomainEvent[] = [];
    await bus.subscribe('collector', ['test'], async (event) => void seen.push(event));
    const replicas = [0, 1].map(() => new OutboxRelay(orm, bus, 'test', { lockStreamRow: true, log: { error: () => undefined, info: () => undefined } }));
    const drainBoth = () => Promise.all(replicas.map((r) => r.drain()));

    // The late writer takes the lowest insert id and keeps its transaction open.
    const late = orm.em.fork();
    await late.begin();
    try {
      late.create(Note, { text: 'late' });
      recordEvent(late, clock, { kind: 'LATE', payload: {} });
      await late.flush();

      // Twenty writers commit around it, each followed by both replicas draining at once (the
      // first drains race to create the stream's position row, too).
      await Promise.all(Array.from({ length: 20 }, (_, i) => writeNote(`n${i}`).then(drainBoth)));
      await drainBoth();
      expect(seen.map((e) => e.kind)).not.toContain('LATE');
      await late.commit();
    } catch (error) {
      // An open transaction would keep its connection, and the pool would never close.
      await late.rollback().catch(() => undefined);
      throw error;
    }
    await Promise.all([drainBoth(), ...Array.from({ length: 10 }, (_, i) => writeNote(`m${i}`).then(drainBoth))]);
    await drainBoth();

    expect(seen.map((e) => e.streamPosition)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(new Set(seen.map((e) => e.id)).size).toBe(31);
    expect(seen.findIndex((e) => e.kind === 'LATE')).toBeGreaterThanOrEqual(20);

    // A relay of a restarted process goes on from the stored position, never from 0 again.
    const restarted = new OutboxRelay(orm, bus, 'test', { lockStreamRow: true, log: { error: () => undefined, info: () => undefined } });
    await writeNote('after restart');
    await restarted.drain();
    expect(seen.map((e) => e.streamPosition).slice(-1)).toEqual([32]);
    await bus.close();
  });

  it('writers that number on commit, racing each other, a late writer and relays, still give positions in commit order without gaps', async () => {
    const bus = new InProcessBus();
    const seen: DomainEvent[] = [];
    await bus.subscribe('collector-on-commit', ['test'], async (event) => void seen.push(event));
    const relays = [0, 1].map(() => new OutboxRelay(numbering, bus, 'test', { lockStreamRow: true, log: { error: () => undefined, info: () => undefined } }));
    const drainBoth = () => Promise.all(relays.map((r) => r.drain()));
    const before = (await numbering.em.fork().findOneOrFail(OutboxEvent, { streamPosition: { $ne: null } }, { orderBy: { streamPosition: 'desc' } })).streamPosition!;
    await drainBoth();
    seen.length = 0;

    const late = numbering.em.fork();
    await numbering.em.transactional(async () => undefined); // the pool warmed, so the late writer's connection is not the last free one
    // The late writer flushes its event first and commits only after every other writer has.
    let flushed!: () => void;
    const lateFlushed = new Promise<void>((resolve) => (flushed = resolve));
    let release!: () => void;
    const lateMayCommit = new Promise<void>((resolve) => (release = resolve));
    const lateDone = late.transactional(async (em) => {
      recordEvent(em, clock, { kind: 'LATE', payload: {} });
      await em.flush();
      flushed();
      await lateMayCommit;
    });
    await lateFlushed;
    // Half of the writers go through a process that does not number on commit (left to the relay).
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeNote(`c${i}`, i % 2 === 0 ? numbering : orm).then(drainBoth)));
    // Committed by writers that number on commit: positioned before any relay ran.
    const unpublished = await numbering.em.fork().find(OutboxEvent, { publishedAt: null, kind: 'NOTE_WRITTEN' });
    expect(unpublished.every((row) => row.streamPosition !== null)).toBe(true);
    release();
    await lateDone;
    await drainBoth();

    expect(seen.map((e) => e.streamPosition)).toEqual(Array.from({ length: 21 }, (_, i) => before + i + 1));
    expect(seen.at(-1)!.kind).toBe('LATE');
    await bus.close();
  });
});
