// decidePlanGoals: a goal is required unless the person needs no Min plan (002), both goals only
// where the dated rules allow, free-text limits, and the change codes a new version carries.
import { decidePlanGoals, type PlanGoalsChangeInput } from '..';
import { errorCodeOf } from './error-code-of';

const anyOccupation = () => true;
const input = (overrides: Partial<PlanGoalsChangeInput>): PlanGoalsChangeInput => ({
  previous: null,
  jobGoal: null,
  educationGoal: null,
  description: null,
  educationOrder: false,
  jobToReturnTo: false,
  contactGroupId: 2,
  birthDate: '1990-01-01',
  today: '2025-03-01',
  isKnownOccupation: anyOccupation,
  ...overrides,
});

describe('a goal is required', () => {
  it('for everyone who needs a Min plan', () => {
    expect(errorCodeOf(() => decidePlanGoals(input({ description: 'Plan' })))).toBe('PLAN_GOAL_REQUIRED');
    expect(errorCodeOf(() => decidePlanGoals(input({ contactGroupId: 25, jobToReturnTo: true, description: 'Plan' })))).toBe('PLAN_GOAL_REQUIRED');
  });

  it('but not for sick-benefit recipients from employment (group 24) with a job to return to', () => {
    const { goals, changeCodes } = decidePlanGoals(input({ contactGroupId: 24, jobToReturnTo: true, description: 'Tilbage i uge 8' }));
    expect(goals).toMatchObject({ jobGoal: null, educationGoal: null, description: 'Tilbage i uge 8', planRequired: false });
    expect(changeCodes).toEqual([907, 909]);
  });
});

it('allows both goals only where the dated rules do (group 12 with an order from 2025-07-01)', () => {
  const both = { jobGoal: { code: '5', level: 1 }, educationGoal: 'SOSU', contactGroupId: 12, educationOrder: true };
  expect(errorCodeOf(() => decidePlanGoals(input({ ...both, today: '2025-06-30' })))).toBe('JOB_AND_EDUCATION_GOAL_NOT_ALLOWED');
  expect(decidePlanGoals(input({ ...both, today: '2025-07-01' })).changeCodes).toEqual([905, 906, 908]);
});

it('checks the job goal against the occupation list and the text lengths', () => {
  expect(errorCodeOf(() => decidePlanGoals(input({ jobGoal: { code: '5', level: 1 }, isKnownOccupation: () => false })))).toBe('UNKNOWN_OCCUPATION');
  expect(errorCodeOf(() => decidePlanGoals(input({ educationGoal: 'x'.repeat(201) })))).toBe('PLAN_TEXT_TOO_LONG');
  expect(errorCodeOf(() => decidePlanGoals(input({ educationGoal: 'SOSU', description: 'y'.repeat(4001) })))).toBe('PLAN_TEXT_TOO_LONG');
});

it('names only what changed', () => {
  const first = decidePlanGoals(input({ jobGoal: { code: '5', level: 1 }, description: 'A' }));
  expect(first.changeCodes).toEqual([905, 907]);
  expect(decidePlanGoals(input({ previous: first.goals, jobGoal: { code: '5', level: 1 }, description: ' A ' })).changeCodes).toEqual([]);
  expect(decidePlanGoals(input({ previous: first.goals, jobGoal: { code: '5', level: 1 }, description: 'B' })).changeCodes).toEqual([907]);
});

it('records a change of the education order or of the plan requirement alone, so the latest version never states a stale flag', () => {
  const first = decidePlanGoals(input({ contactGroupId: 24, jobGoal: { code: '5', level: 1 } }));
  expect(first.goals).toMatchObject({ educationOrder: false, planRequired: true });
  const returning = decidePlanGoals(input({ previous: first.goals, contactGroupId: 24, jobGoal: { code: '5', level: 1 }, jobToReturnTo: true }));
  expect(returning.changeCodes).toEqual([909]);
  expect(returning.goals.planRequired).toBe(false);
  const ordered = decidePlanGoals(input({ previous: returning.goals, contactGroupId: 24, jobGoal: { code: '5', level: 1 }, jobToReturnTo: true, educationOrder: true }));
  expect(ordered.changeCodes).toEqual([908]);
});
