// Cancel before the start, interrupt after it within the period, and never end an activity twice.
import { assertActivityActive, validateCancellation, validateInterruption, type ActivityState } from '..';
import { errorCodeOf } from './error-code-of';

const activity = (overrides: Partial<ActivityState> = {}): ActivityState => ({ id: 'a1', status: 'ACTIVE', start: '2025-03-01', end: '2025-03-31', ...overrides });

describe('cancelling (annullering)', () => {
  it('is for activities starting after today', () => {
    expect(errorCodeOf(() => validateCancellation(activity(), '2025-02-28'))).toBeNull();
    expect(errorCodeOf(() => validateCancellation(activity(), '2025-03-01'))).toBe('ACTIVITY_ALREADY_STARTED');
  });

  it('is refused for an activity already ended', () => {
    expect(errorCodeOf(() => validateCancellation(activity({ status: 'CANCELLED' }), '2025-02-01'))).toBe('ACTIVITY_NOT_ACTIVE');
  });
});

describe('interrupting (afbrydelse)', () => {
  it('is for started activities, on a date within the period, which becomes the end', () => {
    expect(validateInterruption(activity(), '2025-03-01', '2025-03-01')).toBe('2025-03-01');
    expect(validateInterruption(activity(), '2025-03-31', '2025-03-10')).toBe('2025-03-31');
    expect(errorCodeOf(() => validateInterruption(activity(), '2025-03-01', '2025-02-28'))).toBe('ACTIVITY_NOT_STARTED');
    expect(errorCodeOf(() => validateInterruption(activity(), '2025-02-28', '2025-03-10'))).toBe('INTERRUPTION_DATE_OUTSIDE_ACTIVITY');
    expect(errorCodeOf(() => validateInterruption(activity(), '2025-04-01', '2025-03-10'))).toBe('INTERRUPTION_DATE_OUTSIDE_ACTIVITY');
  });

  it('accepts any date after the start of an open-ended activity', () => {
    expect(validateInterruption(activity({ end: null }), '2026-01-01', '2025-03-10')).toBe('2026-01-01');
  });

  it('is refused for an activity already interrupted', () => {
    expect(errorCodeOf(() => validateInterruption(activity({ status: 'INTERRUPTED' }), '2025-03-05', '2025-03-10'))).toBe('ACTIVITY_NOT_ACTIVE');
  });

  it('refuses a malformed date', () => {
    expect(errorCodeOf(() => validateInterruption(activity(), '2025-02-30', '2025-03-10'))).toBe('INVALID_DATE');
  });
});

it('only active activities may be updated', () => {
  expect(errorCodeOf(() => assertActivityActive(activity()))).toBeNull();
  expect(errorCodeOf(() => assertActivityActive(activity({ status: 'INTERRUPTED' })))).toBe('ACTIVITY_NOT_ACTIVE');
});
