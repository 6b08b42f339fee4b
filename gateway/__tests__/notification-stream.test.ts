// The live fan-out: authority filtering, the replay/live seam, and back-pressure.
import { InProcessBus } from '../../core/bus';
import type { DomainEvent } from '../../core/events';
import type { Identity } from '../../core/identity';
import { NotificationStream } from '../notification-stream';
import { decodePosition } from '../notifications/positions';

const jobcentre: Identity = { subject: 'a', role: 'caseworker', authority: '101' };

function event(i: number, jobcentres = ['101']): DomainEvent {
  return {
    id: `e${i}`, stream: 'absence', streamPosition: i, kind: 'ABSENCE_REGISTERED', personId: 'p', entityType: null, entityId: null,
    authorities: { jobcentres }, occurredAt: new Date(0).toISOString(), payload: {}, schemaVersion: 1,
  };
}

async function setup(maxQueue = 5) {
  const bus = new InProcessBus();
  const fetched: number[] = [];
  const stream = new NotificationStream(bus, async (_s, e) => (fetched.push(e.sequence), { data: { n: e.sequence } }), { maxQueue, maxReplayBuffer: 100 });
  await stream.start();
  return { bus, stream, fetched };
}

async function take(iterator: AsyncIterator<{ data?: unknown; errors?: unknown }>, count: number) {
  const values = [];
  for (let i = 0; i < count; i++) values.push((await iterator.next()).value);
  return values;
}

it('delivers only events addressed to the subscriber\'s authority', async () => {
  const { bus, stream } = await setup();
  const subscriber = stream.subscribe(jobcentre, 'k', 'q', {}, null);
  await bus.publish(event(1, ['147']));
  await bus.publish(event(2, ['101']));
  expect(await take(subscriber, 1)).toEqual([{ data: { n: 2 } }]);
  subscriber.close();
  await stream.stop();
});

it('closes a subscriber that stops reading with the position to resume from, without slowing the others', async () => {
  const { bus, stream } = await setup(5);
  const slow = stream.subscribe(jobcentre, 'k', 'q', {}, null);
  const fast = stream.subscribe(jobcentre, 'k', 'q', {}, null);
  const fastSeen: unknown[] = [];
  const reading = (async () => {
    for (let i = 0; i < 20; i++) fastSeen.push((await fast.next()).value);
  })();
  for (let i = 1; i <= 20; i++) {
    await bus.publish(event(i));
    if (i <= 2) await take(slow, 1); // the slow one reads two, then stops reading
    await new Promise((r) => setImmediate(r));
  }
  await reading;
  expect(fastSeen.map((v) => (v as { data: { n: number } }).data.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

  const rest = [];
  for (let r = await slow.next(); !r.done; r = await slow.next()) rest.push(r.value);
  const last = rest[rest.length - 1] as unknown as { errors: { extensions: { code: string; resumeAfter: string } }[] };
  expect(last.errors[0].extensions.code).toBe('SUBSCRIBER_TOO_SLOW');
  expect(decodePosition(last.errors[0].extensions.resumeAfter)).toBe(2);
  expect(stream.size).toBe(1);
  fast.close();
  await stream.stop();
});

it('replays from `after`, then joins live at the seam without a gap or duplicate', async () => {
  const { bus, stream } = await setup(1000);
  for (let i = 1; i <= 50; i++) await bus.publish(event(i));
  const subscriber = stream.subscribe(jobcentre, 'k', 'q', {}, 10);
  const publishing = (async () => {
    for (let i = 51; i <= 80; i++) await bus.publish(event(i));
  })();
  const values = await take(subscriber, 70);
  await publishing;
  expect(values.map((v) => (v as { data: { n: number } }).data.n)).toEqual(Array.from({ length: 70 }, (_, i) => i + 11));
  subscriber.close();
  await stream.stop();
});

it('ends a resuming subscriber whose replay cannot be read with an error naming where to resume, not a silent completion', async () => {
  const { bus, stream } = await setup(1000);
  for (let i = 1; i <= 5; i++) await bus.publish(event(i));
  jest.spyOn(bus, 'read').mockRejectedValueOnce(new Error('JetStream held 3 event(s) after sequence 2 but delivered none'));
  const subscriber = stream.subscribe(jobcentre, 'k', 'q', {}, 2);
  const first = await subscriber.next();
  const result = first.value as unknown as { errors: { extensions: { code: string; resumeAfter: string } }[] };
  expect(result.errors[0].extensions.code).toBe('NOTIFICATIONS_REPLAY_FAILED');
  expect(decodePosition(result.errors[0].extensions.resumeAfter)).toBe(2);
  expect((await subscriber.next()).done).toBe(true);
  expect(stream.size).toBe(0);
  await stream.stop();
});
