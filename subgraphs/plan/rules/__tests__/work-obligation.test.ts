// Work obligation hours per ISO week (002): utility work counts fully, preparation/job search away
// from home at most 4 hours a week in total, and only on days the person is covered.
import { isoWeekDays, workObligationHours, type WorkObligationActivity } from '..';
import { errorCodeOf } from './error-code-of';

// 2025-W02 runs Monday 2025-01-06 to Sunday 2025-01-12.
const utilityWork = (hoursPerWeek: number): WorkObligationActivity => ({ categoryId: 901, start: '2025-01-06', end: null, hoursPerWeek });
const preparation = (hoursPerWeek: number): WorkObligationActivity => ({ categoryId: 902, start: '2025-01-06', end: '2025-03-30', hoursPerWeek });
/** Covered on every day of the weeks below. */
const COVERED = [{ start: '2024-12-30', end: null }];

describe('work obligation hours', () => {
  it('counts Særligt tilrettelagt nytteindsats fully', () => {
    expect(workObligationHours([utilityWork(37)], '2025-W02', COVERED)).toEqual({
      isoWeek: '2025-W02',
      covered: true,
      countedHours: 37,
      uncountedHours: 0,
      byCategory: [{ categoryId: 901, registeredHours: 37, countedHours: 37 }],
    });
  });

  it('counts 4 hours of Forberedelse og jobsøgning uden for hjemmet, not the excess', () => {
    expect(workObligationHours([utilityWork(30), preparation(6)], '2025-W02', COVERED)).toEqual({
      isoWeek: '2025-W02',
      covered: true,
      countedHours: 34,
      uncountedHours: 2,
      byCategory: [
        { categoryId: 901, registeredHours: 30, countedHours: 30 },
        { categoryId: 902, registeredHours: 6, countedHours: 4 },
      ],
    });
  });

  it('counts exactly 4 hours in full', () => {
    expect(workObligationHours([preparation(4)], '2025-W02', COVERED).countedHours).toBe(4);
  });

  it('caps preparation at 4 hours in total over several activities', () => {
    const week = workObligationHours([preparation(3), preparation(3)], '2025-W02', COVERED);
    expect(week.countedHours).toBe(4);
    expect(week.uncountedHours).toBe(2);
  });

  it('counts an activity only in weeks its period touches', () => {
    const endedSunday = { ...utilityWork(10), start: '2024-12-30', end: '2025-01-05' };
    const startsSunday = { ...utilityWork(7), start: '2025-01-12' };
    expect(workObligationHours([endedSunday, startsSunday], '2025-W02', COVERED).countedHours).toBe(7);
    expect(workObligationHours([endedSunday, startsSunday], '2025-W01', COVERED).countedHours).toBe(10);
  });

  it('does not count activities the seed does not name for the work obligation', () => {
    const education = { categoryId: 26, start: '2025-01-06', end: null, hoursPerWeek: 20 };
    expect(workObligationHours([education], '2025-W02', COVERED)).toEqual({ isoWeek: '2025-W02', covered: true, countedHours: 0, uncountedHours: 0, byCategory: [] });
  });

  it('refuses negative hours', () => {
    expect(errorCodeOf(() => workObligationHours([utilityWork(-1)], '2025-W02', COVERED))).toBe('INVALID_HOURS');
  });

  it('counts nothing for a person the work obligation does not reach', () => {
    expect(workObligationHours([utilityWork(37)], '2025-W02', [])).toEqual({ isoWeek: '2025-W02', covered: false, countedHours: 0, uncountedHours: 0, byCategory: [] });
  });

  it('counts an activity when it runs on a covered day of the week, not when it runs only on the others', () => {
    const coveredFromFriday = [{ start: '2025-01-10', end: null }];
    const mondayToThursday = { ...utilityWork(10), end: '2025-01-09' };
    const mondayToFriday = { ...utilityWork(12), end: '2025-01-10' };
    expect(workObligationHours([mondayToThursday], '2025-W02', coveredFromFriday)).toMatchObject({ covered: true, countedHours: 0 });
    expect(workObligationHours([mondayToFriday], '2025-W02', coveredFromFriday)).toMatchObject({ covered: true, countedHours: 12 });
    // A covered period after the week does not make an activity running past Sunday count in it.
    expect(workObligationHours([utilityWork(5)], '2025-W02', [{ start: '2025-01-13', end: null }])).toMatchObject({ covered: false, countedHours: 0 });
  });
});

describe('ISO weeks', () => {
  it('finds Monday and Sunday across year ends', () => {
    expect(isoWeekDays('2025-W01')).toEqual({ monday: '2024-12-30', sunday: '2025-01-05' });
    expect(isoWeekDays('2026-W53')).toEqual({ monday: '2026-12-28', sunday: '2027-01-03' });
  });

  it('refuses weeks that do not exist', () => {
    expect(errorCodeOf(() => isoWeekDays('2025-W53'))).toBe('INVALID_ISO_WEEK');
    expect(errorCodeOf(() => isoWeekDays('2025-W00'))).toBe('INVALID_ISO_WEEK');
    expect(errorCodeOf(() => isoWeekDays('2025-02'))).toBe('INVALID_ISO_WEEK');
  });
});
