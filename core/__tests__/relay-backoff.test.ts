// The relay's poll while the bus refuses events: it keeps retrying with growing waits, logs one line
// when publishing starts failing and one when it recovers, and publishes everything once it does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EntitySchema, MikroORM } from '@mikro-orm/core';
import { InProcessBus } from '../bus';
import { ManualClock } from '../clock';
import { ormOptions } from '../db';
import type { DomainEvent } from '../events';
import { recordEvent } from '../outbox';
import { OutboxRelay } from '../relay';
import { Note, NoteSchema } from './note-entity';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-relay-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The in-process bus behind a switch: while `down`, every publish fails as a lost connection would. */
class FlakyBus extends InProcessBus {
  down = true;
  attempts = 0;
  override async publish(event: DomainEvent): Promise<void> {
    this.attempts++;
    if (this.down) throw new Error('bus unreachable');
    return super.publish(event);
  }
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
}

it('retries a failing bus with backoff, logging failing and recovered once each', async () => {
  const orm = await MikroORM.init(ormOptions({ subgraph: 'test', target: { kind: 'sqlite', location: path.join(dir, 'relay.sqlite') }, entities: [NoteSchema as EntitySchema], migrations: { sqlite: [], postgresql: [] } }));
  await orm.schema.updateSchema();
  const bus = new FlakyBus();
  const seen: DomainEvent[] = [];
  await bus.subscribe('collector', ['test'], async (event) => void seen.push(event));
  const lines: string[] = [];
  const log = { error: (_: unknown, message: string) => void lines.push(`error: ${message}`), info: (_: unknown, message: string) => void lines.push(`info: ${message}`) };
  const relay = new OutboxRelay(orm, bus, 'test', { lockStreamRow: false, log, retry: { initialMs: 4, maxMs: 20, random: () => 0 } });
  const clock = new ManualClock('2026-11-30T09:00:00Z');
  for (const text of ['first', 'second']) {
    await orm.em.fork().transactional(async (em) => {
      em.create(Note, { text });
      recordEvent(em, clock, { kind: 'NOTE_WRITTEN', payload: { text } });
    });
  }

  relay.start(1);
  await until(() => bus.attempts >= 6);
  expect(lines).toEqual(['error: outbox relay of test failing; retrying with backoff (logged again when it recovers)']);
  expect(seen).toEqual([]);

  bus.down = false;
  await until(() => seen.length === 2);
  await until(() => lines.length === 2);
  relay.stop();
  expect(seen.map((e) => e.payload.text)).toEqual(['first', 'second']);
  expect(lines[1]).toBe('info: outbox relay of test recovered');
  await bus.close();
  await orm.close();
});
