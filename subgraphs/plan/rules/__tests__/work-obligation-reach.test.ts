// Who the work obligation reaches (002): each dated rule on both sides of its day, the 9-year and
// 2½-year thresholds on both sides, entry year 1967/1968, and the Ukraine special act never.
import { CASH_BENEFIT_TYPES, coverageOn, coveragePeriods, validateWorkObligationFacts, type WorkObligationFacts } from '..';
import { errorCodeOf } from './error-code-of';

const facts = (overrides: Partial<WorkObligationFacts> = {}): WorkObligationFacts => ({
  validFrom: '2024-06-01',
  benefitTypeId: 901,
  residenceYears: 5,
  fullTimeEmploymentYears: 1,
  entryYear: 2015,
  ukraineSpecialAct: false,
  ...overrides,
});

describe('cash-benefit recipients held to the residence and employment requirements', () => {
  it('are covered from 2025-01-01, not on 2024-12-31', () => {
    expect(coverageOn(facts(), '2024-12-31')).toEqual({ covered: false, reason: 'BEFORE_WORK_OBLIGATION' });
    expect(coverageOn(facts(), '2025-01-01')).toEqual({ covered: true, reason: 'RESIDENCE_AND_EMPLOYMENT_REQUIREMENTS_NOT_MET' });
  });

  // 002: "som ikke opfylder kravene om ophold … og fuldtidsbeskæftigelse" — failing either requirement covers.
  it.each([
    [9, 2.5, false, 'RESIDENCE_AND_EMPLOYMENT_REQUIREMENTS_MET'],
    [8.99, 2.5, true, 'RESIDENCE_REQUIREMENT_NOT_MET'],
    [9, 2.49, true, 'EMPLOYMENT_REQUIREMENT_NOT_MET'],
    [8.99, 2.49, true, 'RESIDENCE_AND_EMPLOYMENT_REQUIREMENTS_NOT_MET'],
  ])('with %d years in the realm and %d of full-time work: covered %s (%s)', (residenceYears, fullTimeEmploymentYears, covered, reason) => {
    expect(coverageOn(facts({ residenceYears, fullTimeEmploymentYears }), '2025-03-01')).toEqual({ covered, reason });
  });

  it('cover a person meeting only one requirement, whichever, on both sides of the other threshold', () => {
    for (const employment of [0, 2.49]) expect(coverageOn(facts({ residenceYears: 10, fullTimeEmploymentYears: employment }), '2025-03-01').covered).toBe(true);
    for (const residence of [0, 8.99]) expect(coverageOn(facts({ residenceYears: residence, fullTimeEmploymentYears: 10 }), '2025-03-01').covered).toBe(true);
    expect(coverageOn(facts({ residenceYears: 10, fullTimeEmploymentYears: 10 }), '2025-03-01').covered).toBe(false);
  });
});

describe('self-support, repatriation and transition benefit', () => {
  it.each([
    [902, 'SELF_SUPPORT_AND_REPATRIATION_BENEFIT'],
    [903, 'TRANSITION_BENEFIT'],
  ])('benefit %i is covered from 2025-01-01 whatever the years', (benefitTypeId, reason) => {
    const met = facts({ benefitTypeId, residenceYears: 10, fullTimeEmploymentYears: 10 });
    expect(coverageOn(met, '2024-12-31')).toEqual({ covered: false, reason: 'BEFORE_WORK_OBLIGATION' });
    expect(coverageOn(met, '2025-01-01')).toEqual({ covered: true, reason });
  });
});

describe('minimum and home-living rate', () => {
  it.each([904, 905])('benefit %i is covered from 2025-07-01 for those entered in 1968, not on 2025-06-30', (benefitTypeId) => {
    const entered1968 = facts({ benefitTypeId, entryYear: 1968, residenceYears: 10 });
    expect(coverageOn(entered1968, '2025-06-30')).toEqual({ covered: false, reason: 'BENEFIT_NOT_YET_COVERED' });
    expect(coverageOn(entered1968, '2025-07-01')).toEqual({ covered: true, reason: 'MINIMUM_OR_HOME_LIVING_RATE_ENTERED_1968_OR_LATER' });
  });

  it('is not covered for those entered in 1967 or born in Denmark', () => {
    expect(coverageOn(facts({ benefitTypeId: 904, entryYear: 1967 }), '2025-07-01')).toEqual({ covered: false, reason: 'ENTERED_BEFORE_1968' });
    expect(coverageOn(facts({ benefitTypeId: 905, entryYear: null }), '2025-07-01')).toEqual({ covered: false, reason: 'ENTERED_BEFORE_1968' });
  });
});

it('never covers displaced persons under the Ukraine special act, on any benefit or day', () => {
  for (const type of CASH_BENEFIT_TYPES) {
    for (const day of ['2025-01-01', '2025-07-01', '2030-01-01']) {
      expect(coverageOn(facts({ benefitTypeId: type.id, entryYear: 2022, ukraineSpecialAct: true }), day)).toEqual({ covered: false, reason: 'UKRAINE_SPECIAL_ACT' });
    }
  }
});

it('never covers benefits outside the cash-benefit system, nor a person without facts', () => {
  expect(coverageOn(facts({ benefitTypeId: 906 }), '2026-01-01')).toEqual({ covered: false, reason: 'OUTSIDE_CASH_BENEFIT_SYSTEM' });
  expect(coverageOn(null, '2026-01-01')).toEqual({ covered: false, reason: 'NO_FACTS_RECORDED' });
});

describe('coverage periods', () => {
  it('splits a range where facts take effect and where dated rules start, and merges equal answers', () => {
    const history = [facts({ validFrom: '2024-11-01', benefitTypeId: 906 }), facts({ validFrom: '2025-03-01', benefitTypeId: 904, entryYear: 1990 })];
    expect(coveragePeriods(history, '2024-10-01', '2025-12-31')).toEqual([
      { start: '2024-10-01', end: '2024-10-31', covered: false, reason: 'NO_FACTS_RECORDED' },
      { start: '2024-11-01', end: '2024-12-31', covered: false, reason: 'BEFORE_WORK_OBLIGATION' },
      { start: '2025-01-01', end: '2025-02-28', covered: false, reason: 'OUTSIDE_CASH_BENEFIT_SYSTEM' },
      { start: '2025-03-01', end: '2025-06-30', covered: false, reason: 'BENEFIT_NOT_YET_COVERED' },
      { start: '2025-07-01', end: '2025-12-31', covered: true, reason: 'MINIMUM_OR_HOME_LIVING_RATE_ENTERED_1968_OR_LATER' },
    ]);
  });

  it('lets the later recorded of two registrations for one day win', () => {
    const history = [facts({ validFrom: '2025-02-01', benefitTypeId: 902 }), facts({ validFrom: '2025-02-01', benefitTypeId: 906 })];
    expect(coveragePeriods(history, '2025-02-01', '2025-02-01')).toEqual([{ start: '2025-02-01', end: '2025-02-01', covered: false, reason: 'OUTSIDE_CASH_BENEFIT_SYSTEM' }]);
  });

  it('refuses a reversed or malformed range', () => {
    expect(errorCodeOf(() => coveragePeriods([], '2025-02-01', '2025-01-01'))).toBe('INVALID_DATE_RANGE');
    expect(errorCodeOf(() => coveragePeriods([], '2025-02-30', '2025-03-01'))).toBe('INVALID_DATE');
  });
});

describe('validating facts', () => {
  const input = { ...facts(), today: '2025-03-01', birthDate: '1990-01-01' };

  it('accepts facts up to 12 months ahead, not a day more', () => {
    expect(validateWorkObligationFacts({ ...input, validFrom: '2026-03-01' }).validFrom).toBe('2026-03-01');
    expect(errorCodeOf(() => validateWorkObligationFacts({ ...input, validFrom: '2026-03-02' }))).toBe('WORK_OBLIGATION_FACTS_TOO_FAR_AHEAD');
  });

  it('refuses an unknown benefit, years outside 0-10 and an entry year before birth or after the facts', () => {
    expect(errorCodeOf(() => validateWorkObligationFacts({ ...input, benefitTypeId: 2 }))).toBe('UNKNOWN_CASH_BENEFIT_TYPE');
    expect(errorCodeOf(() => validateWorkObligationFacts({ ...input, residenceYears: 10.5 }))).toBe('INVALID_REQUIREMENT_YEARS');
    expect(errorCodeOf(() => validateWorkObligationFacts({ ...input, fullTimeEmploymentYears: -1 }))).toBe('INVALID_REQUIREMENT_YEARS');
    expect(errorCodeOf(() => validateWorkObligationFacts({ ...input, fullTimeEmploymentYears: Number.NaN }))).toBe('INVALID_REQUIREMENT_YEARS');
    expect(errorCodeOf(() => validateWorkObligationFacts({ ...input, entryYear: 1989 }))).toBe('INVALID_ENTRY_YEAR');
    expect(errorCodeOf(() => validateWorkObligationFacts({ ...input, entryYear: 2024 }))).toBeNull();
    expect(errorCodeOf(() => validateWorkObligationFacts({ ...input, entryYear: 2025 }))).toBe('INVALID_ENTRY_YEAR');
    expect(errorCodeOf(() => validateWorkObligationFacts({ ...input, validFrom: 'tomorrow' }))).toBe('INVALID_DATE');
  });
});
