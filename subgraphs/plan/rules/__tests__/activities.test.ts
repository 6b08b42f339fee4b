// Registering and changing activities: who may register what (002 'Jobrettet uddannelse'), the
// six-week limit, the 2024-4 activity types, date checks and who is told.
import { ACTIVITY_START_MAX_MONTHS_AHEAD, validateActivityUpdate, validateNewActivity, type NewActivityInput } from '..';
import { errorCodeOf } from './error-code-of';

const jobOrientedEducation = (overrides: Partial<NewActivityInput>): NewActivityInput => ({
  frameId: null,
  categoryId: 903,
  start: '2025-02-03',
  end: '2025-03-16',
  today: '2025-01-20',
  registrantRole: 'akasse',
  ...overrides,
});

describe('who registers activities', () => {
  it('lets an a-kasse register Jobrettet uddannelse from 2025-01-01, and tells both sides', () => {
    expect(validateNewActivity(jobOrientedEducation({ today: '2025-01-01' }))).toEqual({ notify: ['jobcentre', 'akasse'] });
  });

  it('refuses an a-kasse registering Jobrettet uddannelse on 2024-12-31', () => {
    expect(errorCodeOf(() => validateNewActivity(jobOrientedEducation({ today: '2024-12-31' })))).toBe('REGISTRANT_NOT_ALLOWED');
  });

  it('lets the jobcentre register Jobrettet uddannelse too, still telling the a-kasse', () => {
    expect(validateNewActivity(jobOrientedEducation({ registrantRole: 'caseworker', today: '2024-06-03' }))).toEqual({
      notify: ['jobcentre', 'akasse'],
    });
  });

  it('refuses an a-kasse registering any other activity', () => {
    const input = { frameId: 18, categoryId: 26, start: '2025-02-03', end: '2025-05-30', today: '2025-01-20', registrantRole: 'akasse' as const };
    expect(errorCodeOf(() => validateNewActivity(input))).toBe('REGISTRANT_NOT_ALLOWED');
  });

  it('tells only the jobcentre about its own other activities', () => {
    const input = { frameId: 18, categoryId: 26, start: '2025-02-03', end: '2025-05-30', today: '2025-01-20', registrantRole: 'caseworker' as const };
    expect(validateNewActivity(input)).toEqual({ notify: ['jobcentre'] });
  });

  it('never lets an analyst register', () => {
    expect(errorCodeOf(() => validateNewActivity(jobOrientedEducation({ registrantRole: 'analyst' })))).toBe('REGISTRANT_NOT_ALLOWED');
  });

  it('refuses an a-kasse turning a jobcentre activity into Jobrettet uddannelse', () => {
    const existing = { frameId: null, categoryId: 30, start: '2025-02-03', end: '2025-03-14' };
    const updated = { ...existing, categoryId: 903 };
    expect(errorCodeOf(() => validateActivityUpdate({ existing, updated, today: '2025-01-20', registrantRole: 'akasse' }))).toBe(
      'REGISTRANT_NOT_ALLOWED',
    );
  });
});

describe('Jobrettet uddannelse lasts at most six weeks', () => {
  it('accepts 42 days, start and end included', () => {
    expect(errorCodeOf(() => validateNewActivity(jobOrientedEducation({ start: '2025-02-03', end: '2025-03-16' })))).toBeNull();
  });

  it('refuses 43 days', () => {
    expect(errorCodeOf(() => validateNewActivity(jobOrientedEducation({ start: '2025-02-03', end: '2025-03-17' })))).toBe(
      'ACTIVITY_DURATION_EXCEEDED',
    );
  });

  it('refuses an open end', () => {
    expect(errorCodeOf(() => validateNewActivity(jobOrientedEducation({ end: null })))).toBe('ACTIVITY_END_REQUIRED');
  });

  it('refuses an update past six weeks', () => {
    const existing = { frameId: null, categoryId: 903, start: '2025-02-03', end: '2025-03-14' };
    const updated = { ...existing, end: '2025-03-31' };
    expect(errorCodeOf(() => validateActivityUpdate({ existing, updated, today: '2025-02-10', registrantRole: 'akasse' }))).toBe(
      'ACTIVITY_DURATION_EXCEEDED',
    );
  });
});

describe('the 2024-4 activity types', () => {
  const utilityWork = { frameId: null, categoryId: 901, start: '2025-01-06', end: null, registrantRole: 'caseworker' as const };

  it('can be registered from the release day 2024-12-08', () => {
    expect(errorCodeOf(() => validateNewActivity({ ...utilityWork, today: '2024-12-08' }))).toBeNull();
  });

  it('cannot be registered on 2024-12-07', () => {
    expect(errorCodeOf(() => validateNewActivity({ ...utilityWork, today: '2024-12-07' }))).toBe('ACTIVITY_CATEGORY_NOT_YET_AVAILABLE');
  });
});

describe('activity input', () => {
  const base = { frameId: null, categoryId: 30, today: '2025-01-20', registrantRole: 'caseworker' as const };

  it('refuses an unknown category', () => {
    expect(errorCodeOf(() => validateNewActivity({ ...base, categoryId: 31, start: '2025-02-03', end: null }))).toBe('UNKNOWN_ACTIVITY_CATEGORY');
  });

  it('refuses an end before the start', () => {
    expect(errorCodeOf(() => validateNewActivity({ ...base, start: '2025-02-03', end: '2025-02-02' }))).toBe('INVALID_DATE_RANGE');
  });

  it('refuses a date that does not exist', () => {
    expect(errorCodeOf(() => validateNewActivity({ ...base, start: '2025-02-30', end: null }))).toBe('INVALID_DATE');
  });

  it(`starts at most ${ACTIVITY_START_MAX_MONTHS_AHEAD} months ahead of the day it is registered or moved`, () => {
    expect(errorCodeOf(() => validateNewActivity({ ...base, start: '2026-01-20', end: null }))).toBeNull();
    expect(errorCodeOf(() => validateNewActivity({ ...base, start: '2026-01-21', end: null }))).toBe('ACTIVITY_START_TOO_FAR_AHEAD');
    const existing = { frameId: null, categoryId: 30, start: '2025-02-03', end: null };
    const update = (start: string) => validateActivityUpdate({ existing, updated: { ...existing, start }, today: base.today, registrantRole: 'caseworker' });
    expect(errorCodeOf(() => update('2026-01-20'))).toBeNull();
    expect(errorCodeOf(() => update('2026-01-21'))).toBe('ACTIVITY_START_TOO_FAR_AHEAD');
  });

  it('accepts a one-day activity and an open end', () => {
    expect(errorCodeOf(() => validateNewActivity({ ...base, start: '2025-02-03', end: '2025-02-03' }))).toBeNull();
    expect(errorCodeOf(() => validateNewActivity({ ...base, start: '2025-02-03', end: null }))).toBeNull();
  });
});
