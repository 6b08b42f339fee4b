// The JetStream adapter against a real NATS server (TEST_NATS_URL; .ci/run sets it). Skipped when
// no server is configured, so `npm test` on a laptop without NATS still passes.
import { randomBytes } from 'node:crypto';
import { connect } from 'nats';
import type { DomainEvent } from '../events';
import { NatsBus } from '../nats-bus';

const servers = process.env.TEST_NATS_URL;
const describeNats = servers ? describe : describe.skip;

function event(stream: string, position: number, id = `${stream}-${position}`): DomainEvent {
  return {
    id, stream, streamPosition: position, kind: 'TEST', personId: null, entityType: null, entityId: null,
    authorities: {}, occurredAt: new Date(0).toISOString(), payload: { position }, schemaVersion: 1,
  };
}

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describeNats('NatsBus (JetStream)', () => {
  const namespace = `t${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    const connection = await connect({ servers });
    const manager = await connection.jetstreamManager();
    await manager.streams.delete(`${namespace}_DFDG_EVENTS`).catch(() => undefined);
    await connection.close();
  });

  it('drops a republished event with the same id and delivers each stream in order', async () => {
    const bus = await NatsBus.connect({ servers: servers!, namespace });
    const seen: DomainEvent[] = [];
    await bus.subscribe('test-consumer', ['alpha'], async (e) => void seen.push(e));
    for (let i = 1; i <= 20; i++) await bus.publish(event('alpha', i));
    await bus.publish(event('alpha', 5)); // a relay republishing after a crash
    await bus.publish(event('beta', 1)); // another stream the consumer did not ask for
    await until(() => seen.length >= 20);
    await new Promise((r) => setTimeout(r, 200));
    expect(seen.map((e) => e.streamPosition)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await bus.close();
  });

  it('a batched consumer that is behind gets what waits in a few batches, in order, each event handled once', async () => {
    const bus = await NatsBus.connect({ servers: servers!, namespace });
    for (let i = 1; i <= 50; i++) await bus.publish(event('epsilon', i));
    await bus.publish(event('zeta', 1)); // another stream, not asked for
    const batches: number[][] = [];
    await bus.subscribeBatched('batched', ['epsilon'], async (events) => void batches.push(events.map((e) => e.streamPosition)), 20);
    await until(() => batches.flat().length >= 50);
    await bus.publish(event('epsilon', 51));
    await until(() => batches.flat().length >= 51);
    await new Promise((r) => setTimeout(r, 300));
    expect(batches.flat()).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    expect(batches.length).toBeLessThanOrEqual(5);
    expect(Math.max(...batches.map((b) => b.length))).toBe(20);
    await bus.close();
  });

  it('a durable consumer resumes after a restart with what it missed, not from the start', async () => {
    const first = await NatsBus.connect({ servers: servers!, namespace });
    const before: number[] = [];
    const subscription = await first.subscribe('resumer', ['gamma'], async (e) => void before.push(e.streamPosition));
    await first.publish(event('gamma', 1));
    await until(() => before.length === 1);
    await subscription.close();
    await first.close();

    const publisher = await NatsBus.connect({ servers: servers!, namespace });
    await publisher.publish(event('gamma', 2));
    await publisher.publish(event('gamma', 3));
    const after: number[] = [];
    await publisher.subscribe('resumer', ['gamma'], async (e) => void after.push(e.streamPosition));
    await until(() => after.length === 2);
    expect(after).toEqual([2, 3]);
    await publisher.close();
  });

  it('reads the global log from a sequence and watches new events', async () => {
    const bus = await NatsBus.connect({ servers: servers!, namespace: `${namespace}r` });
    for (let i = 1; i <= 5; i++) await bus.publish(event('epsilon', i));
    const all = await bus.read(0, 100);
    expect(all.map((e) => e.streamPosition)).toEqual([1, 2, 3, 4, 5]);
    const tail = await bus.read(all[2].sequence, 100);
    expect(tail.map((e) => e.streamPosition)).toEqual([4, 5]);
    expect(await bus.read(all[4].sequence, 100)).toEqual([]);
    const live: number[] = [];
    const head = await bus.latestSequence();
    // Published between reading the head and attaching the watch: a watch "from now" would miss it.
    await bus.publish(event('epsilon', 6));
    const watching = await bus.watch(head, (e) => live.push(e.streamPosition));
    await bus.publish(event('epsilon', 7));
    await until(() => live.length === 2);
    expect(live).toEqual([6, 7]);
    await watching.close();
    await bus.close();
    const connection = await connect({ servers });
    await (await connection.jetstreamManager()).streams.delete(`${namespace}r_DFDG_EVENTS`);
    await connection.close();
  });

  it('redelivers an event whose handler failed', async () => {
    const bus = await NatsBus.connect({ servers: servers!, namespace });
    const attempts: number[] = [];
    await bus.subscribe('flaky', ['delta'], async (e) => {
      attempts.push(e.streamPosition);
      if (attempts.length === 1) throw new Error('database briefly unavailable');
    });
    await bus.publish(event('delta', 1));
    await until(() => attempts.length === 2);
    expect(attempts).toEqual([1, 1]);
    await bus.close();
  });
});
