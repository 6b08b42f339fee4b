import { addDays, addMonths, addWeeks, addYears, daysBetween, isIsoDate, isoWeek, isoWeekday, lastDayOfMonth, rangesOverlap, subtractPeriod, toIsoDate } from '../dates';

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

  it('adds months to the same day, or to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2027-01-15', -1)).toBe('2026-12-15');
    expect(addYears('2028-02-29', -1)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('subtracts a period: years and months first, clamped, then days', () => {
    expect(subtractPeriod('2028-02-29', { years: 1 })).toBe('2027-02-28');
    expect(subtractPeriod('2026-08-31', { months: 6 })).toBe('2026-02-28');
    expect(subtractPeriod('2026-03-31', { months: 1, days: 1 })).toBe('2026-02-27');
    expect(subtractPeriod('2026-11-23', { days: 90 })).toBe('2026-08-25');
    expect(subtractPeriod('2026-11-23', {})).toBe('2026-11-23');
  });

  it('knows month lengths and ISO weekdays', () => {
    expect(lastDayOfMonth(2028, 2)).toBe(29);
    expect(lastDayOfMonth(2100, 2)).toBe(28);
    expect(lastDayOfMonth(2026, 12)).toBe(31);
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-12-06')).toBe(7);
  });

  it('counts whole days across the DST changes in Copenhagen', () => {
    // 29 March and 25 October 2026: the clocks move, the calendar does not.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(toIsoDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29'); // 00:30 CET
    expect(toIsoDate(new Date('2026-03-29T22:30:00Z'))).toBe('2026-03-30'); // 00:30 CEST
    expect(toIsoDate(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25'); // 00:30 CEST
    expect(toIsoDate(new Date('2026-10-25T22:30:00Z'))).toBe('2026-10-25'); // 23:30 CET
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
