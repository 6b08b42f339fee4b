// Issue 9: analysts see absences as counts by month, type and jobcentre, never as persons; deleted
// absences do not count, and cells under 5 are suppressed.
import { errorCodes, startTestSystem, type TestSystem } from '../../../test/support/system';
import { ANALYST, DELETE, JOBCENTRE, newCpr, ok, person, registered } from './helpers';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
});
afterAll(() => t.stop());

const COUNTS = 'query($from: String!, $to: String!, $m: String) { absencesByTypeAndMonth(from: $from, to: $to, municipalityCode: $m) { month municipalityCode type { id } count suppressed } }';
type Counts = { absencesByTypeAndMonth: { month: string; municipalityCode: string; type: { id: number }; count: number | null; suppressed: boolean }[] };

it('counts absences in force per month by type and jobcentre, without deleted ones, suppressing small cells', async () => {
  const inJob: string[] = [];
  for (let i = 0; i < 7; i++) {
    const cpr = newCpr();
    await person(t, cpr, 1);
    inJob.push((await registered(t, { cpr, typeId: 45, start: '2026-11-20', end: '2026-12-10' })).id);
  }
  for (let i = 0; i < 2; i++) {
    const cpr = newCpr();
    await person(t, cpr, 1);
    await registered(t, { cpr, typeId: 11, start: '2026-11-02', end: '2026-11-13' });
  }
  await ok(t, DELETE, { id: inJob[0], c: 'Registreret på den forkerte person.' }, JOBCENTRE);

  const { absencesByTypeAndMonth } = await ok<Counts>(t, COUNTS, { from: '2026-10', to: '2026-12', m: '101' }, ANALYST);
  expect(absencesByTypeAndMonth).toEqual([
    { month: '2026-11', municipalityCode: '101', type: { id: 11 }, count: null, suppressed: true },
    { month: '2026-11', municipalityCode: '101', type: { id: 45 }, count: 6, suppressed: false },
    { month: '2026-12', municipalityCode: '101', type: { id: 45 }, count: 6, suppressed: false },
  ]);
});

it('refuses bad months, too long a range, and every role but analysts and the system', async () => {
  expect(errorCodes(await t.gql(COUNTS, { from: '2026-13', to: '2026-12' }, ANALYST))).toEqual(['BAD_USER_INPUT']);
  expect(errorCodes(await t.gql(COUNTS, { from: '2026-05', to: '2026-01' }, ANALYST))).toEqual(['INVALID_DATE_RANGE']);
  expect(errorCodes(await t.gql(COUNTS, { from: '2020-01', to: '2026-01' }, ANALYST))).toEqual(['BAD_USER_INPUT']);
  expect(errorCodes(await t.gql(COUNTS, { from: '2026-01', to: '2026-02' }, JOBCENTRE))).toEqual(['FORBIDDEN']);
});
