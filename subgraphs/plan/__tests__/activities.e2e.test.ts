// Activities through the gateway: allocation frames and their dates (001 §4.2), frame 18's
// categories, updates, cancel/interrupt with a cause and the NUPH to the a-kasse, and the 2024-4
// activity types and jobrettet uddannelse registered by an a-kasse (002).
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { AKASSE, ANALYST, createPerson, eventsOf, fails, JOBCENTRE, OTHER_AKASSE, ok, planOf } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2021-03-01' });
});
afterAll(() => t.stop());

const REGISTER = 'mutation($i: RegisterActivityInput!) { registerActivity(input: $i) { id status start end frame { id } category { id name } hoursPerWeek registeredBy } }';
const UPDATE = 'mutation($i: UpdateActivityInput!) { updateActivity(input: $i) { id start end frame { id } status } }';
const CANCEL = 'mutation($i: CancelActivityInput!) { cancelActivity(input: $i) { id status endingCause { id name negativeReportableEvent } } }';
const INTERRUPT = 'mutation($i: InterruptActivityInput!) { interruptActivity(input: $i) { id status end endingCause { id } } }';

const AMU = 26;
const PLAN_REVISION = 901;
const NUPH_CAUSE = 902;

function today(date: string): void {
  t.clock.set(`${date}T09:00:00Z`);
}

async function register(cpr: string, fields: Record<string, unknown>, as: Parameters<TestSystem['gql']>[2] = JOBCENTRE): Promise<{ id: string }> {
  const { registerActivity } = await ok<{ registerActivity: { id: string } }>(t, REGISTER, { i: { cpr, ...fields } }, as);
  return registerActivity;
}

describe('allocation frames 2, 3, 12 and 13 (closed from 2021)', () => {
  it.each([2, 3, 12, 13])('frame %i takes an activity starting 2020-12-31 but none starting 2021-01-01', async (frameId) => {
    today('2021-03-01');
    const { cpr } = await createPerson(t, { contactGroupId: 1 });
    await register(cpr, { frameId, categoryId: AMU, start: '2020-12-31', end: '2021-04-30' });
    expect(await fails(t, REGISTER, { i: { cpr, frameId, categoryId: AMU, start: '2021-01-01', end: '2021-04-30' } }, JOBCENTRE)).toEqual(['ALLOCATION_FRAME_CLOSED']);
    expect((await planOf(t, cpr)).planVersions).toHaveLength(1);
  });

  it('still lets an existing activity on a closed frame be updated, but not moved to start in 2021', async () => {
    today('2021-03-01');
    const { cpr } = await createPerson(t, { contactGroupId: 1 });
    const activity = await register(cpr, { frameId: 2, categoryId: AMU, start: '2020-12-01', end: '2021-02-28' });
    const { updateActivity } = await ok<{ updateActivity: unknown }>(t, UPDATE, { i: { id: activity.id, end: '2021-05-31' } }, JOBCENTRE);
    expect(updateActivity).toEqual({ id: activity.id, start: '2020-12-01', end: '2021-05-31', frame: { id: 2 }, status: 'ACTIVE' });
    expect(await fails(t, UPDATE, { i: { id: activity.id, start: '2021-01-01' } }, JOBCENTRE)).toEqual(['ALLOCATION_FRAME_CLOSED']);
    const plan = await planOf(t, cpr);
    expect(plan.planVersions.map((v) => v.changes.map((c) => c.id))).toEqual([[902], [901]]);
  });
});

describe('allocation frame 17 (110 % dagpenge)', () => {
  it('takes activities starting 2020-08-01 to 2022-12-31 only', async () => {
    today('2022-06-01');
    const { cpr } = await createPerson(t, { contactGroupId: 1 });
    expect(await fails(t, REGISTER, { i: { cpr, frameId: 17, categoryId: AMU, start: '2020-07-31', end: '2020-09-30' } }, JOBCENTRE)).toEqual(['ALLOCATION_FRAME_NOT_VALID_ON_DATE']);
    await register(cpr, { frameId: 17, categoryId: AMU, start: '2020-08-01', end: '2020-09-30' });
    await register(cpr, { frameId: 17, categoryId: AMU, start: '2022-12-31', end: '2023-03-31' });
    expect(await fails(t, REGISTER, { i: { cpr, frameId: 17, categoryId: AMU, start: '2023-01-01', end: '2023-03-31' } }, JOBCENTRE)).toEqual(['ALLOCATION_FRAME_CLOSED']);
  });
});

describe('allocation frame 18 (mink pool)', () => {
  it('combines only with its listed categories', async () => {
    today('2025-02-01');
    const { cpr } = await createPerson(t, { contactGroupId: 1 });
    for (const categoryId of [25, 26, 27, 28, 29, 30, 36, 39, 40, 41, 45, 46, 47]) {
      await register(cpr, { frameId: 18, categoryId, start: '2025-03-01', end: '2025-04-30' });
    }
    expect(await fails(t, REGISTER, { i: { cpr, frameId: 18, categoryId: 901, start: '2025-03-01', end: '2025-04-30', hoursPerWeek: 10 } }, JOBCENTRE)).toEqual([
      'CATEGORY_NOT_ALLOWED_FOR_FRAME',
    ]);
    const { allocationFrames } = await ok<{ allocationFrames: { id: number; allowedCategories: { id: number }[] | null }[] }>(t, '{ allocationFrames { id allowedCategories { id } } }', {}, ANALYST);
    expect(allocationFrames.find((f) => f.id === 18)?.allowedCategories).toHaveLength(13);
    expect(allocationFrames.find((f) => f.id === 17)?.allowedCategories).toBeNull();
  });
});

it('refuses unknown frames and categories', async () => {
  today('2025-02-01');
  const { cpr } = await createPerson(t, { contactGroupId: 1 });
  expect(await fails(t, REGISTER, { i: { cpr, frameId: 1, categoryId: AMU, start: '2025-03-01' } }, JOBCENTRE)).toEqual(['UNKNOWN_ALLOCATION_FRAME']);
  expect(await fails(t, REGISTER, { i: { cpr, categoryId: 4711, start: '2025-03-01' } }, JOBCENTRE)).toEqual(['UNKNOWN_ACTIVITY_CATEGORY']);
  expect(await fails(t, REGISTER, { i: { cpr, categoryId: AMU, start: '2025-03-01', end: '2025-02-01' } }, JOBCENTRE)).toEqual(['INVALID_DATE_RANGE']);
  expect((await planOf(t, cpr)).planVersions).toEqual([]);
});

describe('cancelling and interrupting with a cause', () => {
  it('tells the a-kasse (NUPH) when the cause is a negative reportable event', async () => {
    today('2025-02-01');
    const { cpr, id } = await createPerson(t, { contactGroupId: 1, akasse: '21' });
    const running = await register(cpr, { frameId: 12, categoryId: AMU, start: '2020-12-01', end: '2025-12-31' });
    const { interruptActivity } = await ok<{ interruptActivity: unknown }>(t, INTERRUPT, { i: { id: running.id, causeId: NUPH_CAUSE, interruptionDate: '2025-01-31' } }, JOBCENTRE);
    expect(interruptActivity).toEqual({ id: running.id, status: 'INTERRUPTED', end: '2025-01-31', endingCause: { id: NUPH_CAUSE } });
    const [nuph] = await eventsOf(t, 'ACTIVITY_NUPH', id);
    expect(nuph.authorities).toEqual({ jobcentres: [], akasser: ['21'] });
    expect(nuph.payload).toMatchObject({ activityId: running.id, ending: 'INTERRUPTED', causeId: NUPH_CAUSE, causeName: 'Udeblevet uden gyldig grund', date: '2025-01-31', frameId: 12 });

    const planned = await register(cpr, { categoryId: AMU, start: '2025-03-01', end: '2025-03-31' });
    await ok(t, CANCEL, { i: { id: planned.id, causeId: NUPH_CAUSE } }, JOBCENTRE);
    expect((await eventsOf(t, 'ACTIVITY_NUPH', id)).map((e) => e.payload.ending)).toEqual(['INTERRUPTED', 'CANCELLED']);
    expect((await planOf(t, cpr)).planVersions.map((v) => v.changes[0].id)).toEqual([903, 901, 904, 901]);
  });

  it("makes no NUPH for 'Revision af Plan'", async () => {
    today('2025-02-01');
    const { cpr, id } = await createPerson(t, { contactGroupId: 1, akasse: '21' });
    const planned = await register(cpr, { categoryId: AMU, start: '2025-03-01', end: '2025-03-31' });
    const { cancelActivity } = await ok<{ cancelActivity: unknown }>(t, CANCEL, { i: { id: planned.id, causeId: PLAN_REVISION } }, JOBCENTRE);
    expect(cancelActivity).toEqual({ id: planned.id, status: 'CANCELLED', endingCause: { id: PLAN_REVISION, name: 'Revision af Plan', negativeReportableEvent: false } });
    expect(await eventsOf(t, 'ACTIVITY_NUPH', id)).toEqual([]);
  });

  it('never makes a NUPH for an activity on frame 18', async () => {
    today('2025-02-01');
    const { cpr, id } = await createPerson(t, { contactGroupId: 1, akasse: '21' });
    const running = await register(cpr, { frameId: 18, categoryId: 27, start: '2025-01-15', end: '2025-06-30' });
    await ok(t, INTERRUPT, { i: { id: running.id, causeId: NUPH_CAUSE, interruptionDate: '2025-02-01' } }, JOBCENTRE);
    const planned = await register(cpr, { frameId: 18, categoryId: 27, start: '2025-08-01', end: '2025-12-31' });
    await ok(t, CANCEL, { i: { id: planned.id, causeId: NUPH_CAUSE } }, JOBCENTRE);
    expect(await eventsOf(t, 'ACTIVITY_NUPH', id)).toEqual([]);
  });

  it('cancels only what has not started, interrupts only what has, within its period, and only once', async () => {
    today('2025-02-01');
    const { cpr, id } = await createPerson(t, { contactGroupId: 1, akasse: '21' });
    const running = await register(cpr, { categoryId: AMU, start: '2025-01-15', end: '2025-03-31' });
    const planned = await register(cpr, { categoryId: AMU, start: '2025-02-02', end: '2025-03-31' });
    expect(await fails(t, CANCEL, { i: { id: running.id, causeId: NUPH_CAUSE } }, JOBCENTRE)).toEqual(['ACTIVITY_ALREADY_STARTED']);
    expect(await fails(t, INTERRUPT, { i: { id: planned.id, causeId: NUPH_CAUSE, interruptionDate: '2025-02-02' } }, JOBCENTRE)).toEqual(['ACTIVITY_NOT_STARTED']);
    expect(await fails(t, INTERRUPT, { i: { id: running.id, causeId: NUPH_CAUSE, interruptionDate: '2025-04-01' } }, JOBCENTRE)).toEqual(['INTERRUPTION_DATE_OUTSIDE_ACTIVITY']);
    expect(await fails(t, INTERRUPT, { i: { id: running.id, causeId: 4711, interruptionDate: '2025-02-01' } }, JOBCENTRE)).toEqual(['UNKNOWN_CANCELLATION_CAUSE']);
    await ok(t, INTERRUPT, { i: { id: running.id, causeId: NUPH_CAUSE, interruptionDate: '2025-02-01' } }, JOBCENTRE);
    expect(await fails(t, INTERRUPT, { i: { id: running.id, causeId: NUPH_CAUSE, interruptionDate: '2025-02-01' } }, JOBCENTRE)).toEqual(['ACTIVITY_NOT_ACTIVE']);
    expect(await fails(t, UPDATE, { i: { id: running.id, end: '2025-03-01' } }, JOBCENTRE)).toEqual(['ACTIVITY_NOT_ACTIVE']);
    expect(await fails(t, CANCEL, { i: { id: '00000000-0000-4000-8000-000000000000', causeId: NUPH_CAUSE } }, JOBCENTRE)).toEqual(['ACTIVITY_NOT_FOUND']);
    expect(await eventsOf(t, 'ACTIVITY_NUPH', id)).toHaveLength(1);
  });

  it('keeps each version as it was: the history shows the activity before and after it ended', async () => {
    today('2025-02-01');
    const { cpr } = await createPerson(t, { contactGroupId: 1 });
    const planned = await register(cpr, { categoryId: AMU, start: '2025-03-01', end: '2025-03-31' });
    await ok(t, CANCEL, { i: { id: planned.id, causeId: PLAN_REVISION } }, JOBCENTRE);
    const { person } = await ok<{ person: { planVersions: { version: number; activities: { id: string; status: string }[] }[] } }>(
      t,
      'query($cpr: String!) { person(cpr: $cpr) { planVersions { version activities { id status } } } }',
      { cpr },
      JOBCENTRE,
    );
    expect(person.planVersions).toEqual([
      { version: 2, activities: [{ id: planned.id, status: 'CANCELLED' }] },
      { version: 1, activities: [{ id: planned.id, status: 'ACTIVE' }] },
    ]);
  });
});

describe('release 2024-4 activity types', () => {
  it("'Særligt tilrettelagt nytteindsats' and 'Forberedelse og jobsøgning uden for hjemmet' exist from 2024-12-08 and need weekly hours", async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 27 });
    today('2024-12-07');
    expect(await fails(t, REGISTER, { i: { cpr, categoryId: 901, start: '2025-01-06', hoursPerWeek: 20 } }, JOBCENTRE)).toEqual(['ACTIVITY_CATEGORY_NOT_YET_AVAILABLE']);
    today('2024-12-08');
    expect(await fails(t, REGISTER, { i: { cpr, categoryId: 902, start: '2025-01-06' } }, JOBCENTRE)).toEqual(['ACTIVITY_HOURS_REQUIRED']);
    const activity = await ok<{ registerActivity: unknown }>(t, REGISTER, { i: { cpr, categoryId: 901, start: '2025-01-06', hoursPerWeek: 20 } }, JOBCENTRE);
    expect(activity.registerActivity).toMatchObject({ category: { id: 901, name: 'Særligt tilrettelagt nytteindsats' }, hoursPerWeek: 20, registeredBy: '101' });
    await register(cpr, { categoryId: 902, start: '2025-01-06', hoursPerWeek: 3.3 });
    const { person } = await ok<{ person: { activities: { hoursPerWeek: number }[] } }>(t, 'query($cpr: String!) { person(cpr: $cpr) { activities { hoursPerWeek } } }', { cpr }, JOBCENTRE);
    expect(person.activities.map((a) => a.hoursPerWeek).sort((a, b) => a - b)).toEqual([3.3, 20]);
  });
});

describe("jobrettet uddannelse registered by the person's a-kasse", () => {
  it('is open to a member a-kasse from 2025-01-01 and tells both jobcentre and a-kasse', async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 1, akasse: '21' });
    const six = { cpr, categoryId: 903, start: '2025-02-03', end: '2025-03-16' };
    today('2024-12-31');
    expect(await fails(t, REGISTER, { i: six }, AKASSE)).toEqual(['REGISTRANT_NOT_ALLOWED']);
    today('2025-01-01');
    const registered = await ok<{ registerActivity: { id: string; registeredBy: string } }>(t, REGISTER, { i: six }, AKASSE);
    expect(registered.registerActivity.registeredBy).toBe('21');
    const [event] = await eventsOf(t, 'JOB_ORIENTED_EDUCATION_REGISTERED', id);
    expect(event.authorities).toEqual({ jobcentres: ['101'], akasser: ['21'] });
    expect(event.payload).toMatchObject({ activityId: registered.registerActivity.id, registeredByRole: 'akasse', registeredByAuthority: '21' });
    // The a-kasse also reads the plan it added to.
    expect((await planOf(t, cpr, AKASSE)).plan).toMatchObject({ activities: [{ id: registered.registerActivity.id, status: 'ACTIVE' }] });
  });

  it('lasts at most six weeks, and is the only activity an a-kasse may register, for its own members', async () => {
    today('2025-03-01');
    const { cpr } = await createPerson(t, { contactGroupId: 1, akasse: '21' });
    expect(await fails(t, REGISTER, { i: { cpr, categoryId: 903, start: '2025-04-01', end: '2025-05-13' } }, AKASSE)).toEqual(['ACTIVITY_DURATION_EXCEEDED']);
    expect(await fails(t, REGISTER, { i: { cpr, categoryId: AMU, start: '2025-04-01', end: '2025-05-12' } }, AKASSE)).toEqual(['REGISTRANT_NOT_ALLOWED']);
    expect(await fails(t, REGISTER, { i: { cpr, categoryId: 903, start: '2025-04-01', end: '2025-05-12' } }, OTHER_AKASSE)).toEqual(['FORBIDDEN']);
    const jobcentres = await register(cpr, { categoryId: AMU, start: '2025-04-01', end: '2025-05-12' });
    expect(await fails(t, CANCEL, { i: { id: jobcentres.id, causeId: PLAN_REVISION } }, AKASSE)).toEqual(['REGISTRANT_NOT_ALLOWED']);
    const own = await register(cpr, { categoryId: 903, start: '2025-04-01', end: '2025-05-12' }, AKASSE);
    await ok(t, CANCEL, { i: { id: own.id, causeId: PLAN_REVISION } }, AKASSE);
  });

  it('registered by the jobcentre also tells the a-kasse, which decides on the six weeks', async () => {
    today('2025-03-01');
    const { cpr, id } = await createPerson(t, { contactGroupId: 1, akasse: '21' });
    await register(cpr, { categoryId: 903, start: '2025-04-01', end: '2025-05-12' });
    const [event] = await eventsOf(t, 'JOB_ORIENTED_EDUCATION_REGISTERED', id);
    expect(event.authorities).toEqual({ jobcentres: ['101'], akasser: ['21'] });
    expect(event.payload).toMatchObject({ registeredByRole: 'caseworker', registeredByAuthority: '101' });
    await register(cpr, { categoryId: AMU, start: '2025-04-01', end: '2025-05-12' });
    expect(await eventsOf(t, 'JOB_ORIENTED_EDUCATION_REGISTERED', id)).toHaveLength(1);
  });
});
