import { addDays, addWeeks, addYears, daysBetween, isIsoDate, isoWeek, rangesOverlap, toIsoDate } from '../dates';

describe('calendar dates', () => {
  it('accepts only real calendar days in YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
  });

  it('adds days, weeks and years across month and leap-year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addWeeks('2026-11-23', -8)).toBe('2026-09-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
  });

  it('uses the Danish calendar day of an instant', () => {
    expect(toIsoDate(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(toIsoDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });

  it('treats ranges as inclusive with an open end running forever', () => {
    expect(rangesOverlap({ start: '2026-01-01', end: '2026-01-31' }, { start: '2026-01-31', end: null })).toBe(true);
    expect(rangesOverlap({ start: '2026-01-01', end: '2026-01-30' }, { start: '2026-01-31', end: null })).toBe(false);
  });

  it('names ISO weeks across year ends', () => {
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });
});
