// Closed data areas kept only to be deleted (DOMAIN.md "Retention"): systematic referral courses and
// 'tjek jobforslag' receipts loaded by the system role, read by the person's jobcentre and a-kasser,
// refused with nothing written when bad, and purged by retention on the day after their period.
import { eventually, startTestSystem, type TestSystem } from '../../../test/support/system';
import { AKASSE, ANALYST, JOBCENTRE, OTHER_JOBCENTRE, SYSTEM, createPerson, fails, ok, read } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2021-12-30' });
});
afterAll(() => t.stop());

const LOAD_COURSES = 'mutation($rows: [ClosedAreaRecordInput!]!) { loadSystematicReferralCourses(courses: $rows) { loaded alreadyLoaded } }';
const LOAD_RECEIPTS = 'mutation($rows: [ClosedAreaRecordInput!]!) { loadJobSuggestionCheckReceipts(receipts: $rows) { loaded alreadyLoaded } }';
const RUN = 'mutation { runRetention { kind cutoff deleted } }';
const FIELDS = 'systematicReferralCourses { id recordedOn } jobSuggestionCheckReceipts { id recordedOn }';
type Records = { systematicReferralCourses: { id: string; recordedOn: string }[]; jobSuggestionCheckReceipts: { id: string; recordedOn: string }[] };

async function deletedBy(kind: string) {
  const { runRetention } = await ok<{ runRetention: { kind: string; cutoff: string; deleted: number }[] }>(t, RUN, {}, SYSTEM);
  return runRetention.find((result) => result.kind === kind)!;
}

it('loads both areas once, and shows them to the jobcentre and the a-kasse only', async () => {
  const { cpr } = await createPerson(t, { akasse: '21' });
  const courses = [{ id: 'src-course-1', cpr, recordedOn: '2019-03-01' }];
  expect((await ok(t, LOAD_COURSES, { rows: courses }, SYSTEM)).loadSystematicReferralCourses).toEqual({ loaded: 1, alreadyLoaded: 0 });
  expect((await ok(t, LOAD_COURSES, { rows: courses }, SYSTEM)).loadSystematicReferralCourses).toEqual({ loaded: 0, alreadyLoaded: 1 });
  await ok(t, LOAD_RECEIPTS, { rows: [{ id: 'src-receipt-1', cpr, recordedOn: '2019-12-31' }] }, SYSTEM);

  const expected = { systematicReferralCourses: [{ id: 'src-course-1', recordedOn: '2019-03-01' }], jobSuggestionCheckReceipts: [{ id: 'src-receipt-1', recordedOn: '2019-12-31' }] };
  expect(await read<Records>(t, cpr, FIELDS, JOBCENTRE)).toEqual(expected);
  await eventually(async () => expect(await read<Records>(t, cpr, FIELDS, AKASSE)).toEqual(expected));
  expect(await fails(t, `query($cpr: String!) { person(cpr: $cpr) { ${FIELDS} } }`, { cpr }, OTHER_JOBCENTRE)).toContain('FORBIDDEN');
  expect(await fails(t, `query($cpr: String!) { person(cpr: $cpr) { ${FIELDS} } }`, { cpr }, ANALYST)).toContain('FORBIDDEN');
});

it('refuses a record dated on or after the closing day, an unknown person, a bad id, a load too large and any caller but the system, writing nothing', async () => {
  const { cpr } = await createPerson(t);
  const row = (id: string, recordedOn = '2019-12-31', who = cpr) => ({ id, cpr: who, recordedOn });
  const cases: [string, unknown[], unknown, string][] = [
    [LOAD_RECEIPTS, [row('r-ok'), row('r-closed', '2020-01-01')], SYSTEM, 'CLOSED_AREA_DATE_AFTER_CLOSURE'],
    [LOAD_COURSES, [row('c-closed', '2020-01-01')], SYSTEM, 'CLOSED_AREA_DATE_AFTER_CLOSURE'],
    [LOAD_COURSES, [row('c-ok'), row('c-nobody', '2019-01-01', '3112991234')], SYSTEM, 'PERSON_NOT_FOUND'],
    [LOAD_COURSES, [row('x'.repeat(65))], SYSTEM, 'INVALID_CLOSED_AREA_RECORD_ID'],
    [LOAD_COURSES, Array.from({ length: 1001 }, (_, i) => row(`bulk-${i}`)), SYSTEM, 'LOAD_TOO_LARGE'],
    [LOAD_COURSES, [row('c-jobcentre')], JOBCENTRE, 'FORBIDDEN'],
  ];
  for (const [query, rows, as, code] of cases) {
    expect(await fails(t, query, { rows }, as as typeof SYSTEM)).toEqual([code]);
  }
  expect(await read<Records>(t, cpr, FIELDS)).toEqual({ systematicReferralCourses: [], jobSuggestionCheckReceipts: [] });
});

it('deletes a systematic referral course the day after its 2 years, not before', async () => {
  const { cpr } = await createPerson(t);
  await ok(t, LOAD_COURSES, { rows: [{ id: 'course-1230', cpr, recordedOn: '2019-12-30' }, { id: 'course-1231', cpr, recordedOn: '2019-12-31' }] }, SYSTEM);
  t.clock.set('2021-12-31T09:00:00Z');
  // Counts include other tests' records: the person's own records show which went.
  expect(await deletedBy('systematic-referral-course')).toMatchObject({ cutoff: '2019-12-31' });
  expect((await read<Records>(t, cpr, FIELDS)).systematicReferralCourses).toEqual([{ id: 'course-1231', recordedOn: '2019-12-31' }]);
  t.clock.set('2022-01-01T09:00:00Z');
  expect(await deletedBy('systematic-referral-course')).toMatchObject({ cutoff: '2020-01-01' });
  expect((await read<Records>(t, cpr, FIELDS)).systematicReferralCourses).toEqual([]);
});

it("deletes a 'tjek jobforslag' receipt the day after its 6 years, not before", async () => {
  t.clock.set('2022-01-01T09:00:00Z');
  const { cpr } = await createPerson(t);
  await ok(t, LOAD_RECEIPTS, { rows: [{ id: 'receipt-0601', cpr, recordedOn: '2019-06-01' }, { id: 'receipt-0602', cpr, recordedOn: '2019-06-02' }] }, SYSTEM);
  t.clock.set('2025-06-02T09:00:00Z');
  expect(await deletedBy('job-suggestion-check-receipt')).toMatchObject({ cutoff: '2019-06-02' });
  expect((await read<Records>(t, cpr, FIELDS)).jobSuggestionCheckReceipts).toEqual([{ id: 'receipt-0602', recordedOn: '2019-06-02' }]);
  t.clock.set('2025-06-03T09:00:00Z');
  expect(await deletedBy('job-suggestion-check-receipt')).toMatchObject({ cutoff: '2019-06-03' });
  expect((await read<Records>(t, cpr, FIELDS)).jobSuggestionCheckReceipts).toEqual([]);
});
