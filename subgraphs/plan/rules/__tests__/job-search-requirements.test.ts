// Job-search requirements (001 §4.1): at least one of three elements, who may have them, group 10,
// and occupations checked against the classification in force (003: ESCO-STAR from release 2021-3).
import {
  occupationClassificationOn,
  requirementsRemovedOnGroupChange,
  validateJobSearchRequirements,
  type JobSearchRequirementsInput,
  type OccupationLookup,
} from '..';
import { errorCodeOf } from './error-code-of';

/** A stand-in for the occupation list: ESCO-STAR '7212.1' and DiscoAMS08 '721210' are valid. */
const isKnownOccupation: OccupationLookup = (code, _level, classification) =>
  classification === 'ESCO_STAR' ? code === '7212.1' : code === '721210';

const input = (overrides: Partial<JobSearchRequirementsInput>): JobSearchRequirementsInput => ({
  contactGroupId: 7,
  personCategory: null,
  today: '2025-03-03',
  isKnownOccupation,
  ...overrides,
});

describe('at least one of the three elements', () => {
  it('refuses requirements with none of them', () => {
    expect(errorCodeOf(() => validateJobSearchRequirements(input({})))).toBe('JOB_SEARCH_REQUIREMENTS_EMPTY');
  });

  it('treats blank text and empty lists as not filled in', () => {
    const blank = input({ occupations: [], where: { kind: 'LABOUR_MARKET_REGIONS', regionIds: [] }, otherRequirements: '   ' });
    expect(errorCodeOf(() => validateJobSearchRequirements(blank))).toBe('JOB_SEARCH_REQUIREMENTS_EMPTY');
  });

  it('accepts occupations alone', () => {
    expect(validateJobSearchRequirements(input({ occupations: [{ code: '7212.1', level: 3 }] }))).toEqual({
      occupations: [{ code: '7212.1', level: 3, classification: 'ESCO_STAR' }],
      where: null,
      otherRequirements: null,
    });
  });

  it('accepts where alone, as regions or as a municipality collection', () => {
    expect(validateJobSearchRequirements(input({ where: { kind: 'LABOUR_MARKET_REGIONS', regionIds: [' Nordjylland ', 'Nordjylland'] } }))).toEqual({
      occupations: [],
      where: { kind: 'LABOUR_MARKET_REGIONS', regionIds: ['Nordjylland'] },
      otherRequirements: null,
    });
    expect(validateJobSearchRequirements(input({ where: { kind: 'MUNICIPALITY_COLLECTION', municipalityCodes: ['851', '849'] } })).where).toEqual({
      kind: 'MUNICIPALITY_COLLECTION',
      municipalityCodes: ['851', '849'],
    });
  });

  it('accepts other requirements alone, trimmed', () => {
    expect(validateJobSearchRequirements(input({ otherRequirements: '  Søg 3 job om ugen.  ' })).otherRequirements).toBe('Søg 3 job om ugen.');
  });
});

describe('element contents', () => {
  it('refuses an occupation at level 4 or 0', () => {
    expect(errorCodeOf(() => validateJobSearchRequirements(input({ occupations: [{ code: '7212.1', level: 4 }] })))).toBe('OCCUPATION_LEVEL_INVALID');
    expect(errorCodeOf(() => validateJobSearchRequirements(input({ occupations: [{ code: '7212.1', level: 0 }] })))).toBe('OCCUPATION_LEVEL_INVALID');
  });

  it('refuses an occupation the lookup does not know', () => {
    expect(errorCodeOf(() => validateJobSearchRequirements(input({ occupations: [{ code: '9999.9', level: 1 }] })))).toBe('UNKNOWN_OCCUPATION');
  });

  it('checks occupations against DiscoAMS08 before 2021-09-18 and ESCO-STAR from that day', () => {
    expect(occupationClassificationOn('2021-09-17')).toBe('DISCO_AMS08');
    expect(occupationClassificationOn('2021-09-18')).toBe('ESCO_STAR');
    const disco = { occupations: [{ code: '721210', level: 2 }] };
    expect(errorCodeOf(() => validateJobSearchRequirements(input({ ...disco, today: '2021-09-17' })))).toBeNull();
    expect(errorCodeOf(() => validateJobSearchRequirements(input({ ...disco, today: '2021-09-18' })))).toBe('UNKNOWN_OCCUPATION');
  });

  it('refuses a municipality code that is not three digits', () => {
    const where = { kind: 'MUNICIPALITY_COLLECTION' as const, municipalityCodes: ['85'] };
    expect(errorCodeOf(() => validateJobSearchRequirements(input({ where })))).toBe('INVALID_SEARCH_AREA');
  });

  it('accepts other requirements of 2000 characters and refuses 2001', () => {
    expect(errorCodeOf(() => validateJobSearchRequirements(input({ otherRequirements: 'æ'.repeat(2000) })))).toBeNull();
    expect(errorCodeOf(() => validateJobSearchRequirements(input({ otherRequirements: 'æ'.repeat(2001) })))).toBe('OTHER_REQUIREMENTS_TOO_LONG');
  });
});

describe('who may have job-search requirements', () => {
  const text = { otherRequirements: 'Søg 3 job om ugen.' };

  it.each([
    ['group 7 without a category', 7, null],
    ['a job-ready kontanthjælp recipient', 2, 'JOB_READY'],
    ['an obviously education-ready uddannelseshjælp recipient', 12, 'OBVIOUSLY_EDUCATION_READY'],
    ['a dagpenge recipient (never categorised)', 1, null],
  ] as const)('accepts %s', (_label, contactGroupId, personCategory) => {
    expect(errorCodeOf(() => validateJobSearchRequirements(input({ ...text, contactGroupId, personCategory })))).toBeNull();
  });

  it.each([
    ['an activity-ready kontanthjælp recipient', 2, 'ACTIVITY_READY'],
    ['an education-ready uddannelseshjælp recipient', 12, 'EDUCATION_READY'],
    ['group 10 even with a job-ready category', 10, 'JOB_READY'],
    ['a person without a group or category', null, null],
  ] as const)('refuses %s', (_label, contactGroupId, personCategory) => {
    expect(errorCodeOf(() => validateJobSearchRequirements(input({ ...text, contactGroupId, personCategory })))).toBe(
      'JOB_SEARCH_REQUIREMENTS_NOT_ALLOWED',
    );
  });

  it('removes them on a change to group 10 only', () => {
    expect(requirementsRemovedOnGroupChange(10)).toBe(true);
    expect(requirementsRemovedOnGroupChange(7)).toBe(false);
    expect(requirementsRemovedOnGroupChange(1)).toBe(false);
  });
});
