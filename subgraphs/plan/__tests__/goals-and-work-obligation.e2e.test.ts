// Release 2024-4 (002) through the gateway: job goal and education goal together for young people
// with an education order, no Min plan required for sick-benefit recipients with a job to return
// to, and the work obligation's weekly hours with at most 4 hours of preparation and job search.
import { startTestSystem, type TestSystem } from '../../../test/support/system';
import { ANALYST, createPerson, fails, JOBCENTRE, newCpr, ok, planOf } from './support';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2025-03-01' });
});
afterAll(() => t.stop());

const GOALS = 'mutation($i: PlanGoalsInput!) { setPlanGoals(input: $i) { version changes { id } goals { jobGoal { code level } educationGoal description educationOrder planRequired } } }';
const JOB_GOAL = { code: '5223', level: 2 };
const BOTH = { jobGoal: JOB_GOAL, educationGoal: 'Social- og sundhedshjælper' };

function today(date: string): void {
  t.clock.set(`${date}T09:00:00Z`);
}

describe('job goal and education goal together', () => {
  it('are allowed for group 28 (uddannelsespålæg – overgangsydelse)', async () => {
    today('2025-03-01');
    const { cpr } = await createPerson(t, { contactGroupId: 28 });
    const { setPlanGoals } = await ok<{ setPlanGoals: unknown }>(t, GOALS, { i: { cpr, ...BOTH } }, JOBCENTRE);
    expect(setPlanGoals).toEqual({
      version: 1,
      changes: [{ id: 905 }, { id: 906 }],
      goals: { jobGoal: JOB_GOAL, educationGoal: 'Social- og sundhedshjælper', description: null, educationOrder: false, planRequired: true },
    });
  });

  it('are allowed for uddannelseshjælp with an education order from 2025-07-01, not on 2025-06-30', async () => {
    const { cpr } = await createPerson(t, { contactGroupId: 12 });
    today('2025-06-30');
    expect(await fails(t, GOALS, { i: { cpr, ...BOTH, educationOrder: true } }, JOBCENTRE)).toEqual(['JOB_AND_EDUCATION_GOAL_NOT_ALLOWED']);
    expect((await planOf(t, cpr)).planVersions).toEqual([]);
    today('2025-07-01');
    expect(await fails(t, GOALS, { i: { cpr, ...BOTH, educationOrder: false } }, JOBCENTRE)).toEqual(['JOB_AND_EDUCATION_GOAL_NOT_ALLOWED']);
    await ok(t, GOALS, { i: { cpr, ...BOTH, educationOrder: true } }, JOBCENTRE);
  });

  it('are allowed for dagpenge recipients under 25 with an education order only', async () => {
    today('2025-03-01');
    const young = await createPerson(t, { contactGroupId: 1, cpr: newCpr('010105').replace(/^(\d{6})\d/, '$14') });
    await ok(t, GOALS, { i: { cpr: young.cpr, ...BOTH, educationOrder: true } }, JOBCENTRE);
    const older = await createPerson(t, { contactGroupId: 1, cpr: newCpr('010190') });
    expect(await fails(t, GOALS, { i: { cpr: older.cpr, ...BOTH, educationOrder: true } }, JOBCENTRE)).toEqual(['JOB_AND_EDUCATION_GOAL_NOT_ALLOWED']);
    await ok(t, GOALS, { i: { cpr: older.cpr, jobGoal: JOB_GOAL } }, JOBCENTRE);
  });

  it('are refused for other groups', async () => {
    today('2025-08-01');
    const { cpr } = await createPerson(t, { contactGroupId: 2 });
    expect(await fails(t, GOALS, { i: { cpr, ...BOTH, educationOrder: true } }, JOBCENTRE)).toEqual(['JOB_AND_EDUCATION_GOAL_NOT_ALLOWED']);
  });
});

describe('who needs a Min plan', () => {
  it('sick-benefit recipients from employment with a job to return to may leave the goal out', async () => {
    today('2025-03-01');
    const { cpr } = await createPerson(t, { contactGroupId: 24 });
    expect(await fails(t, GOALS, { i: { cpr, description: 'Forventer at vende tilbage i uge 8.' } }, JOBCENTRE)).toEqual(['PLAN_GOAL_REQUIRED']);
    const { setPlanGoals } = await ok<{ setPlanGoals: { goals: unknown } }>(t, GOALS, { i: { cpr, description: 'Forventer at vende tilbage i uge 8.', jobToReturnTo: true } }, JOBCENTRE);
    expect(setPlanGoals.goals).toMatchObject({ jobGoal: null, educationGoal: null, planRequired: false });
  });

  it('a job to return to, stated later with the same goal and text, makes a new version that says no plan is required', async () => {
    today('2025-03-01');
    const { cpr } = await createPerson(t, { contactGroupId: 24 });
    await ok(t, GOALS, { i: { cpr, jobGoal: JOB_GOAL, description: 'Sygemeldt fra job.' } }, JOBCENTRE);
    const { setPlanGoals } = await ok<{ setPlanGoals: { version: number; changes: unknown; goals: unknown } }>(t, GOALS, { i: { cpr, jobGoal: JOB_GOAL, description: 'Sygemeldt fra job.', jobToReturnTo: true } }, JOBCENTRE);
    expect(setPlanGoals).toMatchObject({ version: 2, changes: [{ id: 909 }], goals: { planRequired: false } });
  });

  it('everyone else needs a job goal or an education goal', async () => {
    today('2025-03-01');
    const fromUnemployment = await createPerson(t, { contactGroupId: 25 });
    expect(await fails(t, GOALS, { i: { cpr: fromUnemployment.cpr, description: 'Plan.', jobToReturnTo: true } }, JOBCENTRE)).toEqual(['PLAN_GOAL_REQUIRED']);
    await ok(t, GOALS, { i: { cpr: fromUnemployment.cpr, jobGoal: JOB_GOAL, description: 'Plan.' } }, JOBCENTRE);
  });
});

it('makes a version only when a goal or the description changed, and never shows analysts the plan or its free text', async () => {
  today('2025-03-01');
  const { cpr } = await createPerson(t, { contactGroupId: 1 });
  await ok(t, GOALS, { i: { cpr, jobGoal: JOB_GOAL, description: 'Har svært ved at stå op pga. ryg.' } }, JOBCENTRE);
  const again = await ok<{ setPlanGoals: { version: number } }>(t, GOALS, { i: { cpr, jobGoal: JOB_GOAL, description: 'Har svært ved at stå op pga. ryg.' } }, JOBCENTRE);
  expect(again.setPlanGoals.version).toBe(1);
  const changed = await ok<{ setPlanGoals: { version: number; changes: { id: number }[] } }>(t, GOALS, { i: { cpr, jobGoal: { code: '5', level: 1 }, description: 'Ny plan.' } }, JOBCENTRE);
  expect(changed.setPlanGoals).toMatchObject({ version: 2, changes: [{ id: 905 }, { id: 907 }] });
  const analyst = await t.gql('query($cpr: String!) { person(cpr: $cpr) { plan { goals { jobGoal { code } description } } } }', { cpr }, ANALYST);
  expect(analyst.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  expect(JSON.stringify(analyst)).not.toContain('Ny plan');
  expect(await fails(t, GOALS, { i: { cpr, jobGoal: JOB_GOAL, description: 'x'.repeat(4001) } }, JOBCENTRE)).toEqual(['PLAN_TEXT_TOO_LONG']);
});

describe('work obligation hours per week', () => {
  const REGISTER = 'mutation($i: RegisterActivityInput!) { registerActivity(input: $i) { id } }';
  /** Group 27: on self-support and repatriation benefit (902), covered from 2025-01-01 (002). */
  const selfSupportRecipient = async () => {
    const person = await createPerson(t, { contactGroupId: 27 });
    await ok(t, 'mutation($i: WorkObligationFactsInput!) { recordWorkObligationFacts(input: $i) { id } }', {
      i: { cpr: person.cpr, validFrom: '2025-01-01', benefitTypeId: 902, residenceYears: 4, fullTimeEmploymentYears: 1, entryYear: 2020 },
    }, JOBCENTRE);
    return person;
  };
  const HOURS = 'query($cpr: String!, $week: String!) { person(cpr: $cpr) { workObligationHours(week: $week) { isoWeek covered countedHours uncountedHours byCategory { category { id } registeredHours countedHours } } } }';

  it('counts nytteindsats in full and at most 4 hours of preparation and job search away from home', async () => {
    today('2025-01-02');
    const { cpr } = await selfSupportRecipient();
    await ok(t, REGISTER, { i: { cpr, categoryId: 901, start: '2025-01-06', end: '2025-02-28', hoursPerWeek: 20 } }, JOBCENTRE);
    await ok(t, REGISTER, { i: { cpr, categoryId: 902, start: '2025-01-06', end: '2025-01-31', hoursPerWeek: 3 } }, JOBCENTRE);
    await ok(t, REGISTER, { i: { cpr, categoryId: 902, start: '2025-01-13', end: '2025-01-19', hoursPerWeek: 2.5 } }, JOBCENTRE);
    const hours = async (week: string) => (await ok<{ person: { workObligationHours: unknown } }>(t, HOURS, { cpr, week }, JOBCENTRE)).person.workObligationHours;

    expect(await hours('2025-W02')).toEqual({
      isoWeek: '2025-W02',
      covered: true,
      countedHours: 23,
      uncountedHours: 0,
      byCategory: [
        { category: { id: 901 }, registeredHours: 20, countedHours: 20 },
        { category: { id: 902 }, registeredHours: 3, countedHours: 3 },
      ],
    });
    expect(await hours('2025-W03')).toMatchObject({ countedHours: 24, uncountedHours: 1.5 });
    expect(await hours('2025-W10')).toMatchObject({ countedHours: 0, byCategory: [] });
    expect(await fails(t, HOURS, { cpr, week: '2025-W54' }, JOBCENTRE)).toEqual(['INVALID_ISO_WEEK']);
  });

  it('does not count cancelled activities', async () => {
    today('2025-01-02');
    const { cpr } = await selfSupportRecipient();
    const { registerActivity } = await ok<{ registerActivity: { id: string } }>(t, REGISTER, { i: { cpr, categoryId: 901, start: '2025-01-06', end: '2025-01-31', hoursPerWeek: 15 } }, JOBCENTRE);
    await ok(t, 'mutation($i: CancelActivityInput!) { cancelActivity(input: $i) { id } }', { i: { id: registerActivity.id, causeId: 901 } }, JOBCENTRE);
    expect((await ok<{ person: { workObligationHours: unknown } }>(t, HOURS, { cpr, week: '2025-W02' }, JOBCENTRE)).person.workObligationHours).toMatchObject({ countedHours: 0 });
  });
});
