// The reaction to person's CONTACT_GROUP_CHANGED events, through real contact-group changes at the
// gateway: end, hold (i bero), keep and reactivate absences per the type table, each with its event.
import type { ConsumerDefinition } from '../../../core/consumer';
import { startConsumer } from '../../../core/consumer';
import type { BusEvent } from '../../../core/bus';
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { contactGroupReactionConsumer } from '../consumers';
import { absencesOf, changeGroup, counts, eventsOf, newCpr, ok, person, registered, JOBCENTRE } from './helpers';
import { handDeliveredBus } from '../../../test/support/hand-bus';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

async function statusOf(cpr: string, id: string) {
  return (await absencesOf(t, cpr)).find((a) => a.id === id)!;
}

it('puts 79 on hold on a change to 25, reactivates it on recovery into 2, and ends it on a change to 1', async () => {
  const cpr = newCpr();
  await person(t, cpr, 2);
  const sorrow = await registered(t, { cpr, typeId: 79, start: '2026-11-01', end: '2027-01-31' });

  await changeGroup(t, cpr, 25, '2026-11-20');
  expect(await statusOf(cpr, sorrow.id)).toMatchObject({ status: 'ON_HOLD', statusSince: '2026-11-20', end: '2027-01-31' });
  await changeGroup(t, cpr, 2, '2026-11-22');
  expect(await statusOf(cpr, sorrow.id)).toMatchObject({ status: 'ACTIVE', statusSince: '2026-11-22' });
  await changeGroup(t, cpr, 1, '2026-11-23');
  expect(await statusOf(cpr, sorrow.id)).toMatchObject({ status: 'ENDED', statusSince: '2026-11-23', end: '2026-11-22' });

  const events = await eventsOf(t, sorrow.id);
  expect(events.map((e) => [e.kind, e.payload.status, e.payload.contactGroupId])).toEqual([
    ['ABSENCE_REGISTERED', 'ACTIVE', undefined],
    ['ABSENCE_ON_HOLD', 'ON_HOLD', 25],
    ['ABSENCE_REACTIVATED', 'ACTIVE', 2],
    ['ABSENCE_ENDED', 'ENDED', 1],
  ]);
  // Every event carries the type's exemptions: the person subgraph's CV requirement reads them.
  for (const event of events) expect(event.payload.exemptions).toContain('CV');
  expect(events[1].authorities).toEqual({ jobcentres: ['101'], akasser: [] });
});

it('keeps 80 active on a change to 24 and to 25', async () => {
  const cpr = newCpr();
  await person(t, cpr, 1);
  const mink = await registered(t, { cpr, typeId: 80, start: '2026-11-01', end: '2027-06-30' });
  await changeGroup(t, cpr, 24, '2026-11-10');
  await changeGroup(t, cpr, 25, '2026-11-20');
  expect(await statusOf(cpr, mink.id)).toMatchObject({ status: 'ACTIVE', statusSince: null });
  expect((await eventsOf(t, mink.id)).map((e) => e.kind)).toEqual(['ABSENCE_REGISTERED']);
});

it('holds 65 while sick and ends it at recovery into a group other than 1 (cause 37 → 11)', async () => {
  const cpr = newCpr();
  await person(t, cpr, 1);
  const childcare = await registered(t, { cpr, typeId: 65, start: '2026-10-01', end: null });
  await changeGroup(t, cpr, 25, '2026-11-01');
  expect(await statusOf(cpr, childcare.id)).toMatchObject({ status: 'ON_HOLD' });
  await changeGroup(t, cpr, 11, '2026-11-20', 37);
  expect(await statusOf(cpr, childcare.id)).toMatchObject({ status: 'ENDED', statusSince: '2026-11-20', end: '2026-11-19' });
  expect((await eventsOf(t, childcare.id)).map((e) => e.kind)).toEqual(['ABSENCE_REGISTERED', 'ABSENCE_ON_HOLD', 'ABSENCE_ENDED']);
});

it('takes 65 back into force at recovery into group 1', async () => {
  const cpr = newCpr();
  await person(t, cpr, 1);
  const childcare = await registered(t, { cpr, typeId: 65, start: '2026-10-01', end: null });
  await changeGroup(t, cpr, 24, '2026-11-01');
  await changeGroup(t, cpr, 1, '2026-11-20');
  expect(await statusOf(cpr, childcare.id)).toMatchObject({ status: 'ACTIVE', statusSince: '2026-11-20' });
});

it('ends absences the new group does not allow and leaves the others alone', async () => {
  const cpr = newCpr();
  await person(t, cpr, 1);
  const job = await registered(t, { cpr, typeId: 45, start: '2026-11-20', end: '2026-12-20' });
  const sick = await registered(t, { cpr, typeId: 11, start: '2026-11-01', end: null });
  await changeGroup(t, cpr, 24, '2026-11-23');
  expect(await statusOf(cpr, job.id)).toMatchObject({ status: 'ENDED', end: '2026-11-22' });
  expect(await statusOf(cpr, sick.id)).toMatchObject({ status: 'ACTIVE', end: null });
});

it('honours the hold in exemptions: on hold, 79 no longer exempts; before the hold it did', async () => {
  const cpr = newCpr();
  await person(t, cpr, 2);
  await registered(t, { cpr, typeId: 79, start: '2026-11-01', end: '2027-01-31' });
  await changeGroup(t, cpr, 25, '2026-11-20');
  const query = 'query($c: String!) { person(cpr: $c) { before: exemptions(on: "2026-11-19") now: exemptions joblog: exemptFromJoblog } }';
  const { person: p } = await ok<{ person: { before: string[]; now: string[]; joblog: boolean } }>(t, query, { c: cpr }, JOBCENTRE);
  expect(p.before).toContain('CV');
  expect(p.now).toEqual([]);
  expect(p.joblog).toBe(false);
});

it('changes nothing when the same CONTACT_GROUP_CHANGED is delivered twice', async () => {
  const cpr = newCpr();
  await person(t, cpr, 2);
  const sorrow = await registered(t, { cpr, typeId: 79, start: '2026-11-01', end: '2027-01-31' });
  await changeGroup(t, cpr, 1, '2026-11-20');
  const [change] = (await t.system.bus.read(0, 100_000)).filter((e) => e.kind === 'CONTACT_GROUP_CHANGED' && e.payload.contactGroupId === 1 && e.payload.start === '2026-11-20');
  const before = { counts: await counts(t), absence: await statusOf(cpr, sorrow.id) };

  // Redelivery through the consumer as the bus runs it (the stored stream position skips it) …
  const absence = t.system.subgraphs.find((s) => s.name === 'absence')!;
  await deliverTwice(absence.orm, contactGroupReactionConsumer(t.clock), change);
  expect(await counts(t)).toEqual(before.counts);
  expect(await statusOf(cpr, sorrow.id)).toEqual(before.absence);

  // … and by a consumer that has never seen it: the absence is already ended, so nothing is planned.
  await deliverTwice(absence.orm, { ...contactGroupReactionConsumer(t.clock), name: 'absence.contact-group-reaction.replay' }, change);
  expect(await counts(t)).toEqual(before.counts);
  expect(await statusOf(cpr, sorrow.id)).toEqual(before.absence);
});

it('a first delivery ends the absence, the second delivery of the same event changes nothing', async () => {
  const cpr = newCpr();
  const personId = await person(t, cpr, 2);
  const sorrow = await registered(t, { cpr, typeId: 79, start: '2026-11-01', end: '2027-01-31' });
  const absence = t.system.subgraphs.find((s) => s.name === 'absence')!;
  const event: BusEvent = {
    id: `replayed-${personId}`, stream: 'person', streamPosition: 1_000_000, sequence: 1_000_000, kind: 'CONTACT_GROUP_CHANGED',
    personId, entityType: 'ContactGroupRegistration', entityId: 'r1', authorities: {}, occurredAt: '2026-11-23T09:00:00.000Z', schemaVersion: 1,
    payload: { personId, registrationId: 'r1', contactGroupId: 1, start: '2026-11-23', previousContactGroupId: 2, recoveryCauseId: null },
  };
  const before = await counts(t);
  const { bus, deliver } = handDeliveredBus();
  const subscription = await startConsumer(absence.orm, bus, { ...contactGroupReactionConsumer(t.clock), name: 'absence.contact-group-reaction.twice' });
  await deliver(event);
  const afterFirst = { counts: await counts(t), absence: await statusOf(cpr, sorrow.id) };
  expect(afterFirst.counts).toEqual({ absence: before.absence, outbox: before.outbox + 1 });
  expect(afterFirst.absence).toMatchObject({ status: 'ENDED', end: '2026-11-22' });
  await deliver(event);
  expect(await counts(t)).toEqual(afterFirst.counts);
  expect(await statusOf(cpr, sorrow.id)).toEqual(afterFirst.absence);
  await subscription.close();
});

/** Runs a consumer over a one-shot bus that hands it `event` twice, as a redelivering bus would. */
async function deliverTwice(orm: Parameters<typeof startConsumer>[0], consumer: ConsumerDefinition, event: BusEvent): Promise<void> {
  const { bus, deliver } = handDeliveredBus();
  const subscription = await startConsumer(orm, bus, consumer);
  await deliver(event);
  await deliver(event);
  await subscription.close();
}
