// Who may read what of a person, origin never exposed (001 §1.1), and the full history with who,
// when and what (PersonHistoryService), deletions and annulments included.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { AKASSE, ANALYST, CHANGE_GROUP, createPerson, fails, JOBCENTRE, ok, OTHER_AKASSE, OTHER_JOBCENTRE, read, REGISTER, SYSTEM, UPSERT } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

const COURSE_FIELDS = [
  'address { municipalityCode }',
  'temporaryAddress { end }',
  'contactGroup { id }',
  'contactGroupHistory { id }',
  'cvRequirement',
  'jobSeekerRegistration { id }',
  'jobSeekerRegistrations { id }',
  'visitation { category }',
  'sickLeaveReturnExpectation { id }',
  'meetingSummonses { id }',
  'selfBookingDeadline { id }',
];

describe('reading', () => {
  it("shows the contact course to the person's jobcentre, a-kasser and the system", async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 1, akasse: '21' });
    for (const caller of [JOBCENTRE, AKASSE, SYSTEM]) {
      const response = await t.gql(`query($cpr: String!) { person(cpr: $cpr) { ${COURSE_FIELDS.join(' ')} } }`, { cpr }, caller);
      expect(response.errors).toBeUndefined();
    }
  });

  it('refuses every contact-course field to another jobcentre and to an a-kasse the person never was a member of', async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 1, akasse: '21' });
    for (const caller of [OTHER_JOBCENTRE, OTHER_AKASSE]) {
      for (const field of [...COURSE_FIELDS, 'history { action }']) {
        const response = await t.gql<{ person: Record<string, unknown> | null }>(`query($cpr: String!) { person(cpr: $cpr) { id ${field} } }`, { cpr }, caller);
        expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(Object.values(response.data?.person ?? {}).filter((v) => v !== null)).toHaveLength(1); // only the id
      }
    }
  });

  it('refuses analysts a look-up by CPR: no CPR (not even masked), no jobcentre, name, contact course or history', async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 1 });
    for (const field of ['id', 'cpr', 'municipalityCode', 'name', 'history { action }', ...COURSE_FIELDS]) {
      expect(await fails(t, `query($cpr: String!) { person(cpr: $cpr) { ${field} } }`, { cpr }, ANALYST)).toEqual(['FORBIDDEN']);
    }
  });

  it('never exposes origin: originCode is always empty, even when the CPR feed sends one (001 §1.1)', async () => {
    const { cpr } = await createPerson(t);
    await ok(t, UPSERT, { i: { cpr, name: 'Test Person', municipalityCode: '101', originCode: '5100' } }, SYSTEM);
    for (const caller of [JOBCENTRE, SYSTEM]) expect(await read(t, cpr, 'originCode', caller)).toEqual({ originCode: null });
  });

  it("lists a jobcentre's persons to that jobcentre and the system only", async () => {
    const { cpr } = await createPerson(t, { municipalityCode: '153' });
    const LIST = '{ persons(municipalityCode: "153", first: 10) { nodes { cpr } pageInfo { hasNextPage } } }';
    expect(await ok(t, LIST, {}, { role: 'caseworker', authority: '153' })).toEqual({ persons: { nodes: [{ cpr }], pageInfo: { hasNextPage: false } } });
    expect(await fails(t, LIST, {}, ANALYST)).toEqual(['FORBIDDEN']);
    await ok(t, LIST, {}, SYSTEM);
    expect(await fails(t, LIST, {}, JOBCENTRE)).toEqual(['FORBIDDEN']);
    expect(await fails(t, LIST, {}, AKASSE)).toEqual(['FORBIDDEN']);
    expect(await fails(t, '{ persons(municipalityCode: "153", first: 1001) { nodes { id } } }', {}, SYSTEM)).toEqual(['BAD_USER_INPUT']);
  });

  it('lets only the system role feed persons', async () => {
    for (const caller of [JOBCENTRE, AKASSE, ANALYST]) {
      expect(await fails(t, UPSERT, { i: { cpr: '0101011234', name: 'X', municipalityCode: '101' } }, caller)).toEqual(['FORBIDDEN']);
    }
  });
});

describe('history', () => {
  it('keeps every change with who, when and what, annulments included, oldest first', async () => {
    t.clock.set('2026-11-23T09:00:00Z');
    const { cpr } = await createPerson(t);
    await ok(t, CHANGE_GROUP, { i: { cpr, contactGroupId: 17, start: '2026-11-23' } }, JOBCENTRE);
    await ok(t, REGISTER, { i: { cpr, category: 'KONTANTHJAELP', registrationDate: '2026-11-23', selfService: true } }, SYSTEM);
    t.clock.set('2026-12-10T09:00:00Z');
    await ok(t, 'mutation { annulUnattendedSelfRegistrations }', {}, SYSTEM);

    const { history } = await read<{ history: { at: string; action: string; by: { role: string; authority: string }; changes: { field: string; from: string | null; to: string | null }[] }[] }>(
      t,
      cpr,
      'history { at action entityType by { role authority subject } changes { field from to } }',
    );
    expect(history.map((h) => [h.action, h.by.role, h.by.authority])).toEqual([
      ['PERSON_UPSERTED', 'system', 'STAR'],
      ['CONTACT_GROUP_CHANGED', 'caseworker', '101'],
      ['JOB_SEEKER_REGISTERED', 'system', 'STAR'],
      ['JOB_SEEKER_REGISTRATION_ANNULLED', 'system', 'STAR'],
    ]);
    expect(history[1]).toMatchObject({ at: '2026-11-23T09:00:00.000Z', changes: [{ field: 'contactGroup', from: null, to: '17' }, { field: 'start', from: null, to: '2026-11-23' }] });
    expect(history[3]).toMatchObject({ at: '2026-12-10T09:00:00.000Z', changes: [{ field: 'status', from: 'AWAITING_ATTENDANCE', to: 'ANNULLED' }] });
    expect((await read<{ jobSeekerRegistrations: { status: string }[] }>(t, cpr, 'jobSeekerRegistrations { status }')).jobSeekerRegistrations).toEqual([{ status: 'ANNULLED' }]);
  });

  it('lists Danish public holidays for deadline checks', async () => {
    const { danishPublicHolidays } = await ok<{ danishPublicHolidays: { date: string; name: string }[] }>(t, '{ danishPublicHolidays(year: 2027) { date name } }', {}, ANALYST);
    expect(danishPublicHolidays.slice(0, 3)).toEqual([
      { date: '2027-01-01', name: 'Nytårsdag' },
      { date: '2027-03-25', name: 'Skærtorsdag' },
      { date: '2027-03-26', name: 'Langfredag' },
    ]);
    expect(await fails(t, '{ danishPublicHolidays(year: 10) { date } }', {}, ANALYST)).toEqual(['BAD_USER_INPUT']);
  });
});
