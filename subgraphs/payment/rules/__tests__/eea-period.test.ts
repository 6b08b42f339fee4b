// EEA benefit periods (001 §5.1): reporting, idempotent PaymentIdentifiers, interruption strictly
// inside the period, start and country fixed (delete and report again), no overlapping coverage.
import { coverageEnd, decideReport, EEA_PERIOD_MAX_WEEKS_AHEAD, parsePaymentId, validateInterruption, validatePeriodUpdate, type ReportRequest } from '../eea-period';
import { codeOf, period } from './helpers';

const member21 = [{ akasse: '21', start: '2020-01-01', end: null }];

function report(overrides: Partial<ReportRequest> = {}): ReportRequest {
  return { akasse: '21', personId: 'person-1', country: 'DE', start: '2026-10-01', end: '2026-12-31', paymentId: 'P1', memberships: member21, periods: [], samePaymentId: null, today: '2026-11-23', ...overrides };
}

describe('reporting a period', () => {
  it(`starts at most ${EEA_PERIOD_MAX_WEEKS_AHEAD} weeks ahead of the day it is reported; it may end any time later`, () => {
    expect(codeOf(() => decideReport(report({ start: '2027-02-22', end: '2027-12-31' })))).toBe('OK');
    expect(codeOf(() => decideReport(report({ start: '2027-02-23', end: '2027-12-31' })))).toBe('EEA_PERIOD_STARTS_TOO_FAR_AHEAD');
  });

  it('accepts a valid report', () => {
    expect(decideReport(report())).toEqual({ action: 'CREATE' });
    expect(decideReport(report({ paymentId: null }))).toEqual({ action: 'CREATE' });
  });

  it('refuses a country outside the EEA list', () => {
    expect(codeOf(() => decideReport(report({ country: 'US' })))).toBe('UNKNOWN_EEA_COUNTRY');
    expect(codeOf(() => decideReport(report({ country: 'DK' })))).toBe('UNKNOWN_EEA_COUNTRY');
  });

  it('refuses an end before the start', () => {
    expect(codeOf(() => decideReport(report({ end: '2026-09-30' })))).toBe('INVALID_DATE_RANGE');
  });

  it('refuses a malformed PaymentIdentifier', () => {
    expect(codeOf(() => parsePaymentId('has space'))).toBe('INVALID_PAYMENT_ID');
    expect(codeOf(() => parsePaymentId('x'.repeat(65)))).toBe('INVALID_PAYMENT_ID');
    expect(codeOf(() => decideReport(report({ paymentId: '' })))).toBe('INVALID_PAYMENT_ID');
  });

  it('is reported by the a-kasse the person is a member of when the period starts', () => {
    expect(codeOf(() => decideReport(report({ akasse: '30' })))).toBe('NOT_A_MEMBER_OF_AKASSE');
    expect(codeOf(() => decideReport(report({ memberships: [{ akasse: '21', start: '2020-01-01', end: '2026-09-30' }] })))).toBe('NOT_A_MEMBER_OF_AKASSE');
    expect(codeOf(() => decideReport(report({ memberships: [{ akasse: '21', start: '2026-10-02', end: null }] })))).toBe('NOT_A_MEMBER_OF_AKASSE');
  });

  it('answers the same report with the same PaymentIdentifier with the stored period', () => {
    const stored = period();
    expect(decideReport(report({ samePaymentId: stored, periods: [stored] }))).toEqual({ action: 'ALREADY_REPORTED', period: stored });
  });

  it('refuses a PaymentIdentifier already used for different data', () => {
    expect(codeOf(() => decideReport(report({ samePaymentId: period({ end: '2026-11-30' }) })))).toBe('PAYMENT_ID_CONFLICT');
    expect(codeOf(() => decideReport(report({ samePaymentId: period({ country: 'SE' }) })))).toBe('PAYMENT_ID_CONFLICT');
    expect(codeOf(() => decideReport(report({ samePaymentId: period({ personId: 'someone-else' }) })))).toBe('PAYMENT_ID_CONFLICT');
  });

  it('never overlaps the coverage of another period', () => {
    const existing = period({ paymentId: 'P0', start: '2026-09-01', end: '2026-10-01' });
    expect(codeOf(() => decideReport(report({ periods: [existing] })))).toBe('EEA_PERIOD_OVERLAP');
    expect(codeOf(() => decideReport(report({ periods: [period({ paymentId: 'P0', start: '2026-09-01', end: '2026-09-30' })] })))).toBe('OK');
  });

  it('lets a new period start on the interruption date of an earlier one', () => {
    const interrupted = period({ paymentId: 'P0', start: '2026-09-01', end: '2026-12-31', interruptionDate: '2026-10-01', interruptionCauseId: 2 });
    expect(codeOf(() => decideReport(report({ periods: [interrupted] })))).toBe('OK');
    expect(codeOf(() => decideReport(report({ start: '2026-09-30', periods: [interrupted] })))).toBe('EEA_PERIOD_OVERLAP');
  });
});

describe('interrupting a period', () => {
  it('takes a date strictly between start and end', () => {
    expect(validateInterruption(period(), { interruptionDate: '2026-10-02', causeId: 1 }, [])).toBe(true);
    expect(validateInterruption(period(), { interruptionDate: '2026-12-30', causeId: 1 }, [])).toBe(true);
    for (const date of ['2026-10-01', '2026-12-31', '2026-09-30', '2027-01-01']) {
      expect(codeOf(() => validateInterruption(period(), { interruptionDate: date, causeId: 1 }, []))).toBe('INTERRUPTION_DATE_OUTSIDE_PERIOD');
    }
  });

  it('takes a cause from the list 1-6', () => {
    expect(codeOf(() => validateInterruption(period(), { interruptionDate: '2026-11-01', causeId: 7 }, []))).toBe('UNKNOWN_INTERRUPTION_CAUSE');
  });

  it('changes nothing when the same interruption is sent again', () => {
    const interrupted = period({ interruptionDate: '2026-11-01', interruptionCauseId: 3 });
    expect(validateInterruption(interrupted, { interruptionDate: '2026-11-01', causeId: 3 }, [interrupted])).toBe(false);
    expect(validateInterruption(interrupted, { interruptionDate: '2026-11-01', causeId: 4 }, [interrupted])).toBe(true);
  });

  it('may not move an interruption later into another period', () => {
    const interrupted = period({ interruptionDate: '2026-11-01', interruptionCauseId: 2 });
    const next = period({ paymentId: 'P2', start: '2026-11-01', end: '2026-11-30', country: 'SE' });
    expect(codeOf(() => validateInterruption(interrupted, { interruptionDate: '2026-11-02', causeId: 2 }, [interrupted, next]))).toBe('EEA_PERIOD_OVERLAP');
  });

  it('ends coverage the day before the interruption date', () => {
    expect(coverageEnd(period({ interruptionDate: '2026-11-01' }))).toBe('2026-10-31');
    expect(coverageEnd(period())).toBe('2026-12-31');
  });
});

describe('updating a period', () => {
  it('refuses a new start or country: delete and report again', () => {
    expect(codeOf(() => validatePeriodUpdate(period(), { start: '2026-10-02' }, []))).toBe('EEA_PERIOD_CHANGE_REQUIRES_DELETE_AND_REPORT');
    expect(codeOf(() => validatePeriodUpdate(period(), { country: 'SE' }, []))).toBe('EEA_PERIOD_CHANGE_REQUIRES_DELETE_AND_REPORT');
    expect(codeOf(() => validatePeriodUpdate(period(), { country: 'SE', end: '2027-01-31' }, []))).toBe('EEA_PERIOD_CHANGE_REQUIRES_DELETE_AND_REPORT');
  });

  it('accepts the unchanged start and country beside a new end', () => {
    expect(validatePeriodUpdate(period(), { start: '2026-10-01', country: 'DE', end: '2027-01-31' }, [])).toBe('2027-01-31');
    expect(validatePeriodUpdate(period(), { start: '2026-10-01' }, [])).toBeNull();
  });

  it('keeps the end on or after the start and after an interruption', () => {
    expect(codeOf(() => validatePeriodUpdate(period(), { end: '2026-09-30' }, []))).toBe('INVALID_DATE_RANGE');
    expect(validatePeriodUpdate(period(), { end: '2026-10-01' }, [])).toBe('2026-10-01');
    const interrupted = period({ interruptionDate: '2026-11-01', interruptionCauseId: 1 });
    expect(codeOf(() => validatePeriodUpdate(interrupted, { end: '2026-11-01' }, []))).toBe('EEA_PERIOD_END_NOT_AFTER_INTERRUPTION');
    expect(validatePeriodUpdate(interrupted, { end: '2026-11-02' }, [])).toBe('2026-11-02');
  });

  it('may not lengthen a period into another', () => {
    const next = period({ paymentId: 'P2', start: '2027-01-01', end: '2027-02-28' });
    expect(codeOf(() => validatePeriodUpdate(period(), { end: '2027-01-01' }, [period(), next]))).toBe('EEA_PERIOD_OVERLAP');
    expect(validatePeriodUpdate(period(), { end: '2026-12-15' }, [period(), next])).toBe('2026-12-15');
  });
});
