// Who the work obligation reaches (002) through the gateway: facts recorded by the jobcentre, the
// coverage read over dates on both sides of each rule's day, hours counted only while covered, the
// event and who hears it, and bad input refused with nothing written.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { AKASSE, createPerson, eventsOf, fails, JOBCENTRE, ok, OTHER_JOBCENTRE, planOrm, SYSTEM } from './support';
import { WorkObligationFactsRecord } from '../entities/WorkObligationFactsRecord';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2024-12-10' });
});
afterAll(() => t.stop());

const RECORD = 'mutation($i: WorkObligationFactsInput!) { recordWorkObligationFacts(input: $i) { id validFrom benefitType { id name } residenceYears fullTimeEmploymentYears entryYear ukraineSpecialAct recordedBy } }';
const COVERAGE = 'query($cpr: String!, $from: Date!, $to: Date!) { person(cpr: $cpr) { workObligationCoverage(from: $from, to: $to) { start end covered reason } } }';
const CASH_BENEFIT = { benefitTypeId: 901, residenceYears: 5, fullTimeEmploymentYears: 1, entryYear: 2015 };

async function coverage(cpr: string, from: string, to: string) {
  return (await ok<{ person: { workObligationCoverage: unknown[] } }>(t, COVERAGE, { cpr, from, to }, JOBCENTRE)).person.workObligationCoverage;
}

async function record(cpr: string, facts: Record<string, unknown>) {
  return ok<{ recordWorkObligationFacts: Record<string, unknown> }>(t, RECORD, { i: { cpr, validFrom: '2024-12-01', ...facts } }, JOBCENTRE);
}

it('records the facts, tells the jobcentre only, and reads them back', async () => {
  const { id, cpr } = await createPerson(t, { contactGroupId: 2, akasse: '21' });
  const { recordWorkObligationFacts } = await record(cpr, CASH_BENEFIT);
  expect(recordWorkObligationFacts).toMatchObject({
    validFrom: '2024-12-01',
    benefitType: { id: 901, name: 'Kontanthjælp eller uddannelseshjælp' },
    residenceYears: 5,
    fullTimeEmploymentYears: 1,
    entryYear: 2015,
    ukraineSpecialAct: false,
    recordedBy: '101',
  });
  const [event] = await eventsOf(t, 'WORK_OBLIGATION_FACTS_RECORDED', id);
  expect(event.payload).toMatchObject({ validFrom: '2024-12-01', benefitTypeId: 901, covered: false, reason: 'BEFORE_WORK_OBLIGATION' });
  expect(event.authorities).toEqual({ jobcentres: ['101'], akasser: [] });
  const read = await ok<{ person: { workObligationFacts: unknown[] } }>(t, 'query($cpr: String!) { person(cpr: $cpr) { workObligationFacts { benefitType { id } } } }', { cpr }, AKASSE);
  expect(read.person.workObligationFacts).toEqual([{ benefitType: { id: 901 } }]);
});

it('covers a cash-benefit recipient meeting neither requirement from 2025-01-01, not on 2024-12-31', async () => {
  const { cpr } = await createPerson(t, { contactGroupId: 2 });
  await record(cpr, CASH_BENEFIT);
  expect(await coverage(cpr, '2024-12-31', '2025-01-01')).toEqual([
    { start: '2024-12-31', end: '2024-12-31', covered: false, reason: 'BEFORE_WORK_OBLIGATION' },
    { start: '2025-01-01', end: '2025-01-01', covered: true, reason: 'RESIDENCE_AND_EMPLOYMENT_REQUIREMENTS_NOT_MET' },
  ]);
});

it('covers a recipient failing either requirement, leaves out one meeting both (9 years in the realm, 2½ of full-time work)', async () => {
  const cases: [Record<string, number>, boolean, string][] = [
    [{ residenceYears: 9, fullTimeEmploymentYears: 2.5 }, false, 'RESIDENCE_AND_EMPLOYMENT_REQUIREMENTS_MET'],
    [{ residenceYears: 8.9, fullTimeEmploymentYears: 2.5 }, true, 'RESIDENCE_REQUIREMENT_NOT_MET'],
    [{ residenceYears: 9, fullTimeEmploymentYears: 2.4 }, true, 'EMPLOYMENT_REQUIREMENT_NOT_MET'],
    [{ residenceYears: 8.9, fullTimeEmploymentYears: 2.4 }, true, 'RESIDENCE_AND_EMPLOYMENT_REQUIREMENTS_NOT_MET'],
  ];
  for (const [years, covered, reason] of cases) {
    const { cpr } = await createPerson(t, { contactGroupId: 2 });
    await record(cpr, { ...CASH_BENEFIT, ...years });
    expect(await coverage(cpr, '2025-02-01', '2025-02-01')).toEqual([{ start: '2025-02-01', end: '2025-02-01', covered, reason }]);
  }
});

it('covers the minimum rate from 2025-07-01 for an entry in 1968, not on 2025-06-30, and never for an entry in 1967', async () => {
  const entered1968 = await createPerson(t, { contactGroupId: 2, cpr: '0101551235' });
  await record(entered1968.cpr, { benefitTypeId: 904, residenceYears: 10, fullTimeEmploymentYears: 0, entryYear: 1968 });
  expect(await coverage(entered1968.cpr, '2025-06-30', '2025-07-01')).toEqual([
    { start: '2025-06-30', end: '2025-06-30', covered: false, reason: 'BENEFIT_NOT_YET_COVERED' },
    { start: '2025-07-01', end: '2025-07-01', covered: true, reason: 'MINIMUM_OR_HOME_LIVING_RATE_ENTERED_1968_OR_LATER' },
  ]);
  const entered1967 = await createPerson(t, { contactGroupId: 2, cpr: '0101501234' });
  await record(entered1967.cpr, { benefitTypeId: 905, residenceYears: 10, fullTimeEmploymentYears: 0, entryYear: 1967 });
  expect(await coverage(entered1967.cpr, '2025-07-01', '2026-12-31')).toEqual([{ start: '2025-07-01', end: '2026-12-31', covered: false, reason: 'ENTERED_BEFORE_1968' }]);
});

it('never covers a person displaced under the Ukraine special act, and counts no hours for them', async () => {
  const { cpr } = await createPerson(t, { contactGroupId: 27 });
  await record(cpr, { benefitTypeId: 902, residenceYears: 2, fullTimeEmploymentYears: 0, entryYear: 2022, ukraineSpecialAct: true });
  expect(await coverage(cpr, '2024-12-01', '2026-12-31')).toEqual([
    { start: '2024-12-01', end: '2024-12-31', covered: false, reason: 'BEFORE_WORK_OBLIGATION' },
    { start: '2025-01-01', end: '2026-12-31', covered: false, reason: 'UKRAINE_SPECIAL_ACT' },
  ]);
  await ok(t, 'mutation($i: RegisterActivityInput!) { registerActivity(input: $i) { id } }', { i: { cpr, categoryId: 901, start: '2025-01-06', end: '2025-01-31', hoursPerWeek: 20 } }, JOBCENTRE);
  const week = await ok<{ person: { workObligationHours: unknown } }>(t, 'query($cpr: String!) { person(cpr: $cpr) { workObligationHours(week: "2025-W02") { covered countedHours } } }', { cpr }, JOBCENTRE);
  expect(week.person.workObligationHours).toEqual({ covered: false, countedHours: 0 });
});

it('counts hours from the week new facts put the person under the obligation', async () => {
  const { cpr } = await createPerson(t, { contactGroupId: 26 });
  await record(cpr, { benefitTypeId: 906, residenceYears: 3, fullTimeEmploymentYears: 0, entryYear: 2019 });
  await record(cpr, { benefitTypeId: 903, residenceYears: 3, fullTimeEmploymentYears: 0, entryYear: 2019, validFrom: '2025-01-13' });
  await ok(t, 'mutation($i: RegisterActivityInput!) { registerActivity(input: $i) { id } }', { i: { cpr, categoryId: 901, start: '2025-01-06', end: '2025-01-31', hoursPerWeek: 20 } }, JOBCENTRE);
  const hours = async (week: string) =>
    (await ok<{ person: { workObligationHours: unknown } }>(t, 'query($cpr: String!, $w: String!) { person(cpr: $cpr) { workObligationHours(week: $w) { covered countedHours } } }', { cpr, w: week }, JOBCENTRE)).person.workObligationHours;
  expect(await hours('2025-W02')).toEqual({ covered: false, countedHours: 0 });
  expect(await hours('2025-W03')).toEqual({ covered: true, countedHours: 20 });
  expect(await coverage(cpr, '2025-01-12', '2025-01-13')).toEqual([
    { start: '2025-01-12', end: '2025-01-12', covered: false, reason: 'OUTSIDE_CASH_BENEFIT_SYSTEM' },
    { start: '2025-01-13', end: '2025-01-13', covered: true, reason: 'TRANSITION_BENEFIT' },
  ]);
});

it('refuses bad facts with a typed error, writing nothing (a malformed date with HTTP 400 before any rule runs)', async () => {
  const { id, cpr } = await createPerson(t, { contactGroupId: 2 });
  const bad: [Record<string, unknown>, string][] = [
    [{ benefitTypeId: 2 }, 'UNKNOWN_CASH_BENEFIT_TYPE'],
    [{ residenceYears: 11 }, 'INVALID_REQUIREMENT_YEARS'],
    [{ fullTimeEmploymentYears: -0.5 }, 'INVALID_REQUIREMENT_YEARS'],
    [{ entryYear: 1980 }, 'INVALID_ENTRY_YEAR'],
    [{ validFrom: '2025-12-11' }, 'WORK_OBLIGATION_FACTS_TOO_FAR_AHEAD'],
  ];
  for (const [facts, code] of bad) {
    expect(await fails(t, RECORD, { i: { cpr, validFrom: '2024-12-01', ...CASH_BENEFIT, ...facts } }, JOBCENTRE)).toEqual([code]);
  }
  const malformed = await t.gql(RECORD, { i: { cpr, ...CASH_BENEFIT, validFrom: '2025-02-30' } }, JOBCENTRE);
  expect([malformed.status, malformed.errors?.map((e) => e.extensions?.code)]).toEqual([400, ['INVALID_DATE']]);
  expect(await planOrm(t).em.fork().count(WorkObligationFactsRecord, { personId: id })).toBe(0);
});

it("lets only the person's jobcentre and the system role record facts", async () => {
  const { cpr } = await createPerson(t, { contactGroupId: 2, akasse: '21' });
  const input = { i: { cpr, validFrom: '2024-12-01', ...CASH_BENEFIT } };
  expect(await fails(t, RECORD, input, OTHER_JOBCENTRE)).toEqual(['FORBIDDEN']);
  expect(await fails(t, RECORD, input, AKASSE)).toEqual(['FORBIDDEN']);
  await ok(t, RECORD, input, SYSTEM);
  expect(await fails(t, COVERAGE, { cpr, from: '2025-01-01', to: '2025-01-02' }, OTHER_JOBCENTRE)).toEqual(['FORBIDDEN']);
});
