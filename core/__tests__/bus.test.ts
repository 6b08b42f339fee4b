// The in-process bus: a durable, globally sequenced log in one SQLite file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InProcessBus, type BusEvent } from '../bus';
import type { DomainEvent } from '../events';

function event(stream: string, position: number, occurredAt = '2026-11-23T09:00:00.000Z'): DomainEvent {
  return {
    id: `${stream}-${position}`, stream, streamPosition: position, kind: 'TEST', personId: null, entityType: null,
    entityId: null, authorities: {}, occurredAt, payload: {}, schemaVersion: 1,
  };
}

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-bus-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('gives accepted events one global sequence and drops a republished id', async () => {
  const bus = new InProcessBus();
  await bus.publish(event('a', 1));
  await bus.publish(event('b', 1));
  await bus.publish(event('a', 1));
  await bus.publish(event('a', 2));
  expect((await bus.read(0, 10)).map((e) => [e.stream, e.streamPosition, e.sequence])).toEqual([['a', 1, 1], ['b', 1, 2], ['a', 2, 3]]);
  expect((await bus.read(2, 10)).map((e) => e.sequence)).toEqual([3]);
  await bus.close();
});

it('a durable consumer resumes after a restart with only what it had not acknowledged', async () => {
  const file = path.join(dir, 'bus.sqlite');
  const first = new InProcessBus(file);
  const before: number[] = [];
  await first.subscribe('projection', ['a'], async (e) => void before.push(e.streamPosition));
  await first.publish(event('a', 1));
  await first.close();

  const second = new InProcessBus(file);
  await second.publish(event('a', 2)); // published while the consumer was away
  const after: number[] = [];
  await second.subscribe('projection', ['a'], async (e) => void after.push(e.streamPosition));
  await second.publish(event('a', 3));
  expect(before).toEqual([1]);
  expect(after).toEqual([2, 3]);
  await second.close();
});

it('a consumer whose handler failed gets the event again when it is republished', async () => {
  const bus = new InProcessBus();
  const attempts: number[] = [];
  await bus.subscribe('flaky', ['a'], async (e) => {
    attempts.push(e.streamPosition);
    if (attempts.length === 1) throw new Error('database briefly unavailable');
  });
  await expect(bus.publish(event('a', 1))).rejects.toThrow('briefly unavailable');
  await bus.publish(event('a', 1)); // the relay retries
  expect(attempts).toEqual([1, 1]);
  await bus.close();
});

it('a batched consumer that was away gets what waits in batches of at most its size, in order, and resumes after the last batch', async () => {
  const file = path.join(dir, 'batched.sqlite');
  const bus = new InProcessBus(file);
  for (let i = 1; i <= 7; i++) await bus.publish(event('a', i));
  await bus.publish(event('b', 1));
  const batches: number[][] = [];
  await bus.subscribeBatched('projection', ['a'], async (events) => void batches.push(events.map((e) => e.streamPosition)), 3);
  await bus.publish(event('a', 8));
  expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7], [8]]);
  await bus.close();

  const again = new InProcessBus(file);
  const later: number[][] = [];
  await again.subscribeBatched('projection', ['a'], async (events) => void later.push(events.map((e) => e.streamPosition)), 3);
  expect(later).toEqual([]);
  await again.close();
});

it('watchers see every event after their start sequence once, in order', async () => {
  const bus = new InProcessBus();
  await bus.publish(event('a', 1));
  const seen: BusEvent[] = [];
  const watching = await bus.watch(1, (e) => seen.push(e));
  await bus.publish(event('a', 2));
  await bus.publish(event('b', 1));
  await watching.close();
  await bus.publish(event('a', 3));
  expect(seen.map((e) => e.sequence)).toEqual([2, 3]);
  await bus.close();
});

it('a watcher started from an older sequence first gets what was published since, then live events', async () => {
  const bus = new InProcessBus();
  await bus.publish(event('a', 1));
  const head = await bus.latestSequence();
  // Published after the head was read and before the watch attached: must not be lost.
  await bus.publish(event('a', 2));
  const seen: number[] = [];
  const watching = await bus.watch(head, (e) => seen.push(e.sequence));
  await bus.publish(event('a', 3));
  expect(seen).toEqual([2, 3]);
  await watching.close();
  await bus.close();
});

it('prunes events older than its retention', async () => {
  const bus = new InProcessBus(':memory:', 30);
  await bus.publish(event('a', 1, '2026-10-01T00:00:00.000Z'));
  await bus.publish(event('a', 2, '2026-11-20T00:00:00.000Z'));
  expect(bus.prune(new Date('2026-11-23T00:00:00Z'))).toBe(1);
  expect((await bus.read(0, 10)).map((e) => e.streamPosition)).toEqual([2]);
  await bus.close();
});
