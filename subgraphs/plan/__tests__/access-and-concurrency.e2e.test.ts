// Who may read and change a Min plan (docs/subgraphs/plan.md, access matrix), and version numbers
// without gaps or duplicates when many writers change one person's plan at the same moment.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { AKASSE, ANALYST, createPerson, eventsOf, fails, JOBCENTRE, OTHER_AKASSE, OTHER_JOBCENTRE, ok, planOf, SYSTEM } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2025-03-01' });
});
afterAll(() => t.stop());

const SET = 'mutation($i: JobSearchRequirementsInput!) { setJobSearchRequirements(input: $i) { version } }';
const GOALS = 'mutation($i: PlanGoalsInput!) { setPlanGoals(input: $i) { version } }';
const REGISTER = 'mutation($i: RegisterActivityInput!) { registerActivity(input: $i) { id } }';
const READ = 'query($cpr: String!) { person(cpr: $cpr) { plan { version } planVersions { version } activities { id } workObligationHours(week: "2025-W10") { countedHours } } }';

describe('reading', () => {
  it("is for the person's jobcentre, the person's a-kasser and the system role; never analysts", async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 7, akasse: '21' });
    await ok(t, SET, { i: { cpr, otherRequirements: 'Søg.' } }, JOBCENTRE);
    expect(await fails(t, READ, { cpr }, ANALYST)).toEqual(['FORBIDDEN']);
    for (const caller of [JOBCENTRE, AKASSE, SYSTEM]) {
      expect((await ok<{ person: { plan: unknown } }>(t, READ, { cpr }, caller)).person.plan).toEqual({ version: 1 });
    }
    const fields = ['plan { version }', 'planVersions { version }', 'activities { id }', 'workObligationHours(week: "2025-W10") { countedHours }'];
    for (const caller of [OTHER_JOBCENTRE, OTHER_AKASSE]) {
      for (const field of fields) {
        const response = await t.gql<{ person: Record<string, unknown> | null }>(`query($cpr: String!) { person(cpr: $cpr) { ${field} } }`, { cpr }, caller);
        expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(Object.values(response.data?.person ?? {}).filter((v) => v !== null)).toEqual([]);
      }
    }
  });

  it('code lists are open to every role', async () => {
    for (const caller of [JOBCENTRE, AKASSE, ANALYST, SYSTEM]) {
      const data = await ok<{ allocationFrames: unknown[]; activityCategories: unknown[]; activityCancellationCauses: unknown[] }>(
        t,
        '{ allocationFrames { id } activityCategories { id } activityCancellationCauses { id } }',
        {},
        caller,
      );
      expect(data.allocationFrames.length).toBeGreaterThan(0);
      expect(data.activityCategories.length).toBeGreaterThan(0);
      expect(data.activityCancellationCauses.length).toBeGreaterThan(0);
    }
  });
});

describe('writing', () => {
  it('analysts never write', async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 7, akasse: '21' });
    expect(await fails(t, SET, { i: { cpr, otherRequirements: 'Søg.' } }, ANALYST)).toEqual(['FORBIDDEN']);
    expect(await fails(t, GOALS, { i: { cpr, jobGoal: { code: '5', level: 1 } } }, ANALYST)).toEqual(['FORBIDDEN']);
    expect(await fails(t, REGISTER, { i: { cpr, categoryId: 26, start: '2025-04-01' } }, ANALYST)).toEqual(['FORBIDDEN']);
    expect((await planOf(t, cpr)).planVersions).toEqual([]);
  });

  it("requirements and goals are the person's own jobcentre's (and the system role's), not an a-kasse's", async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 7, akasse: '21' });
    expect(await fails(t, SET, { i: { cpr, otherRequirements: 'Søg.' } }, OTHER_JOBCENTRE)).toEqual(['FORBIDDEN']);
    expect(await fails(t, SET, { i: { cpr, otherRequirements: 'Søg.' } }, AKASSE)).toEqual(['FORBIDDEN']);
    expect(await fails(t, GOALS, { i: { cpr, jobGoal: { code: '5', level: 1 } } }, AKASSE)).toEqual(['FORBIDDEN']);
    expect(await fails(t, REGISTER, { i: { cpr, categoryId: 26, start: '2025-04-01' } }, OTHER_JOBCENTRE)).toEqual(['FORBIDDEN']);
    await ok(t, SET, { i: { cpr, otherRequirements: 'Datareparation.' } }, SYSTEM);
  });

  it('refuses an unknown person and a malformed CPR', async () => {
    expect(await fails(t, SET, { i: { cpr: '3112999999', otherRequirements: 'Søg.' } }, JOBCENTRE)).toEqual(['PERSON_NOT_FOUND']);
    expect(await fails(t, REGISTER, { i: { cpr: '12345', categoryId: 26, start: '2025-04-01' } }, JOBCENTRE)).toEqual(['INVALID_CPR']);
  });
});

describe('parallel changes of one person', () => {
  it('number the versions 1..n without gaps or duplicates, each with its event', async () => {
    const { cpr, id } = await createPerson(t, { contactGroupId: 7, akasse: '21' });
    const writers = 24;
    const responses = await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        i % 2 === 0
          ? t.gql(SET, { i: { cpr, otherRequirements: `Krav ${i}` } }, JOBCENTRE)
          : t.gql(REGISTER, { i: { cpr, categoryId: 26, start: '2025-04-01', end: '2025-04-30' } }, JOBCENTRE),
      ),
    );
    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
    const versions = (await planOf(t, cpr)).planVersions.map((v) => v.version);
    expect(versions).toEqual(Array.from({ length: writers }, (_, i) => writers - i));
    const published = (await eventsOf(t, 'PLAN_VERSION_CREATED', id)).map((e) => e.payload.version).sort((a, b) => Number(a) - Number(b));
    expect(published).toEqual(Array.from({ length: writers }, (_, i) => i + 1));
    // The last version holds every activity the parallel writers registered.
    const { person } = await ok<{ person: { plan: { activities: unknown[] } } }>(t, 'query($cpr: String!) { person(cpr: $cpr) { plan { activities { id } } } }', { cpr }, JOBCENTRE);
    expect(person.plan.activities).toHaveLength(writers / 2);
  });
});
