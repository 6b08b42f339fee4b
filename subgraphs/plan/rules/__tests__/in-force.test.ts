// Valid time in Min plan: the version, activities and frames in force on a day, across their days.
import { activityInForceOn, activityScheduledOn, allocationFrame, frameOpenOn, versionEffectiveOn, versionInForceOn, versionsInForceBy } from '..';

const at = (iso: string) => new Date(`${iso}T09:00:00Z`);

describe('the plan version in force on a day', () => {
  const v1 = { version: 1, effectiveOn: '2026-11-02', createdAt: at('2026-11-02') };
  const v2 = { version: 2, effectiveOn: '2026-11-25', createdAt: at('2026-11-25') };
  // Recorded on 11-30 for a change to group 10 back-dated to 11-16: in force from 11-16.
  const v3 = { version: 3, effectiveOn: '2026-11-16', createdAt: at('2026-11-30') };
  const versions = [v1, v2, v3];

  it('is none before the first version, then the newest recorded of those in force by the day', () => {
    expect(versionInForceOn(versions, '2026-11-01')).toBeNull();
    expect(versionInForceOn(versions, '2026-11-02')).toBe(v1);
    expect(versionInForceOn(versions, '2026-11-15')).toBe(v1);
    expect(versionInForceOn(versions, '2026-11-16')).toBe(v3);
    expect(versionInForceOn(versions, '2026-11-30')).toBe(v3);
  });

  it('lists the versions in force by the day, newest recorded first', () => {
    expect(versionsInForceBy(versions, '2026-11-20').map((v) => v.version)).toEqual([3, 1]);
    expect(versionsInForceBy(versions, '2026-11-25').map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('dates a version from before valid time by the Copenhagen day it was recorded', () => {
    expect(versionEffectiveOn({ version: 1, effectiveOn: null, createdAt: new Date('2026-11-29T23:30:00Z') })).toBe('2026-11-30');
  });
});

describe('an activity on a day', () => {
  const course = { status: 'ACTIVE' as const, start: '2026-12-07', end: '2026-12-18' };

  it('is scheduled before its start, in force from its start through its end, and neither after', () => {
    expect([activityScheduledOn(course, '2026-12-06'), activityInForceOn(course, '2026-12-06')]).toEqual([true, false]);
    expect([activityScheduledOn(course, '2026-12-07'), activityInForceOn(course, '2026-12-07')]).toEqual([false, true]);
    expect([activityScheduledOn(course, '2026-12-18'), activityInForceOn(course, '2026-12-18')]).toEqual([false, true]);
    expect([activityScheduledOn(course, '2026-12-19'), activityInForceOn(course, '2026-12-19')]).toEqual([false, false]);
  });

  it('is never in force nor scheduled once cancelled: it never took place', () => {
    const cancelled = { ...course, status: 'CANCELLED' as const };
    expect([activityScheduledOn(cancelled, '2026-12-01'), activityInForceOn(cancelled, '2026-12-10')]).toEqual([false, false]);
  });
});

describe('an allocation frame on a day', () => {
  it('frame 17 (110 % dagpenge) is open from 2020-08-01 through 2022-12-31 only', () => {
    const frame = allocationFrame(17);
    expect(['2020-07-31', '2020-08-01', '2022-12-31', '2023-01-01'].map((day) => frameOpenOn(frame, day))).toEqual([false, true, true, false]);
  });
});
