// The jobcentre's view: ISO weeks with EEA benefits (supplementary dagpenge) per person, from the
// periods and their interruptions, within a window of at most two years.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { AKASSE, fails, INTERRUPT, JOBCENTRE, newCpr, ok, person, reported } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

/** A fresh person of jobcentre 101 and a-kasse 21. */
async function createPerson() {
  const cpr = newCpr();
  await person(t, cpr);
  return { cpr };
}

const COVERAGE = 'query($cpr: String!, $from: Date, $to: Date) { person(cpr: $cpr) { eeaCoverage(from: $from, to: $to) { week firstDay lastDay coveredDays countries paymentIds } } }';

async function weeks(cpr: string, from?: string, to?: string) {
  const { person } = await ok<{ person: { eeaCoverage: { week: string; coveredDays: number; countries: string[]; paymentIds: string[] }[] } }>(t, COVERAGE, { cpr, from, to }, JOBCENTRE);
  return person.eeaCoverage;
}

it('lists each ISO week a period touches, with its covered days and country', async () => {
  const { cpr } = await createPerson();
  const { paymentId } = await reported(t, cpr, { start: '2026-01-29', end: '2026-02-10', country: 'NO' });
  expect(await weeks(cpr, '2026-01-01', '2026-12-31')).toEqual([
    { week: '2026-W05', firstDay: '2026-01-26', lastDay: '2026-02-01', coveredDays: 4, countries: ['NO'], paymentIds: [paymentId] },
    { week: '2026-W06', firstDay: '2026-02-02', lastDay: '2026-02-08', coveredDays: 7, countries: ['NO'], paymentIds: [paymentId] },
    { week: '2026-W07', firstDay: '2026-02-09', lastDay: '2026-02-15', coveredDays: 2, countries: ['NO'], paymentIds: [paymentId] },
  ]);
});

it('stops the day before an interruption date', async () => {
  const { cpr } = await createPerson();
  const { paymentId } = await reported(t, cpr, { start: '2026-10-01', end: '2026-12-31' });
  await ok(t, INTERRUPT, { i: { paymentId, interruptionDate: '2026-10-14', causeId: 1 } }, AKASSE);
  expect((await weeks(cpr, '2026-09-01', '2027-08-31')).map((w) => [w.week, w.coveredDays])).toEqual([
    ['2026-W40', 4],
    ['2026-W41', 7],
    ['2026-W42', 2],
  ]);
});

it('names both countries of a week two periods share, and clips to the window', async () => {
  const { cpr } = await createPerson();
  await reported(t, cpr, { start: '2026-10-01', end: '2026-10-07', country: 'SE' });
  await reported(t, cpr, { start: '2026-10-08', end: '2026-10-31', country: 'DE' });
  const found = await weeks(cpr, '2026-10-06', '2026-10-13');
  expect(found.map((w) => [w.week, w.coveredDays, w.countries])).toEqual([
    ['2026-W41', 6, ['DE', 'SE']],
    ['2026-W42', 2, ['DE']],
  ]);
});

it('defaults to the year before and after today, and refuses a window over two years or backwards', async () => {
  const { cpr } = await createPerson();
  await reported(t, cpr, { start: '2024-01-01', end: '2024-01-31' });
  await reported(t, cpr, { start: '2026-10-01', end: '2026-10-04' });
  expect((await weeks(cpr)).map((w) => w.week)).toEqual(['2026-W40']);
  // From 2024-01-01 (a Monday) alone the window runs to 2025-12-31: January 2024 only.
  expect((await weeks(cpr, '2024-01-01')).map((w) => w.week)).toEqual(['2024-W01', '2024-W02', '2024-W03', '2024-W04', '2024-W05']);
  expect(await fails(t, COVERAGE, { cpr, from: '2024-01-01', to: '2026-01-01' }, JOBCENTRE)).toEqual(['EEA_COVERAGE_RANGE_TOO_LONG']);
  expect(await fails(t, COVERAGE, { cpr, from: '2026-01-02', to: '2026-01-01' }, JOBCENTRE)).toEqual(['INVALID_DATE_RANGE']);
});
