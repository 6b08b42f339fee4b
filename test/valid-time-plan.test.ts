// Valid time in Min plan through the gateway (issue 18): the same person read with
// person(cpr:, asOf:) the day before, on and after a dated fact. A change to contact group 10
// back-dated to 2026-11-16 and recorded on 2026-11-30 writes version 82 in force from 11-16 (its
// event carries 11-16); an activity planned ahead is scheduled, then in force, then over; allocation
// frames are open by the day asked; an activity starting more than 12 months ahead is refused.
import { changeGroup, createPerson, eventsOf, fails, JOBCENTRE, ok, planOrm } from '../subgraphs/plan/__tests__/support';
import { Activity } from '../subgraphs/plan/entities/Activity';
import { eventually, startTestSystem, type TestSystem } from './support/system';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-02' });
});
afterAll(() => t.stop());

const SET = 'mutation($i: JobSearchRequirementsInput!) { setJobSearchRequirements(input: $i) { version } }';
const REGISTER = 'mutation($i: RegisterActivityInput!) { registerActivity(input: $i) { id } }';
const AMU = 26;

interface PlanView {
  plan: { version: number; effectiveOn: string; changes: { id: number }[]; jobSearchRequirements: { otherRequirements: string } | null } | null;
  planVersions: { version: number }[];
  activities: { id: string; inForce: boolean; scheduled: boolean }[];
}

async function asOf(cpr: string, day: string | null): Promise<PlanView> {
  const query = `query($cpr: String!, $asOf: Date) { person(cpr: $cpr, asOf: $asOf) {
    plan { version effectiveOn changes { id } jobSearchRequirements { otherRequirements } }
    planVersions { version }
    activities { id inForce scheduled }
  } }`;
  return (await ok<{ person: PlanView }>(t, query, { cpr, asOf: day }, JOBCENTRE)).person;
}

describe('a change to contact group 10 back-dated to 2026-11-16, recorded on 2026-11-30', () => {
  let cpr: string;
  let id: string;
  beforeAll(async () => {
    ({ cpr, id } = await createPerson(t, { contactGroupId: 7, start: '2026-01-01' }));
    await ok(t, SET, { i: { cpr, otherRequirements: 'Søg 3 fleksjob om ugen.' } }, JOBCENTRE); // version 1, 2026-11-02
    t.clock.set('2026-11-30T09:00:00Z');
    await changeGroup(t, cpr, 10, '2026-11-16');
    await eventually(async () => expect((await asOf(cpr, null)).plan?.version).toBe(2));
  });
  afterAll(() => t.clock.set('2026-11-02T09:00:00Z'));

  it('as of the day before the change, the requirements of version 1 are in force', async () => {
    const before = await asOf(cpr, '2026-11-15');
    expect(before.plan).toEqual({ version: 1, effectiveOn: '2026-11-02', changes: [{ id: 26 }], jobSearchRequirements: { otherRequirements: 'Søg 3 fleksjob om ugen.' } });
    expect(before.planVersions).toEqual([{ version: 1 }]);
  });

  it('as of the change day and after, version 2 (code 82) is in force: no requirements', async () => {
    for (const day of ['2026-11-16', '2026-11-17', null]) {
      const person = await asOf(cpr, day);
      expect(person.plan).toEqual({ version: 2, effectiveOn: '2026-11-16', changes: [{ id: 82 }], jobSearchRequirements: null });
      expect(person.planVersions).toEqual([{ version: 2 }, { version: 1 }]);
    }
  });

  it('as of a day before the first version, there is no plan', async () => {
    expect(await asOf(cpr, '2026-11-01')).toMatchObject({ plan: null, planVersions: [] });
  });

  it('the version 82 event carries the change start as the day it takes effect', async () => {
    await eventually(async () => {
      const events = await eventsOf(t, 'PLAN_VERSION_CREATED', id);
      expect(events.map((e) => [e.payload.changeCodes, e.effectiveDate])).toEqual([
        [[26], '2026-11-02'],
        [[82], '2026-11-16'],
      ]);
    });
  });
});

describe('an activity planned ahead', () => {
  it('is scheduled the day before its start, in force from its start through its end, and neither after', async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 2, start: '2026-01-01' });
    const { registerActivity } = await ok<{ registerActivity: { id: string } }>(t, REGISTER, { i: { cpr, categoryId: AMU, start: '2026-12-07', end: '2026-12-18' } }, JOBCENTRE);
    const state = async (day: string | null) => (await asOf(cpr, day)).activities.find((a) => a.id === registerActivity.id);
    expect(await state(null)).toMatchObject({ inForce: false, scheduled: true });
    expect(await state('2026-12-06')).toMatchObject({ inForce: false, scheduled: true });
    expect(await state('2026-12-07')).toMatchObject({ inForce: true, scheduled: false });
    expect(await state('2026-12-18')).toMatchObject({ inForce: true, scheduled: false });
    expect(await state('2026-12-19')).toMatchObject({ inForce: false, scheduled: false });
  });

  it('starts at most 12 months ahead: a later start is refused and nothing is written', async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 2, start: '2026-01-01' });
    expect(await fails(t, REGISTER, { i: { cpr, categoryId: AMU, start: '2027-11-03', end: '2027-12-17' } }, JOBCENTRE)).toEqual(['ACTIVITY_START_TOO_FAR_AHEAD']);
    expect(await planOrm(t).em.fork().count(Activity, { personId: id })).toBe(0);
    await ok(t, REGISTER, { i: { cpr, categoryId: AMU, start: '2027-11-02', end: '2027-12-17' } }, JOBCENTRE);
  });
});

describe('allocation frames on the day asked', () => {
  it('frame 17 (110 % dagpenge) is open for activities starting on a day in 2020-08-01 to 2022-12-31 only', async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 2, start: '2026-01-01' });
    const query = 'query($cpr: String!, $asOf: Date) { person(cpr: $cpr, asOf: $asOf) { id } allocationFrames { id open } }';
    const open = async (day: string | null) =>
      (await ok<{ allocationFrames: { id: number; open: boolean }[] }>(t, query, { cpr, asOf: day }, JOBCENTRE)).allocationFrames.find((f) => f.id === 17)?.open;
    expect(await open(null)).toBe(false);
    expect(await open('2020-07-31')).toBe(false);
    expect(await open('2020-08-01')).toBe(true);
    expect(await open('2022-12-31')).toBe(true);
    expect(await open('2023-01-01')).toBe(false);
  });
});
