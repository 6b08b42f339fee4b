// The outbox guarantees: no event without its change, no change without its event, positions in
// commit order without gaps, redelivery after a crash, and consumers that ignore a repeat.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EntitySchema, MikroORM, type EntityManager } from '@mikro-orm/core';
import { InProcessBus } from '../bus';
import { ManualClock } from '../clock';
import { startConsumer } from '../consumer';
import { ormOptions } from '../db';
import type { DomainEvent } from '../events';
import { OutboxEvent, recordEvent } from '../outbox';
import { numberOutboxOnCommit } from '../outbox-numbering';
import { OutboxRelay } from '../relay';
import { Note, NoteSchema } from './note-entity';

const clock = new ManualClock('2026-11-23T09:00:00Z');
let dir: string;

async function openOrm(file = 'outbox.sqlite'): Promise<MikroORM> {
  const orm = await MikroORM.init(
    ormOptions({ subgraph: 'test', target: { kind: 'sqlite', location: path.join(dir, file) }, entities: [NoteSchema as EntitySchema], migrations: { sqlite: [], postgresql: [] } }),
  );
  await orm.schema.updateSchema();
  return orm;
}

function relayFor(orm: MikroORM, bus: InProcessBus): OutboxRelay {
  return new OutboxRelay(orm, bus, 'test', { lockStreamRow: false, log: { error: () => undefined, info: () => undefined } });
}

async function writeNote(orm: MikroORM, text: string, fail = false): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    em.create(Note, { text });
    recordEvent(em, clock, { kind: 'NOTE_WRITTEN', payload: { text } });
    if (fail) throw new Error('rolled back');
  });
}

function collect(bus: InProcessBus): Promise<DomainEvent[]> {
  const seen: DomainEvent[] = [];
  return bus.subscribe('collector', ['test'], async (event) => void seen.push(event)).then(() => seen);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-outbox-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('a rolled-back transaction writes neither the change nor its event', async () => {
  const orm = await openOrm();
  const bus = new InProcessBus();
  const seen = await collect(bus);
  await expect(writeNote(orm, 'never', true)).rejects.toThrow('rolled back');
  await relayFor(orm, bus).drain();
  expect(await orm.em.fork().count(Note)).toBe(0);
  expect(await orm.em.fork().count(OutboxEvent)).toBe(0);
  expect(seen).toEqual([]);
  await orm.close();
});

it('an event committed just before the process died is published by the relay on restart', async () => {
  const first = await openOrm();
  await writeNote(first, 'committed');
  await first.close(); // the process dies before any relay ran

  const restarted = await openOrm();
  const bus = new InProcessBus();
  const seen = await collect(bus);
  await relayFor(restarted, bus).drain();
  expect(seen.map((e) => [e.kind, e.streamPosition, e.payload])).toEqual([['NOTE_WRITTEN', 1, { text: 'committed' }]]);
  await restarted.close();
});

it('numbers events in commit order without gaps, also when a lower insert id commits later', async () => {
  const orm = await openOrm();
  const bus = new InProcessBus();
  const seen = await collect(bus);
  const relay = relayFor(orm, bus);
  // Insert a row, then let another writer commit and be relayed before this one commits.
  const late = orm.em.fork();
  await late.begin();
  recordEvent(late, clock, { kind: 'LATE', payload: {} });
  await late.flush();
  await late.commit();
  await Promise.all(Array.from({ length: 20 }, (_, i) => writeNote(orm, `n${i}`)));
  await relay.drain();
  await Promise.all(Array.from({ length: 20 }, (_, i) => writeNote(orm, `m${i}`).then(() => relay.drain())));
  await relay.drain();
  expect(seen.map((e) => e.streamPosition)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
  expect(new Set(seen.map((e) => e.id)).size).toBe(41);
  await orm.close();
});

it('a consumer fed the same event twice changes nothing the second time', async () => {
  const orm = await openOrm('consumer.sqlite');
  const bus = new InProcessBus();
  let handled = 0;
  await startConsumer(orm, bus, {
    name: 'test.notes',
    streams: ['source'],
    async handle(em, event) {
      handled++;
      em.create(Note, { text: String(event.payload.text) });
    },
  });
  const event: DomainEvent = {
    id: 'e1', stream: 'source', streamPosition: 1, kind: 'NOTE', personId: null, entityType: null, entityId: null,
    authorities: {}, occurredAt: clock.now().toISOString(), payload: { text: 'once' }, schemaVersion: 1,
  };
  await bus.publish(event);
  // A redelivery the bus cannot de-duplicate (another id, same stream position, e.g. after a relay restart).
  await bus.publish({ ...event, id: 'e1-again' });
  expect(handled).toBe(1);
  expect(await orm.em.fork().count(Note)).toBe(1);
  await orm.close();
});

describe('a consumer that is behind', () => {
  const noteEvent = (position: number): DomainEvent => ({
    id: `n${position}`, stream: 'source', streamPosition: position, kind: 'NOTE', personId: null, entityType: null, entityId: null,
    authorities: {}, occurredAt: clock.now().toISOString(), payload: { text: `note ${position}` }, schemaVersion: 1,
  });

  it('applies what waits in one transaction per batch, each event once', async () => {
    const statements: string[] = [];
    const orm = await MikroORM.init(
      ormOptions({ subgraph: 'test', target: { kind: 'sqlite', location: path.join(dir, 'batch.sqlite') }, entities: [NoteSchema as EntitySchema], migrations: { sqlite: [], postgresql: [] }, onQuery: (sql) => statements.push(sql) }),
    );
    await orm.schema.updateSchema();
    const bus = new InProcessBus();
    for (let i = 1; i <= 30; i++) await bus.publish(noteEvent(i));
    statements.length = 0;
    await startConsumer(orm, bus, { name: 'test.notes', streams: ['source'], handle: async (em, event) => void em.create(Note, { text: String(event.payload.text) }) });
    expect((await orm.em.fork().find(Note, {}, { orderBy: { id: 'asc' } })).map((n) => n.text)).toEqual(Array.from({ length: 30 }, (_, i) => `note ${i + 1}`));
    expect(statements.filter((sql) => /^commit/i.test(sql))).toHaveLength(1);
    await bus.publish(noteEvent(30)); // a redelivery: nothing happens
    expect(await orm.em.fork().count(Note)).toBe(30);
    await orm.close();
  });

  it('when one event of a batch fails, those before it are applied one by one and it is retried, nothing after it skipped', async () => {
    const orm = await openOrm('batch-failing.sqlite');
    const bus = new InProcessBus();
    for (let i = 1; i <= 5; i++) await bus.publish(noteEvent(i));
    let failing = true;
    const consumer = { name: 'test.notes', streams: ['source'], handle: async (em: EntityManager, event: DomainEvent) => {
      if (event.streamPosition === 3 && failing) throw new Error('not yet');
      em.create(Note, { text: String(event.payload.text) });
    } };
    await expect(startConsumer(orm, bus, consumer)).rejects.toThrow('not yet');
    expect((await orm.em.fork().find(Note, {}, { orderBy: { id: 'asc' } })).map((n) => n.text)).toEqual(['note 1', 'note 2']);
    failing = false;
    await bus.publish(noteEvent(6));
    expect((await orm.em.fork().find(Note, {}, { orderBy: { id: 'asc' } })).map((n) => n.text)).toEqual(['note 1', 'note 2', 'note 3', 'note 4', 'note 5', 'note 6']);
    await orm.close();
  });
});

describe('numbering on commit (core/outbox-numbering.ts)', () => {
  async function openNumbering(statements: string[]): Promise<MikroORM> {
    const orm = await MikroORM.init(
      ormOptions({ subgraph: 'test', target: { kind: 'sqlite', location: path.join(dir, 'numbering.sqlite') }, entities: [NoteSchema as EntitySchema], migrations: { sqlite: [], postgresql: [] }, onQuery: (sql) => statements.push(sql) }),
    );
    await orm.schema.updateSchema();
    numberOutboxOnCommit(orm, 'test', false);
    return orm;
  }
  const positions = async (orm: MikroORM) => (await orm.em.fork().find(OutboxEvent, {}, { orderBy: { seq: 'asc' } })).map((row) => [row.kind, row.streamPosition]);

  it('a committed event has its position before any relay ran, whether the flush had a transaction of its own or not', async () => {
    const orm = await openNumbering([]);
    await writeNote(orm, 'in a transaction');
    const em = orm.em.fork();
    recordEvent(em, clock, { kind: 'FLUSHED_ALONE', payload: {} });
    await em.flush();
    expect(await positions(orm)).toEqual([['NOTE_WRITTEN', 1], ['FLUSHED_ALONE', 2]]);
    await orm.close();
  });

  it('a transaction without events takes no lock and runs no numbering; a rolled-back one numbers nothing', async () => {
    const statements: string[] = [];
    const orm = await openNumbering(statements);
    statements.length = 0;
    await orm.em.fork().transactional(async (em) => void em.create(Note, { text: 'no event' }));
    expect(statements.filter((sql) => /stream_state|stream_position/.test(sql))).toEqual([]);
    await expect(writeNote(orm, 'never', true)).rejects.toThrow('rolled back');
    await writeNote(orm, 'after the rollback');
    expect(await positions(orm)).toEqual([['NOTE_WRITTEN', 1]]);
    await orm.close();
  });

  it('an event from a savepoint, which its commit does not see, is numbered by the next commit or the relay, in the order written', async () => {
    const orm = await openNumbering([]);
    const bus = new InProcessBus();
    const seen = await collect(bus);
    await writeNote(orm, 'first');
    await orm.em.fork().transactional(async (em) => {
      await em.transactional(async (inner) => void recordEvent(inner, clock, { kind: 'FROM_SAVEPOINT', payload: {} }));
    });
    await writeNote(orm, 'third');
    await relayFor(orm, bus).drain();
    // The next commit that numbers takes it along, in the order the rows were written.
    expect(seen.map((e) => [e.kind, e.streamPosition])).toEqual([['NOTE_WRITTEN', 1], ['FROM_SAVEPOINT', 2], ['NOTE_WRITTEN', 3]]);
    await orm.close();
  });
});
