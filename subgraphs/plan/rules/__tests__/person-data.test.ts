// Inputs the rules take from other subgraphs: the birth date in a CPR number and the visitation category.
import { activityHoursPerWeek, birthDateFromCpr, planPersonCategory } from '..';
import { errorCodeOf } from './error-code-of';

describe('birth date from CPR (the 7th digit gives the century)', () => {
  it.each([
    ['0101901234', '1990-01-01'],
    ['1502054321', '2005-02-15'],
    ['1502404321', '1940-02-15'],
    ['3112575999', '2057-12-31'],
    ['3112585999', '1858-12-31'],
    ['0101369999', '2036-01-01'],
    ['0101379999', '1937-01-01'],
  ])('%s → %s', (cpr, birthDate) => {
    expect(birthDateFromCpr(cpr)).toBe(birthDate);
  });
});

describe('visitation category as the plan rules see it', () => {
  it('keeps the job-seeker categories and reads sick-benefit, ended and unknown ones as none', () => {
    expect(planPersonCategory('JOB_READY')).toBe('JOB_READY');
    expect(planPersonCategory('OBVIOUSLY_EDUCATION_READY')).toBe('OBVIOUSLY_EDUCATION_READY');
    expect(planPersonCategory('SICK_BENEFIT_2')).toBeNull();
    expect(planPersonCategory(null)).toBeNull();
    expect(planPersonCategory('toString')).toBeNull();
  });
});

describe('weekly hours of an activity', () => {
  it('are required for the work-obligation categories and optional for the rest', () => {
    expect(errorCodeOf(() => activityHoursPerWeek(901, null))).toBe('ACTIVITY_HOURS_REQUIRED');
    expect(errorCodeOf(() => activityHoursPerWeek(902, null))).toBe('ACTIVITY_HOURS_REQUIRED');
    expect(activityHoursPerWeek(26, null)).toBeNull();
    expect(activityHoursPerWeek(902, 3.5)).toBe(3.5);
    expect(errorCodeOf(() => activityHoursPerWeek(901, -1))).toBe('INVALID_HOURS');
  });
});
