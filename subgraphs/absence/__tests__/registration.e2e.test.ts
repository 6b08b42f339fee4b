// registerAbsence and absenceTypes through the gateway: one test per rule, and refused input
// writes nothing (neither an absence nor an event).
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { AKASSE, ANALYST, JOBCENTRE, OTHER_AKASSE, OTHER_JOBCENTRE, SYSTEM, codes, counts, eventsOf, newCpr, ok, person, register, registered } from './helpers';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

/** Asserts the registration is refused with `code` and that nothing was written. */
async function refused(input: Record<string, unknown>, code: string, as = JOBCENTRE): Promise<void> {
  const before = await counts(t);
  const response = await register(t, input, as);
  expect(codes(response)).toEqual([code]);
  expect(response.data ?? null).toBeNull();
  expect(await counts(t)).toEqual(before);
}

describe('absenceTypes', () => {
  it('exposes the rule table read-only, with "Ukendt" for types Jobnet cannot show', async () => {
    const { absenceTypes } = await ok<{ absenceTypes: Record<string, unknown>[] }>(
      t,
      '{ absenceTypes { id name displayName retired allowedContactGroups registeredBy maxBackdatingWeeks maxDurationWeeks maxDurationYears validFrom exemptions noOverlapWith holdInContactGroups deletableOnceStarted presupposesDeregistration on24: onContactGroupChange(contactGroupId: 24) } }',
      {},
      ANALYST,
    );
    expect(absenceTypes.map((a) => a.id)).toEqual([6, 7, 8, 11, 21, 25, 43, 44, 45, 46, 49, 54, 58, 65, 71, 72, 73, 75, 77, 78, 79, 80, 901, 902]);
    const byId = new Map(absenceTypes.map((a) => [a.id, a]));
    expect(byId.get(79)).toMatchObject({
      name: 'Sorgorlov', displayName: 'Ukendt', registeredBy: ['JOBCENTRE'], maxBackdatingWeeks: 8, maxDurationWeeks: 26, maxDurationYears: null,
      noOverlapWith: [8], holdInContactGroups: [24, 25], on24: 'HOLD', exemptions: ['REGISTRATION', 'CV', 'REFERRED_WORK', 'CONTACT_COURSE', 'RIGHT_DUTY_OFFERS', 'OFFERS', 'JOBLOG'],
    });
    expect(byId.get(80)).toMatchObject({ displayName: 'Ukendt', maxDurationYears: 5, on24: 'STAY' });
    expect(byId.get(77)).toMatchObject({ validFrom: '2021-03-15', displayName: 'På vej på erhvervsuddannelse (inden for 6 uger)' });
    expect(byId.get(11)).toMatchObject({ deletableOnceStarted: false, allowedContactGroups: null });
    expect(byId.get(25)).toMatchObject({ retired: true });
  });

  it('shows an absence of a type Jobnet cannot show yet with its dates and type "Ukendt"', async () => {
    const cpr = newCpr();
    await person(t, cpr, 2);
    await registered(t, { cpr, typeId: 79, start: '2026-11-23', end: '2026-12-31' });
    const data = await ok<{ person: { absences: { type: { id: number; displayName: string }; start: string; end: string }[] } }>(
      t, 'query($c: String!) { person(cpr: $c) { absences { type { id displayName } start end } } }', { c: cpr }, JOBCENTRE);
    expect(data.person.absences).toEqual([{ type: { id: 79, displayName: 'Ukendt' }, start: '2026-11-23', end: '2026-12-31' }]);
  });
});

describe('registerAbsence', () => {
  it('registers, answers the absence, and writes ABSENCE_REGISTERED with the full payload for jobcentre and a-kasser', async () => {
    const cpr = newCpr();
    const personId = await person(t, cpr, 2, { akasse: true });
    const absence = await registered(t, { cpr, typeId: 79, start: '2026-11-01', end: '2026-12-31' });
    expect(absence).toMatchObject({ type: { id: 79 }, start: '2026-11-01', end: '2026-12-31', status: 'ACTIVE' });
    const events = await eventsOf(t, absence.id);
    expect(events).toEqual([
      {
        kind: 'ABSENCE_REGISTERED',
        authorities: { jobcentres: ['101'], akasser: ['21'] },
        payload: {
          absenceId: absence.id, personId, typeId: 79, start: '2026-11-01', end: '2026-12-31', status: 'ACTIVE', statusSince: null,
          exemptions: ['REGISTRATION', 'CV', 'REFERRED_WORK', 'CONTACT_COURSE', 'RIGHT_DUTY_OFFERS', 'OFFERS', 'JOBLOG'],
        },
      },
    ]);
  });

  it('refuses a type the person\'s contact group does not allow (79 in group 1)', async () => {
    const cpr = newCpr();
    await person(t, cpr, 1);
    await refused({ cpr, typeId: 79, start: '2026-11-23', end: '2026-12-01' }, 'ABSENCE_TYPE_NOT_ALLOWED_FOR_CONTACT_GROUP');
  });

  it('uses the contact group person\'s events delivered: after a change to 2, 79 is allowed', async () => {
    const cpr = newCpr();
    await person(t, cpr, 1);
    await t.gql('mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr, contactGroupId: 2, start: '2026-11-01' } }, JOBCENTRE);
    await registered(t, { cpr, typeId: 79, start: '2026-11-23', end: '2026-12-01' });
  });

  it('refuses a person without an open contact group', async () => {
    const cpr = newCpr();
    await person(t, cpr, null);
    await refused({ cpr, typeId: 45, start: '2026-11-23', end: '2026-12-01' }, 'NO_OPEN_CONTACT_GROUP');
  });

  it('lets the less-intensive types be registered on flex-job employed (group 10) and work sharing on 4 and 5 (001 §2.4, §2.5)', async () => {
    const flex = newCpr();
    await person(t, flex, 10);
    for (const typeId of [43, 44, 45, 46, 71, 72, 73, 77, 78]) await registered(t, { cpr: flex, typeId, start: '2026-11-23', end: '2026-12-01' });
    const revalidering = newCpr();
    await person(t, revalidering, 4);
    for (const typeId of [71, 72, 78]) await registered(t, { cpr: revalidering, typeId, start: '2026-11-23', end: '2026-12-01' });
    await refused({ cpr: revalidering, typeId: 45, start: '2026-11-23', end: '2026-12-01' }, 'ABSENCE_TYPE_NOT_ALLOWED_FOR_CONTACT_GROUP');
  });

  it('refuses 77 in group 12', async () => {
    const cpr = newCpr();
    await person(t, cpr, 12);
    await refused({ cpr, typeId: 77, start: '2026-11-23', end: '2026-12-01' }, 'ABSENCE_TYPE_NOT_ALLOWED_FOR_CONTACT_GROUP');
  });

  it('refuses back-dating 79 and 80 more than 8 weeks, accepts exactly 8', async () => {
    const cpr = newCpr();
    await person(t, cpr, 2);
    await refused({ cpr, typeId: 79, start: '2026-09-27', end: '2026-12-01' }, 'BACKDATING_LIMIT_EXCEEDED');
    await registered(t, { cpr, typeId: 79, start: '2026-09-28', end: '2026-10-01' });
    await refused({ cpr, typeId: 80, start: '2026-09-27', end: '2026-12-01' }, 'BACKDATING_LIMIT_EXCEEDED');
    await registered(t, { cpr, typeId: 80, start: '2026-09-28', end: '2026-12-01' });
  });

  it('refuses an absence longer than its type allows', async () => {
    const cpr = newCpr();
    await person(t, cpr, 2);
    await refused({ cpr, typeId: 79, start: '2026-11-23', end: '2027-05-24' }, 'MAX_DURATION_EXCEEDED');
    await refused({ cpr, typeId: 79, start: '2026-11-23' }, 'MAX_DURATION_EXCEEDED');
    await refused({ cpr, typeId: 45, start: '2026-11-23', end: '2027-01-04' }, 'MAX_DURATION_EXCEEDED');
  });

  it('refuses 79 over 8 and 8 over 79', async () => {
    const cpr = newCpr();
    await person(t, cpr, 2);
    await registered(t, { cpr, typeId: 8, start: '2026-12-01', end: '2027-03-01' });
    await refused({ cpr, typeId: 79, start: '2026-11-23', end: '2026-12-01' }, 'ABSENCE_OVERLAP_NOT_ALLOWED');
    await registered(t, { cpr, typeId: 79, start: '2026-11-23', end: '2026-11-30' });
    await refused({ cpr, typeId: 8, start: '2026-11-01', end: '2026-11-23' }, 'ABSENCE_OVERLAP_NOT_ALLOWED');
  });

  it('refuses 77 before 2021-03-15 and accepts it from that day', async () => {
    const cpr = newCpr();
    await person(t, cpr, 1, { start: '2021-01-01' });
    t.clock.set('2021-03-10T09:00:00Z');
    try {
      await refused({ cpr, typeId: 77, start: '2021-03-14', end: '2021-03-20' }, 'ABSENCE_TYPE_NOT_YET_VALID');
      await registered(t, { cpr, typeId: 77, start: '2021-03-15', end: '2021-03-20' });
    } finally {
      t.clock.set('2026-11-23T09:00:00Z');
    }
  });

  it('refuses retired types', async () => {
    const cpr = newCpr();
    await person(t, cpr, 1);
    for (const typeId of [25, 49, 54, 58]) await refused({ cpr, typeId, start: '2026-11-23' }, 'ABSENCE_TYPE_RETIRED');
  });

  it.each([
    ['an end before the start', { typeId: 8, start: '2026-11-24', end: '2026-11-20' }, 'INVALID_DATE_RANGE'],
    ['an impossible date', { typeId: 8, start: '2026-02-29' }, 'INVALID_DATE'],
    ['an impossible end', { typeId: 8, start: '2026-11-24', end: '2026-11-31' }, 'INVALID_DATE'],
    ['a malformed date', { typeId: 8, start: '23/11/2026' }, 'INVALID_DATE'],
    ['an unknown type', { typeId: 12345, start: '2026-11-24' }, 'UNKNOWN_ABSENCE_TYPE'],
  ])('refuses %s with a typed error and writes nothing', async (_case, input, code) => {
    const cpr = newCpr();
    await person(t, cpr, 2);
    await refused({ cpr, ...input }, code);
  });
});

describe('who may register', () => {
  it('the a-kasse registers jobrettet uddannelse for its member in the whole unemployment period (002)', async () => {
    const cpr = newCpr();
    await person(t, cpr, 1, { akasse: true });
    const absence = await registered(t, { cpr, typeId: 901, start: '2026-11-23', end: '2027-01-03' }, AKASSE);
    const events = await eventsOf(t, absence.id);
    expect(events[0].authorities).toEqual({ jobcentres: ['101'], akasser: ['21'] });
    await registered(t, { cpr, typeId: 902, start: '2026-11-23', end: '2026-12-01' }, JOBCENTRE);
  });

  it('refuses 79 and 80 from an a-kasse (jobcentre only)', async () => {
    const cpr = newCpr();
    await person(t, cpr, 2, { akasse: true });
    await refused({ cpr, typeId: 79, start: '2026-11-23', end: '2026-12-01' }, 'REGISTRANT_NOT_ALLOWED', AKASSE);
    await refused({ cpr, typeId: 80, start: '2026-11-23', end: '2026-12-01' }, 'REGISTRANT_NOT_ALLOWED', AKASSE);
  });

  it.each([
    ['another jobcentre', OTHER_JOBCENTRE],
    ['an a-kasse the person was never a member of', OTHER_AKASSE],
    ['an analyst', ANALYST],
  ])('refuses %s', async (_who, as) => {
    const cpr = newCpr();
    await person(t, cpr, 1, { akasse: true });
    await refused({ cpr, typeId: 45, start: '2026-11-23', end: '2026-12-01' }, 'FORBIDDEN', as);
  });

  it('lets the system role register for repairs', async () => {
    const cpr = newCpr();
    await person(t, cpr, 2);
    const absence = await registered(t, { cpr, typeId: 79, start: '2026-11-23', end: '2026-12-01' }, SYSTEM);
    expect(absence.status).toBe('ACTIVE');
  });
});

describe('reading absences', () => {
  it('is for the person\'s jobcentre, a-kasser and the system; not another jobcentre or a-kasse, nor analysts', async () => {
    const cpr = newCpr();
    await person(t, cpr, 1, { akasse: true });
    await registered(t, { cpr, typeId: 45, start: '2026-11-23', end: '2026-12-01' });
    const query = 'query($c: String!) { person(cpr: $c) { absences { type { id } } exemptions exemptFromJoblog } }';
    for (const as of [JOBCENTRE, AKASSE, SYSTEM]) {
      const response = await t.gql<{ person: { absences: unknown[] } }>(query, { c: cpr }, as);
      expect(response.errors).toBeUndefined();
      expect(response.data!.person.absences).toEqual([{ type: { id: 45 } }]);
    }
    for (const as of [OTHER_JOBCENTRE, OTHER_AKASSE]) {
      const response = await t.gql(query, { c: cpr }, as);
      const own = (response.errors ?? []).filter((e) => ['absences', 'exemptions', 'exemptFromJoblog'].includes(String(e.path?.at(-1))));
      expect(own.map((e) => e.extensions?.code)).toEqual(expect.arrayContaining(['FORBIDDEN']));
      expect(JSON.stringify(response.data ?? {})).not.toContain('"type"');
    }
    // Analysts read absences as counts only (docs/access.md "Analysts"): no person to begin with.
    const analyst = await t.gql(query, { c: cpr }, ANALYST);
    expect(codes(analyst)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(analyst.data ?? {})).not.toContain('"type"');
  });
});
