// Issue 18 at the absence subgraph's consumers, with person's new contract fed as the bus would
// deliver it (CONTACT_GROUP_CHANGE_SCHEDULED at record time, CONTACT_GROUP_CHANGED on the day,
// _CANCELLED when withdrawn): a scheduled change dates the directory and what may be registered on
// and after its day, but changes no absence; on the day, the change ends or holds the absences it
// reaches, with events dated the change's start, once however often it is delivered.
import type { BusEvent } from '../../../core/bus';
import { startConsumer, type ConsumerDefinition } from '../../../core/consumer';
import { personDirectoryConsumer } from '../../common/person-directory';
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { contactGroupReactionConsumer } from '../consumers';
import { absencesOf, codes, counts, newCpr, ok, person, register, registered, JOBCENTRE } from './helpers';
import { handDeliveredBus } from '../../../test/support/hand-bus';

const TODAY = '2026-11-30';
let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: TODAY });
});
afterEach(() => t.clock.set(`${TODAY}T09:00:00Z`));
afterAll(() => t.stop());

let position = 2_000_000;
/** A person event with person's contact-group payload, at a stream position no real event has. */
function groupEvent(kind: string, personId: string, registrationId: string, contactGroupId: number, start: string): BusEvent {
  position += 1;
  return {
    id: `${kind}-${registrationId}-${position}`, stream: 'person', streamPosition: position, sequence: position, kind, personId,
    entityType: 'ContactGroupRegistration', entityId: registrationId, authorities: {}, occurredAt: t.clock.now().toISOString(), schemaVersion: 1,
    effectiveDate: start,
    payload: { personId, registrationId, contactGroupId, start, previousContactGroupId: 2, recoveryCauseId: null },
  };
}

/** Runs the directory and reaction consumers (under names of their own) over `events`, as the bus would. */
async function deliver(events: BusEvent[], suffix = 'fed'): Promise<void> {
  const absence = t.system.subgraphs.find((s) => s.name === 'absence')!;
  for (const consumer of [personDirectoryConsumer('absence'), contactGroupReactionConsumer(t.clock)] as ConsumerDefinition[]) {
    const { bus, deliver } = handDeliveredBus();
    const subscription = await startConsumer(absence.orm, bus, { ...consumer, name: `${consumer.name}.${suffix}` });
    for (const event of events) await deliver(event);
    await subscription.close();
  }
}

async function outboxOf(absenceId: string): Promise<{ kind: string; effective_date: string | null; payload: Record<string, unknown> }[]> {
  const db = t.system.subgraphs.find((s) => s.name === 'absence')!.orm.em.getConnection();
  const rows: { kind: string; effective_date: string | null; payload: string | object }[] = await db.execute('select kind, effective_date, payload from outbox_event where entity_id = ? order by seq', [absenceId]);
  return rows.map((r) => ({ ...r, payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload }));
}

async function directoryGroup(personId: string): Promise<number | null> {
  const db = t.system.subgraphs.find((s) => s.name === 'absence')!.orm.em.getConnection();
  const [row] = await db.execute<{ contact_group_id: number | null }[]>('select contact_group_id from known_person where id = ?', [personId]);
  return row.contact_group_id;
}

/** A person in kontanthjælp (2) since 2026-01-05 with a change to dagpenge (1) scheduled for 2026-12-20. */
async function pendingChangeToDagpenge(): Promise<{ cpr: string; personId: string; scheduled: BusEvent }> {
  const cpr = newCpr();
  const personId = await person(t, cpr, 2, { start: '2026-01-05' });
  const scheduled = groupEvent('CONTACT_GROUP_CHANGE_SCHEDULED', personId, `r1-${personId}`, 1, '2026-12-20');
  return { cpr, personId, scheduled };
}

it('a scheduled change reacts on nothing, but what starts on or after its day is checked against the future group', async () => {
  const { cpr, personId, scheduled } = await pendingChangeToDagpenge();
  const sorrow = await registered(t, { cpr, typeId: 79, start: TODAY, end: '2027-01-31' });
  const before = { counts: await counts(t), absences: await absencesOf(t, cpr) };

  await deliver([scheduled]);
  expect(await counts(t)).toEqual(before.counts);
  expect(await absencesOf(t, cpr)).toEqual(before.absences);
  expect((await absencesOf(t, cpr)).find((a) => a.id === sorrow.id)).toMatchObject({ status: 'ACTIVE', end: '2027-01-31' });
  expect(await directoryGroup(personId)).toBe(2); // in force today: still kontanthjælp

  // 79 spanning the change was accepted above; starting on its day it is refused, naming group and day.
  const refused = await register(t, { cpr, typeId: 79, start: '2026-12-20', end: '2027-01-31' });
  expect(codes(refused)).toEqual(['ABSENCE_TYPE_NOT_ALLOWED_FOR_CONTACT_GROUP']);
  expect(refused.errors![0].message).toMatch(/2026-12-20.*contact group 1/);
  // 901 (group 1 only): refused the day before the change, accepted on it.
  expect(codes(await register(t, { cpr, typeId: 901, start: '2026-12-19', end: '2026-12-31' }))).toEqual(['ABSENCE_TYPE_NOT_ALLOWED_FOR_CONTACT_GROUP']);
  await registered(t, { cpr, typeId: 901, start: '2026-12-20', end: '2026-12-31' });
});

it('on the day, CONTACT_GROUP_CHANGED ends the absence spanning it with events dated the change, once', async () => {
  const { cpr, personId, scheduled } = await pendingChangeToDagpenge();
  const sorrow = await registered(t, { cpr, typeId: 79, start: TODAY, end: '2027-01-31' });
  await deliver([scheduled]);
  const planned = await registered(t, { cpr, typeId: 901, start: '2026-12-20', end: '2026-12-31' });

  t.clock.set('2026-12-20T05:00:00Z');
  const changed = groupEvent('CONTACT_GROUP_CHANGED', personId, `r1-${personId}`, 1, '2026-12-20');
  await deliver([changed]);
  expect(await directoryGroup(personId)).toBe(1);
  const absences = await absencesOf(t, cpr);
  expect(absences.find((a) => a.id === sorrow.id)).toMatchObject({ status: 'ENDED', statusSince: '2026-12-20', end: '2026-12-19' });
  expect(absences.find((a) => a.id === planned.id)).toMatchObject({ status: 'ACTIVE', statusSince: null }); // allowed in 1: stays
  const ended = (await outboxOf(sorrow.id)).filter((e) => e.kind === 'ABSENCE_ENDED');
  expect(ended).toEqual([expect.objectContaining({ effective_date: '2026-12-20', payload: expect.objectContaining({ contactGroupId: 1, statusSince: '2026-12-20', status: 'ENDED' }) })]);

  // Read as of the day before, the 79 is as it was: active, and exempting from the CV.
  const asOf = await ok<{ person: { absences: { id: string; status: string }[]; exemptions: string[] } }>(
    t, 'query($c: String!) { person(cpr: $c, asOf: "2026-12-19") { absences { id status } exemptions } }', { c: cpr }, JOBCENTRE);
  expect(asOf.person.absences.find((a) => a.id === sorrow.id)!.status).toBe('ACTIVE');
  expect(asOf.person.exemptions).toContain('CV');

  // The same event again, to consumers that have never seen it: nothing more happens.
  const before = await counts(t);
  await deliver([changed], 'replay');
  expect(await counts(t)).toEqual(before);
  expect((await outboxOf(sorrow.id)).filter((e) => e.kind === 'ABSENCE_ENDED')).toHaveLength(1);
});

it('holds 79 on the day of a scheduled change to sick benefits (25), not before', async () => {
  const cpr = newCpr();
  const personId = await person(t, cpr, 2, { start: '2026-01-05' });
  const sorrow = await registered(t, { cpr, typeId: 79, start: TODAY, end: '2027-01-31' });
  await deliver([groupEvent('CONTACT_GROUP_CHANGE_SCHEDULED', personId, `r25-${personId}`, 25, '2026-12-10')]);
  t.clock.set('2026-12-09T09:00:00Z');
  expect((await absencesOf(t, cpr))[0]).toMatchObject({ id: sorrow.id, status: 'ACTIVE' });
  t.clock.set('2026-12-10T05:00:00Z');
  await deliver([groupEvent('CONTACT_GROUP_CHANGED', personId, `r25-${personId}`, 25, '2026-12-10')]);
  expect((await absencesOf(t, cpr))[0]).toMatchObject({ id: sorrow.id, status: 'ON_HOLD', statusSince: '2026-12-10', end: '2027-01-31' });
  expect((await outboxOf(sorrow.id)).map((e) => [e.kind, e.effective_date])).toEqual([
    ['ABSENCE_REGISTERED', TODAY],
    ['ABSENCE_ON_HOLD', '2026-12-10'],
  ]);
});

it('forgets a cancelled change: registrations after its day are checked against today\'s group again', async () => {
  const { cpr, personId, scheduled } = await pendingChangeToDagpenge();
  await deliver([scheduled]);
  expect(codes(await register(t, { cpr, typeId: 79, start: '2026-12-21', end: '2027-01-31' }))).toEqual(['ABSENCE_TYPE_NOT_ALLOWED_FOR_CONTACT_GROUP']);
  await deliver([groupEvent('CONTACT_GROUP_CHANGE_CANCELLED', personId, `r1-${personId}`, 1, '2026-12-20')]);
  await registered(t, { cpr, typeId: 79, start: '2026-12-21', end: '2027-01-31' });
  expect(await directoryGroup(personId)).toBe(2);
});
