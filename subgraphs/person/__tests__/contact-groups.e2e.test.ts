// Contact groups through the gateway: the code list, one open registration per person (also under
// parallel changes), registration ids that belong to another registration (001 §1.5), recovery from
// 24/25 and cause 37 (001 §2.8), who may change a group, and the sick-leave metadata that ends on an
// earlier recovery (002).
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { AKASSE, CHANGE_GROUP, createPerson, eventsOf, fails, JOBCENTRE, ok, OTHER_JOBCENTRE, read, SYSTEM, ANALYST } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

const HISTORY = 'contactGroup { id contactGroup { id } start end recoveryCauseId } contactGroupHistory { contactGroup { id } start end }';

it('lists every contact group with its DFDG id and name', async () => {
  const { contactGroups } = await ok<{ contactGroups: { id: number; name: string }[] }>(t, '{ contactGroups { id name } }', {}, ANALYST);
  expect(contactGroups).toContainEqual({ id: 25, name: 'Sygedagpengemodtager fra ledighed' });
  expect(contactGroups).toContainEqual({ id: 99, name: 'Uden ydelse' });
  expect(contactGroups).toHaveLength(24);
});

it('keeps one open registration: a change closes the open one the day before', async () => {
  const { cpr, id } = await createPerson(t, { contactGroupId: 1, start: '2026-01-05' });
  await ok(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 2, start: '2026-03-01' } }, JOBCENTRE);
  const person = await read<{ contactGroup: { contactGroup: { id: number } }; contactGroupHistory: unknown[] }>(t, cpr, HISTORY);
  expect(person.contactGroup.contactGroup).toEqual({ id: 2 });
  expect(person.contactGroupHistory).toEqual([
    { contactGroup: { id: 2 }, start: '2026-03-01', end: null },
    { contactGroup: { id: 1 }, start: '2026-01-05', end: '2026-02-28' },
  ]);
  expect((await eventsOf(t, 'CONTACT_GROUP_CHANGED', id)).map((e) => e.payload.contactGroupId)).toEqual([1, 2]);
});

it('leaves exactly one open registration when many changes arrive at once', async () => {
  const { cpr } = await createPerson(t, { contactGroupId: 1, start: '2026-01-05' });
  const responses = await Promise.all(
    Array.from({ length: 12 }, (_, i) => t.gql(CHANGE_GROUP, { i: { cpr, contactGroupId: 2, start: `2026-02-${String(i + 10).padStart(2, '0')}` } }, JOBCENTRE)),
  );
  const person = await read<{ contactGroupHistory: { end: string | null }[] }>(t, cpr, HISTORY);
  expect(person.contactGroupHistory.filter((r) => r.end === null)).toHaveLength(1);
  for (const response of responses) {
    if (response.errors) expect(['CONFLICT', 'INVALID_DATE_RANGE']).toContain(response.errors[0].extensions?.code);
  }
});

it('refuses a registration id that belongs to another registration, and writes nothing (001 §1.5)', async () => {
  const { cpr, id } = await createPerson(t);
  const { changeContactGroup } = await ok<{ changeContactGroup: { id: string } }>(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 25, start: '2026-02-01' } }, JOBCENTRE);
  expect(await fails(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 1, start: '2026-03-01', registrationId: changeContactGroup.id } }, JOBCENTRE)).toEqual([
    'REGISTRATION_ID_BELONGS_TO_ANOTHER_REGISTRATION',
  ]);
  const person = await read<{ contactGroupHistory: unknown[] }>(t, cpr, HISTORY);
  expect(person.contactGroupHistory).toEqual([{ contactGroup: { id: 25 }, start: '2026-02-01', end: null }]);
  expect(await eventsOf(t, 'CONTACT_GROUP_CHANGED', id)).toHaveLength(1);
});

it('closes sick group 25 on recovery and opens the next group', async () => {
  const { cpr } = await createPerson(t, { contactGroupId: 25, start: '2026-02-01' });
  const { changeContactGroup } = await ok<{ changeContactGroup: unknown }>(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 1, start: '2026-04-01', recoveryCauseId: 12 } }, JOBCENTRE);
  expect(changeContactGroup).toMatchObject({ contactGroup: { id: 1 }, start: '2026-04-01', end: null, recoveryCauseId: 12 });
  const person = await read<{ contactGroupHistory: unknown[] }>(t, cpr, HISTORY);
  expect(person.contactGroupHistory).toEqual([
    { contactGroup: { id: 1 }, start: '2026-04-01', end: null },
    { contactGroup: { id: 25 }, start: '2026-02-01', end: '2026-03-31' },
  ]);
});

it('moves a recovery with cause 37 to group 11 Ressourceforløb (001 §2.8)', async () => {
  const { cpr, id } = await createPerson(t, { contactGroupId: 24, start: '2026-02-01' });
  const { changeContactGroup } = await ok<{ changeContactGroup: { contactGroup: { id: number } } }>(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 1, start: '2026-04-01', recoveryCauseId: 37 } }, JOBCENTRE);
  expect(changeContactGroup.contactGroup).toEqual({ id: 11 });
  const [, recovery] = await eventsOf(t, 'CONTACT_GROUP_CHANGED', id);
  expect(recovery.payload).toMatchObject({ contactGroupId: 11, previousContactGroupId: 24, recoveryCauseId: 37 });
});

it('refuses a recovery cause outside sick groups 24/25', async () => {
  const { cpr } = await createPerson(t, { contactGroupId: 1 });
  expect(await fails(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 11, start: '2026-04-01', recoveryCauseId: 37 } }, JOBCENTRE)).toEqual(['RECOVERY_WITHOUT_SICK_GROUP']);
});

it("lets the person's jobcentre, a member's a-kasse (groups 1 and Uden ydelse) and the system change groups; no one else", async () => {
  const { cpr } = await createPerson(t, { contactGroupId: 25, start: '2026-02-01', akasse: '21' });
  expect(await fails(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 1, start: '2026-03-01' } }, OTHER_JOBCENTRE)).toEqual(['FORBIDDEN']);
  expect(await fails(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 1, start: '2026-03-01' } }, { role: 'akasse', authority: '99' })).toEqual(['FORBIDDEN']);
  expect(await fails(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 1, start: '2026-03-01' } }, ANALYST)).toEqual(['FORBIDDEN']);
  expect(await fails(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 2, start: '2026-03-01' } }, AKASSE)).toEqual(['CONTACT_GROUP_NOT_ALLOWED_FOR_AKASSE']);
  await ok(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 1, start: '2026-03-01', recoveryCauseId: 12 } }, AKASSE);
  await ok(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 2, start: '2026-04-01' } }, SYSTEM);
});

describe('sick-leave metadata "back at own workplace within week 13" (002)', () => {
  const SET = 'mutation($i: SickLeaveReturnExpectationInput!) { setSickLeaveReturnExpectation(input: $i) { id firstFollowUpMeeting returnBy end endCause } }';
  const READ = 'sickLeaveReturnExpectation { firstFollowUpMeeting returnBy end endCause }';

  it('is for group 24 only, once per sick leave', async () => {
    const sickFromUnemployment = await createPerson(t, { contactGroupId: 25, start: '2026-02-01' });
    expect(await fails(t, SET, { i: { cpr: sickFromUnemployment.cpr, firstFollowUpMeeting: '2026-02-10' } }, JOBCENTRE)).toEqual(['SICK_LEAVE_METADATA_REQUIRES_GROUP_24']);
    const { cpr } = await createPerson(t, { contactGroupId: 24, start: '2026-02-01' });
    const { setSickLeaveReturnExpectation } = await ok<{ setSickLeaveReturnExpectation: unknown }>(t, SET, { i: { cpr, firstFollowUpMeeting: '2026-02-10' } }, JOBCENTRE);
    expect(setSickLeaveReturnExpectation).toMatchObject({ firstFollowUpMeeting: '2026-02-10', returnBy: '2026-05-11', end: null });
    expect(await fails(t, SET, { i: { cpr, firstFollowUpMeeting: '2026-02-12' } }, JOBCENTRE)).toEqual(['SICK_LEAVE_METADATA_ALREADY_SET']);
    expect(await fails(t, SET, { i: { cpr, firstFollowUpMeeting: '2026-02-12' } }, AKASSE)).toEqual(['FORBIDDEN']);
  });

  it('ends by itself when the person recovers before week 13, and tells the jobcentre', async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 24, start: '2026-02-01' });
    await ok(t, SET, { i: { cpr, firstFollowUpMeeting: '2026-02-10' } }, JOBCENTRE);
    await ok(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 1, start: '2026-03-16', recoveryCauseId: 12 } }, JOBCENTRE);
    expect((await read<{ sickLeaveReturnExpectation: unknown }>(t, cpr, READ)).sickLeaveReturnExpectation).toEqual({
      firstFollowUpMeeting: '2026-02-10',
      returnBy: '2026-05-11',
      end: '2026-03-15',
      endCause: 'RECOVERED',
    });
    const [ended] = await eventsOf(t, 'SICK_LEAVE_RETURN_EXPECTATION_ENDED', id);
    expect(ended.payload).toMatchObject({ end: '2026-03-15', endCause: 'RECOVERED' });
    expect(ended.authorities.jobcentres).toEqual(['101']);
  });

  it('runs its course when the recovery comes after week 13', async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 24, start: '2026-02-01' });
    await ok(t, SET, { i: { cpr, firstFollowUpMeeting: '2026-02-10' } }, JOBCENTRE);
    await ok(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 1, start: '2026-06-01', recoveryCauseId: 12 } }, JOBCENTRE);
    expect((await read<{ sickLeaveReturnExpectation: { end: string | null } }>(t, cpr, READ)).sickLeaveReturnExpectation.end).toBeNull();
    expect(await eventsOf(t, 'SICK_LEAVE_RETURN_EXPECTATION_ENDED', id)).toEqual([]);
  });
});
