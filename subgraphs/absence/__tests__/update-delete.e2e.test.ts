// updateAbsence and deleteAbsence through the gateway (001 §2.3, §2.6).
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { AKASSE, ANALYST, DELETE, JOBCENTRE, OTHER_JOBCENTRE, UPDATE, absencesOf, codes, counts, eventsOf, newCpr, ok, person, registered } from './helpers';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

async function refusedUpdate(input: Record<string, unknown>, code: string, as = JOBCENTRE): Promise<void> {
  const before = await counts(t);
  const response = await t.gql(UPDATE, { i: input }, as);
  expect(codes(response)).toEqual([code]);
  expect(await counts(t)).toEqual(before);
}

async function refusedDelete(id: string, comment: string, code: string, as = JOBCENTRE): Promise<void> {
  const before = await counts(t);
  const response = await t.gql(DELETE, { id, c: comment }, as);
  expect(codes(response)).toEqual([code]);
  expect(await counts(t)).toEqual(before);
}

describe('updateAbsence', () => {
  it('changes the dates and writes ABSENCE_UPDATED with the state after the change', async () => {
    const cpr = newCpr();
    await person(t, cpr, 1);
    const absence = await registered(t, { cpr, typeId: 45, start: '2026-11-23', end: '2026-12-01' });
    const { updateAbsence } = await ok<{ updateAbsence: { end: string } }>(t, UPDATE, { i: { id: absence.id, end: '2026-12-10' } }, JOBCENTRE);
    expect(updateAbsence.end).toBe('2026-12-10');
    const events = await eventsOf(t, absence.id);
    expect(events.map((e) => e.kind)).toEqual(['ABSENCE_REGISTERED', 'ABSENCE_UPDATED']);
    expect(events[1].payload).toMatchObject({ start: '2026-11-23', end: '2026-12-10', status: 'ACTIVE', exemptions: ['CONTACT_COURSE', 'RIGHT_DUTY_OFFERS', 'OFFERS', 'CV_SEARCHABLE'] });
  });

  it.each([43, 44, 45, 46, 71, 73])('never pushes %i past its 6 weeks', async (typeId) => {
    const cpr = newCpr();
    await person(t, cpr, 1);
    const absence = await registered(t, { cpr, typeId, start: '2026-11-23', end: '2026-12-01' });
    await refusedUpdate({ id: absence.id, end: '2027-01-04' }, 'MAX_DURATION_EXCEEDED');
    await refusedUpdate({ id: absence.id, end: null }, 'MAX_DURATION_EXCEEDED');
    await ok(t, UPDATE, { i: { id: absence.id, end: '2027-01-03' } }, JOBCENTRE);
  });

  it('refuses an end before the start, a moved start past the back-dating limit, and an overlap of 79 and 8', async () => {
    const cpr = newCpr();
    await person(t, cpr, 2);
    const sorrow = await registered(t, { cpr, typeId: 79, start: '2026-11-23', end: '2026-12-01' });
    await registered(t, { cpr, typeId: 8, start: '2026-12-05', end: null });
    await refusedUpdate({ id: sorrow.id, end: '2026-11-01' }, 'INVALID_DATE_RANGE');
    await refusedUpdate({ id: sorrow.id, start: '2026-09-01' }, 'BACKDATING_LIMIT_EXCEEDED');
    await refusedUpdate({ id: sorrow.id, end: '2026-12-05' }, 'ABSENCE_OVERLAP_NOT_ALLOWED');
    await refusedUpdate({ id: sorrow.id, start: null }, 'BAD_USER_INPUT');
  });

  it('refuses an unknown id, another jobcentre and an analyst', async () => {
    const cpr = newCpr();
    await person(t, cpr, 1);
    const absence = await registered(t, { cpr, typeId: 45, start: '2026-11-23', end: '2026-12-01' });
    await refusedUpdate({ id: '00000000-0000-0000-0000-000000000000', end: '2026-12-02' }, 'ABSENCE_NOT_FOUND');
    await refusedUpdate({ id: absence.id, end: '2026-12-02' }, 'FORBIDDEN', OTHER_JOBCENTRE);
    await refusedUpdate({ id: absence.id, end: '2026-12-02' }, 'FORBIDDEN', ANALYST);
  });
});

describe('deleteAbsence', () => {
  it('deletes with a comment, keeps the absence in includeDeleted and history, tells jobcentre and a-kasse', async () => {
    const cpr = newCpr();
    await person(t, cpr, 1, { akasse: true });
    const absence = await registered(t, { cpr, typeId: 45, start: '2026-11-01', end: '2026-12-01' });
    const { deleteAbsence } = await ok<{ deleteAbsence: Record<string, unknown> }>(t, DELETE, { id: absence.id, c: 'Fejlregistreret' }, JOBCENTRE);
    expect(deleteAbsence).toEqual({ absence: { id: absence.id, status: 'DELETED' }, reRegistered: false, reRegistrationRequired: false, message: null });
    expect(await absencesOf(t, cpr)).toEqual([]);
    expect((await absencesOf(t, cpr, true)).map((a) => [a.id, a.status])).toEqual([[absence.id, 'DELETED']]);
    const events = await eventsOf(t, absence.id);
    expect(events.map((e) => e.kind)).toEqual(['ABSENCE_REGISTERED', 'ABSENCE_DELETED']);
    expect(events[1].authorities).toEqual({ jobcentres: ['101'], akasser: ['21'] });
    expect(events[1].payload).toMatchObject({ status: 'DELETED', reRegistrationRequired: false });

    const history = await ok<{ person: { absences: { deletionComment: string; history: { kind: string; status: string }[] }[] } }>(
      t, 'query($c: String!) { person(cpr: $c) { absences(includeDeleted: true) { deletionComment history { kind status start end } } } }', { c: cpr }, JOBCENTRE);
    expect(history.person.absences[0].deletionComment).toBe('Fejlregistreret');
    expect(history.person.absences[0].history.map((h) => [h.kind, h.status])).toEqual([['ABSENCE_REGISTERED', 'ACTIVE'], ['ABSENCE_DELETED', 'DELETED']]);
  });

  it('cannot be undone: a second deletion and an update are refused, a new absence of the type is fine', async () => {
    const cpr = newCpr();
    await person(t, cpr, 1);
    const absence = await registered(t, { cpr, typeId: 45, start: '2026-11-01', end: '2026-12-01' });
    await ok(t, DELETE, { id: absence.id, c: 'Fejl' }, JOBCENTRE);
    await refusedDelete(absence.id, 'Igen', 'ABSENCE_ALREADY_DELETED');
    await refusedUpdate({ id: absence.id, end: '2026-12-02' }, 'ABSENCE_NOT_CHANGEABLE');
    await registered(t, { cpr, typeId: 45, start: '2026-11-01', end: '2026-12-01' });
  });

  it('needs a correction comment', async () => {
    const cpr = newCpr();
    await person(t, cpr, 1);
    const absence = await registered(t, { cpr, typeId: 45, start: '2026-11-01', end: '2026-12-01' });
    await refusedDelete(absence.id, '  ', 'DELETION_COMMENT_REQUIRED');
  });

  it('refuses started absences of 11 and 75 but deletes future ones (retired 25, 49, 54, 58: rules/__tests__/deletion.test.ts)', async () => {
    const cpr = newCpr();
    await person(t, cpr, 1, { start: '2020-01-01' });
    const sick = await registered(t, { cpr, typeId: 11, start: '2026-11-01', end: null });
    await refusedDelete(sick.id, 'Fejl', 'ABSENCE_NOT_DELETABLE');
    const contactCourse = await registered(t, { cpr, typeId: 75, start: '2026-10-01', end: '2026-10-31' });
    await refusedDelete(contactCourse.id, 'Fejl', 'ABSENCE_NOT_DELETABLE');
    const futureSick = await registered(t, { cpr, typeId: 11, start: '2026-12-01', end: null });
    await ok(t, DELETE, { id: futureSick.id, c: 'Fejl' }, JOBCENTRE);
  });

  it('deletes an 11 that starts today: its start date has not passed (001 §2.3 "dags dato eller fremtidig")', async () => {
    const cpr = newCpr();
    await person(t, cpr, 1, { start: '2020-01-01' });
    const sickToday = await registered(t, { cpr, typeId: 11, start: '2026-11-23', end: null });
    await ok(t, DELETE, { id: sickToday.id, c: 'Fejlregistreret' }, JOBCENTRE);
    expect((await absencesOf(t, cpr, true)).map((a) => a.status)).toEqual(['DELETED']);
  });

  it('deletes an absence no longer legal in the current contact group (ended by the change)', async () => {
    const cpr = newCpr();
    await person(t, cpr, 1, { start: '2026-01-01' });
    const absence = await registered(t, { cpr, typeId: 80, start: '2026-11-01', end: '2027-06-01' });
    await ok(t, 'mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr, contactGroupId: 10, start: '2026-11-20' } }, JOBCENTRE);
    expect((await absencesOf(t, cpr)).map((a) => a.status)).toEqual(['ENDED']);
    await ok(t, DELETE, { id: absence.id, c: 'Fejl' }, JOBCENTRE);
    expect((await eventsOf(t, absence.id)).map((e) => e.kind)).toEqual(['ABSENCE_REGISTERED', 'ABSENCE_ENDED', 'ABSENCE_DELETED']);
  });

  it.each([6, 7, 8, 21])('deleting a started %i says the person is NOT re-registered', async (typeId) => {
    const cpr = newCpr();
    await person(t, cpr, 2);
    const absence = await registered(t, { cpr, typeId, start: '2026-11-01', end: null });
    const { deleteAbsence } = await ok<{ deleteAbsence: { reRegistered: boolean; reRegistrationRequired: boolean; message: string } }>(t, DELETE, { id: absence.id, c: 'Fejl' }, JOBCENTRE);
    expect(deleteAbsence.reRegistered).toBe(false);
    expect(deleteAbsence.reRegistrationRequired).toBe(true);
    expect(deleteAbsence.message).toMatch(/NOT re-registered/);
    expect((await eventsOf(t, absence.id))[1].payload.reRegistrationRequired).toBe(true);
  });

  it('refuses another jobcentre and analysts; an a-kasse only deletes types it may register', async () => {
    const cpr = newCpr();
    await person(t, cpr, 2, { akasse: true });
    const sorrow = await registered(t, { cpr, typeId: 79, start: '2026-11-23', end: '2026-12-01' });
    await refusedDelete(sorrow.id, 'Fejl', 'FORBIDDEN', OTHER_JOBCENTRE);
    await refusedDelete(sorrow.id, 'Fejl', 'FORBIDDEN', ANALYST);
    await refusedDelete(sorrow.id, 'Fejl', 'REGISTRANT_NOT_ALLOWED', AKASSE);
    const maternity = await registered(t, { cpr, typeId: 8, start: '2027-01-01', end: null });
    await ok(t, DELETE, { id: maternity.id, c: 'Fejl' }, AKASSE);
  });

  it('never shows the deletion comment (free text), or the absence at all, to analysts', async () => {
    const cpr = newCpr();
    await person(t, cpr, 1);
    const absence = await registered(t, { cpr, typeId: 45, start: '2026-11-23', end: '2026-12-01' });
    await ok(t, DELETE, { id: absence.id, c: 'Borger ringede: forkert registreret' }, JOBCENTRE);
    const response = await t.gql('query($c: String!) { person(cpr: $c) { absences(includeDeleted: true) { id deletionComment } } }', { c: cpr }, ANALYST);
    expect(codes(response)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(response.data)).not.toContain('forkert');
    const withoutText = await t.gql('query($c: String!) { person(cpr: $c) { absences(includeDeleted: true) { id status } } }', { c: cpr }, ANALYST);
    expect(codes(withoutText)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(withoutText.data)).not.toContain(absence.id);
  });
});
