// Valid time in the payment subgraph: the membership and EEA period in force on a day, across their days.
import { membershipInForceOn, membershipOn, membershipScheduledOn, periodInForceOn, periodScheduledOn } from '..';
import { period } from './helpers';

describe('a-kasse memberships on a day', () => {
  const former = { akasse: '21', start: '2020-01-01', end: '2026-12-31' };
  const next = { akasse: '99', start: '2027-01-01', end: null };

  it('a membership dated ahead is scheduled, not in force, until its start; the former one holds through its end', () => {
    expect(membershipOn([next, former], '2026-12-31')).toBe(former);
    expect([membershipScheduledOn(next, '2026-12-31'), membershipInForceOn(next, '2026-12-31')]).toEqual([true, false]);
    expect(membershipOn([next, former], '2027-01-01')).toBe(next);
    expect([membershipScheduledOn(next, '2027-01-01'), membershipInForceOn(next, '2027-01-01')]).toEqual([false, true]);
    expect(membershipInForceOn(former, '2027-01-01')).toBe(false);
  });

  it('is none before the first membership', () => {
    expect(membershipOn([next, former], '2019-12-31')).toBeNull();
  });
});

describe('an EEA period on a day', () => {
  const interrupted = period({ start: '2026-10-01', end: '2026-12-31', interruptionDate: '2026-12-15' });

  it('is scheduled before its start, pays from its start through the day before its interruption', () => {
    expect([periodScheduledOn(interrupted, '2026-09-30'), periodInForceOn(interrupted, '2026-09-30')]).toEqual([true, false]);
    expect([periodScheduledOn(interrupted, '2026-10-01'), periodInForceOn(interrupted, '2026-10-01')]).toEqual([false, true]);
    expect(periodInForceOn(interrupted, '2026-12-14')).toBe(true);
    expect(periodInForceOn(interrupted, '2026-12-15')).toBe(false);
  });
});
