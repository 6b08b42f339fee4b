// Job goal + education goal for young people with an education order, and no Min plan for
// sick-benefit recipients from employment with a job to return to (002).
import { ageOn, jobAndEducationGoalAllowed, planRequired, validatePlanGoals, type GoalEligibilityInput } from '..';
import { errorCodeOf } from './error-code-of';

const person = (overrides: Partial<GoalEligibilityInput>): GoalEligibilityInput => ({
  contactGroupId: 12,
  hasEducationOrder: true,
  birthDate: '2003-04-15',
  on: '2025-07-01',
  ...overrides,
});

describe('job goal and education goal together', () => {
  it('is not allowed for uddannelseshjælp with an order on 2025-06-30', () => {
    expect(jobAndEducationGoalAllowed(person({ on: '2025-06-30' }))).toBe(false);
  });

  it('is allowed for uddannelseshjælp with an order from 2025-07-01', () => {
    expect(jobAndEducationGoalAllowed(person({ on: '2025-07-01' }))).toBe(true);
  });

  it('is not allowed for uddannelseshjælp without an order', () => {
    expect(jobAndEducationGoalAllowed(person({ hasEducationOrder: false }))).toBe(false);
  });

  it('is allowed for group 28 from the 2024-4 release day 2024-12-08, not the day before', () => {
    expect(jobAndEducationGoalAllowed(person({ contactGroupId: 28, hasEducationOrder: false, on: '2024-12-07' }))).toBe(false);
    expect(jobAndEducationGoalAllowed(person({ contactGroupId: 28, hasEducationOrder: false, on: '2024-12-08' }))).toBe(true);
  });

  it('is allowed for dagpenge with an order only under 25', () => {
    const dagpenge = { contactGroupId: 1, birthDate: '2000-07-01' };
    expect(jobAndEducationGoalAllowed(person({ ...dagpenge, on: '2025-06-30' }))).toBe(true);
    expect(jobAndEducationGoalAllowed(person({ ...dagpenge, on: '2025-07-01' }))).toBe(false);
    expect(jobAndEducationGoalAllowed(person({ ...dagpenge, on: '2025-06-30', hasEducationOrder: false }))).toBe(false);
  });

  it('is not allowed in other groups, order or not', () => {
    expect(jobAndEducationGoalAllowed(person({ contactGroupId: 2 }))).toBe(false);
  });

  it('is refused by validatePlanGoals, while one goal alone is fine', () => {
    const kontanthjaelp = person({ contactGroupId: 2 });
    expect(errorCodeOf(() => validatePlanGoals({ ...kontanthjaelp, hasJobGoal: true, hasEducationGoal: true }))).toBe(
      'JOB_AND_EDUCATION_GOAL_NOT_ALLOWED',
    );
    expect(errorCodeOf(() => validatePlanGoals({ ...kontanthjaelp, hasJobGoal: false, hasEducationGoal: true }))).toBeNull();
    expect(errorCodeOf(() => validatePlanGoals({ ...person({}), hasJobGoal: true, hasEducationGoal: true }))).toBeNull();
  });

  it('counts age in whole years, a 29 February birthday falling on 1 March', () => {
    expect(ageOn('2004-02-29', '2029-02-28')).toBe(24);
    expect(ageOn('2004-02-29', '2029-03-01')).toBe(25);
  });
});

describe('Min plan required', () => {
  it('is not required for group 24 with a job to return to', () => {
    expect(planRequired({ contactGroupId: 24, fromEmployment: true, hasJobToReturnTo: true })).toBe(false);
  });

  it('is required for group 24 without a job to return to', () => {
    expect(planRequired({ contactGroupId: 24, fromEmployment: true, hasJobToReturnTo: false })).toBe(true);
  });

  it('is required for sick leave from unemployment (group 25), job or not', () => {
    expect(planRequired({ contactGroupId: 25, fromEmployment: true, hasJobToReturnTo: true })).toBe(true);
  });

  it('follows the caller for the older sick-benefit group 6', () => {
    expect(planRequired({ contactGroupId: 6, fromEmployment: true, hasJobToReturnTo: true })).toBe(false);
    expect(planRequired({ contactGroupId: 6, fromEmployment: false, hasJobToReturnTo: true })).toBe(true);
  });

  it('is not lifted for other groups', () => {
    expect(planRequired({ contactGroupId: 1, fromEmployment: true, hasJobToReturnTo: true })).toBe(true);
  });
});
