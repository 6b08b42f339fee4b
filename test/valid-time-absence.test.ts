// Issue 18 on absences, through the gateway as a caseworker and an analyst use it, with the person
// subgraph's contact-group changes dated today or back (the future-dated flow, whose events the
// person subgraph now sends on the day, is covered at the absence consumers:
// subgraphs/absence/__tests__/valid-time.e2e.test.ts). An absence is checked on its own start;
// dates reaching over a change already in force meet its rules at once, dated the change's day;
// `person(cpr:, asOf:)` shows each absence's status and the exemptions as they were on that day;
// history shows recorded time and valid time; 45 carries the middle CV level; the monthly counts
// are of what was in force.
import { ANALYST, JOBCENTRE, ok } from './support/callers';
import { errorCodes, startTestSystem, type TestSystem } from './support/system';
import { changeGroup, newCpr, person, register, registered } from '../subgraphs/absence/__tests__/helpers';

const TODAY = '2026-11-30';
let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: TODAY });
});
afterAll(() => t.stop());

interface AsOfView {
  person: { absences: { id: string; status: string; end: string | null }[]; exemptions: string[]; exemptFromJoblog: boolean };
}
const AS_OF = 'query($c: String!, $d: Date) { person(cpr: $c, asOf: $d) { absences { id status end } exemptions exemptFromJoblog } }';
const asOf = (cpr: string, day: string | null) => ok<AsOfView>(t, AS_OF, { c: cpr, d: day }, JOBCENTRE);

describe('a 79 registered back over a change to dagpenge (1) already in force since 2026-11-20', () => {
  let cpr: string;
  let sorrowId: string;
  beforeAll(async () => {
    cpr = newCpr();
    await person(t, cpr, 2, { start: '2026-01-05' });
    await changeGroup(t, cpr, 1, '2026-11-20');
  });

  it('is checked on its start (kontanthjælp: allowed) and ended from the change at once', async () => {
    const sorrow = await registered(t, { cpr, typeId: 79, start: '2026-11-01', end: '2026-12-31' });
    sorrowId = sorrow.id;
    expect(sorrow).toMatchObject({ status: 'ENDED', end: '2026-11-19' });
  });

  it('reads as it was on a day before the change, and as it is today', async () => {
    const before = await asOf(cpr, '2026-11-15');
    expect(before.person.absences).toEqual([{ id: sorrowId, status: 'ACTIVE', end: '2026-11-19' }]);
    expect(before.person.exemptions).toContain('CV');
    expect(before.person.exemptFromJoblog).toBe(true);
    const today = await asOf(cpr, null);
    expect(today.person.absences).toEqual([{ id: sorrowId, status: 'ENDED', end: '2026-11-19' }]);
    expect(today.person).toMatchObject({ exemptions: [], exemptFromJoblog: false });
  });

  it('keeps recorded time and valid time in its history', async () => {
    const { person: p } = await ok<{ person: { absences: { history: { kind: string; recordedAt: string; effectiveDate: string }[] }[] } }>(
      t, 'query($c: String!) { person(cpr: $c) { absences { history { kind recordedAt effectiveDate } } } }', { c: cpr }, JOBCENTRE);
    expect(p.absences[0].history).toEqual([
      { kind: 'ABSENCE_REGISTERED', recordedAt: '2026-11-30T09:00:00.000Z', effectiveDate: '2026-11-01' },
      { kind: 'ABSENCE_ENDED', recordedAt: '2026-11-30T09:00:00.000Z', effectiveDate: '2026-11-20' },
    ]);
  });

  it('is refused starting on the change\'s day, naming the group and the day', async () => {
    const response = await register(t, { cpr, typeId: 79, start: '2026-11-20', end: '2026-12-31' });
    expect(errorCodes(response)).toEqual(['ABSENCE_TYPE_NOT_ALLOWED_FOR_CONTACT_GROUP']);
    expect(response.errors![0].message).toMatch(/2026-11-20.*contact group 1/);
  });

  it('moves a 901 (group 1 only) onto the change\'s day, not before it', async () => {
    const training = await registered(t, { cpr, typeId: 901, start: '2026-11-25', end: '2026-12-10' });
    const UPDATE = 'mutation($i: UpdateAbsenceInput!) { updateAbsence(input: $i) { start status } }';
    expect(errorCodes(await t.gql(UPDATE, { i: { id: training.id, start: '2026-11-19' } }, JOBCENTRE))).toEqual(['ABSENCE_TYPE_NOT_ALLOWED_FOR_CONTACT_GROUP']);
    expect(await ok(t, UPDATE, { i: { id: training.id, start: '2026-11-20' } }, JOBCENTRE)).toEqual({ updateAbsence: { start: '2026-11-20', status: 'ACTIVE' } });
  });
});

it('reads a 79 held on sick benefits (25) and taken back into force as it was on each day', async () => {
  const cpr = newCpr();
  await person(t, cpr, 2, { start: '2026-01-05' });
  const sorrow = await registered(t, { cpr, typeId: 79, start: '2026-11-01', end: '2027-01-31' });
  await changeGroup(t, cpr, 25, '2026-11-10');
  await changeGroup(t, cpr, 2, '2026-11-20');
  const statusOn = async (day: string) => (await asOf(cpr, day)).person;
  expect(await statusOn('2026-11-09')).toMatchObject({ absences: [{ id: sorrow.id, status: 'ACTIVE' }], exemptFromJoblog: true });
  expect(await statusOn('2026-11-10')).toMatchObject({ absences: [{ id: sorrow.id, status: 'ON_HOLD' }], exemptions: [], exemptFromJoblog: false });
  expect(await statusOn('2026-11-19')).toMatchObject({ absences: [{ id: sorrow.id, status: 'ON_HOLD' }], exemptions: [] });
  expect(await statusOn('2026-11-20')).toMatchObject({ absences: [{ id: sorrow.id, status: 'ACTIVE' }], exemptFromJoblog: true });
  expect(await statusOn('2026-10-31')).toMatchObject({ absences: [{ id: sorrow.id, status: 'PLANNED' }], exemptions: [] });
});

it('exemptions(on:) still answers for the day it names, whatever day the person is read as of', async () => {
  const cpr = newCpr();
  await person(t, cpr, 2, { start: '2026-01-05' });
  await registered(t, { cpr, typeId: 79, start: '2026-11-01', end: '2026-11-15' });
  const { person: p } = await ok<{ person: { named: string[]; read: string[] } }>(
    t, 'query($c: String!) { person(cpr: $c, asOf: "2026-11-20") { named: exemptions(on: "2026-11-10") read: exemptions } }', { c: cpr }, JOBCENTRE);
  expect(p.named).toContain('CV');
  expect(p.read).toEqual([]);
});

it('45 on a person who must keep a searchable CV: registered, not searchable (003 middle level); 77 never', async () => {
  const CV = 'query($c: String!) { person(cpr: $c) { cvRequirement exemptions } }';
  const onTheWayToJob = newCpr();
  await person(t, onTheWayToJob, 1, { start: '2026-01-05' });
  expect((await ok<{ person: { cvRequirement: string } }>(t, CV, { c: onTheWayToJob }, JOBCENTRE)).person.cvRequirement).toBe('SEARCHABLE');
  await registered(t, { cpr: onTheWayToJob, typeId: 45, start: TODAY, end: '2026-12-31' });
  expect((await ok(t, CV, { c: onTheWayToJob }, JOBCENTRE)).person).toEqual({ cvRequirement: 'REGISTER_NOT_SEARCHABLE', exemptions: ['CV_SEARCHABLE', 'CONTACT_COURSE', 'RIGHT_DUTY_OFFERS', 'OFFERS'] });

  const toVocationalEducation = newCpr();
  await person(t, toVocationalEducation, 1, { start: '2026-01-05' });
  await registered(t, { cpr: toVocationalEducation, typeId: 77, start: TODAY, end: '2026-12-31' });
  expect((await ok<{ person: { cvRequirement: string } }>(t, CV, { c: toVocationalEducation }, JOBCENTRE)).person.cvRequirement).toBe('SEARCHABLE');

  const { absenceTypes } = await ok<{ absenceTypes: { id: number; exemptions: string[] }[] }>(t, '{ absenceTypes { id exemptions } }', {}, JOBCENTRE);
  expect(absenceTypes.filter((type) => type.exemptions.includes('CV_SEARCHABLE')).map((type) => type.id)).toEqual([43, 44, 45, 46]);
});

it('counts an absence in the months it was in force: not after its hold, never when ended before it started', async () => {
  const held = newCpr();
  await person(t, held, 1, { start: '2026-01-05' });
  await registered(t, { cpr: held, typeId: 65, start: '2026-09-01', end: null });
  await changeGroup(t, held, 25, '2026-10-15'); // held from 2026-10-15
  const neverInForce = newCpr();
  await person(t, neverInForce, 1, { start: '2026-01-05' });
  await registered(t, { cpr: neverInForce, typeId: 65, start: '2026-12-01', end: null });
  await changeGroup(t, neverInForce, 2, '2026-11-25'); // ended before it started

  const COUNTS = 'query { absencesByTypeAndMonth(from: "2026-09", to: "2026-12", municipalityCode: "101") { month type { id } } }';
  const { absencesByTypeAndMonth } = await ok<{ absencesByTypeAndMonth: { month: string; type: { id: number } }[] }>(t, COUNTS, {}, ANALYST);
  expect(absencesByTypeAndMonth.filter((row) => row.type.id === 65).map((row) => row.month)).toEqual(['2026-09', '2026-10']);
});
