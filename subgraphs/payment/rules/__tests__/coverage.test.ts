// The jobcentre's weeks with EEA benefits, by ISO week, from periods and interruptions.
import { coverageWindow, eeaCoverageByWeek } from '../coverage';
import { codeOf } from './helpers';
import { period } from './helpers';

it('lists every ISO week a period touches with its covered days', () => {
  // Thursday 2026-10-01 to Tuesday 2026-10-13: weeks 40 (4 days), 41 (7), 42 (2).
  const weeks = eeaCoverageByWeek([period({ start: '2026-10-01', end: '2026-10-13' })]);
  expect(weeks.map((w) => [w.week, w.firstDay, w.lastDay, w.coveredDays])).toEqual([
    ['2026-W40', '2026-09-28', '2026-10-04', 4],
    ['2026-W41', '2026-10-05', '2026-10-11', 7],
    ['2026-W42', '2026-10-12', '2026-10-18', 2],
  ]);
  expect(weeks[0]).toMatchObject({ countries: ['DE'], paymentIds: ['P1'] });
});

it('stops at the day before the interruption date', () => {
  const weeks = eeaCoverageByWeek([period({ start: '2026-10-01', end: '2026-12-31', interruptionDate: '2026-10-12', interruptionCauseId: 1 })]);
  expect(weeks.map((w) => [w.week, w.coveredDays])).toEqual([
    ['2026-W40', 4],
    ['2026-W41', 7],
  ]);
});

it('merges two periods in one week and names both countries', () => {
  const weeks = eeaCoverageByWeek([
    period({ paymentId: 'A', country: 'SE', start: '2026-10-05', end: '2026-10-07' }),
    period({ paymentId: 'B', country: 'DE', start: '2026-10-08', end: '2026-10-09' }),
  ]);
  expect(weeks).toEqual([{ week: '2026-W41', firstDay: '2026-10-05', lastDay: '2026-10-11', coveredDays: 5, countries: ['DE', 'SE'], paymentIds: ['A', 'B'] }]);
});

it('names weeks across a year boundary by ISO year', () => {
  const weeks = eeaCoverageByWeek([period({ start: '2026-12-28', end: '2027-01-04' })]);
  expect(weeks.map((w) => [w.week, w.coveredDays])).toEqual([
    ['2026-W53', 7],
    ['2027-W01', 1],
  ]);
});

it('clips to the window asked for', () => {
  const weeks = eeaCoverageByWeek([period({ start: '2026-10-01', end: '2026-12-31' })], { from: '2026-10-06', to: '2026-10-13' });
  expect(weeks.map((w) => [w.week, w.coveredDays])).toEqual([
    ['2026-W41', 6],
    ['2026-W42', 2],
  ]);
  expect(eeaCoverageByWeek([period()], { from: '2027-01-01' })).toEqual([]);
});

describe('the window asked for', () => {
  it('fills a missing bound two years from the other, or a year either side of today', () => {
    expect(coverageWindow({}, '2026-11-23')).toEqual({ from: '2025-11-23', to: '2027-11-22' });
    expect(coverageWindow({ from: '2026-01-01' }, '2026-11-23')).toEqual({ from: '2026-01-01', to: '2027-12-31' });
    expect(coverageWindow({ to: '2026-12-31' }, '2026-11-23')).toEqual({ from: '2025-01-01', to: '2026-12-31' });
  });

  it('is at most two years long and never ends before it starts', () => {
    expect(codeOf(() => coverageWindow({ from: '2026-01-01', to: '2027-12-31' }, '2026-11-23'))).toBe('OK');
    expect(codeOf(() => coverageWindow({ from: '2026-01-01', to: '2028-01-01' }, '2026-11-23'))).toBe('EEA_COVERAGE_RANGE_TOO_LONG');
    expect(codeOf(() => coverageWindow({ from: '2026-01-02', to: '2026-01-01' }, '2026-11-23'))).toBe('INVALID_DATE_RANGE');
  });
});
