// Valid time's day rules: a registration is in force from its start through its end (both
// inclusive), the latest start wins where two are, a later start is scheduled, and a read answers
// for the operation's as-of day or else for today in Copenhagen (not UTC).
import { ManualClock } from '../clock';
import { inForceAt, inForceOn, isScheduled, readDay, scheduledAfter, valueOn } from '../valid-time';

describe('inForceOn', () => {
  const period = { start: '2026-12-01', end: '2026-12-19' };
  it.each([
    ['2026-11-30', false],
    ['2026-12-01', true],
    ['2026-12-19', true],
    ['2026-12-20', false],
  ])('a period 12-01..12-19 on %s: %s', (day, expected) => {
    expect(inForceOn(period, day)).toBe(expected);
  });

  it('runs on without an end, from its start', () => {
    expect(inForceOn({ start: '2026-12-20', end: null }, '2026-12-19')).toBe(false);
    expect(inForceOn({ start: '2026-12-20', end: null }, '2026-12-20')).toBe(true);
    expect(inForceOn({ start: '2026-12-20', end: null }, '2199-12-31')).toBe(true);
  });
});

describe('inForceAt', () => {
  const two = { id: 'group 2', start: '2026-06-01', end: null };
  const ten = { id: 'group 10', start: '2026-12-20', end: null };
  const ended = { id: 'ended', start: '2026-01-01', end: '2026-05-31' };

  it('picks the latest start in force on the day, across the change day', () => {
    expect(inForceAt([two, ten, ended], '2026-12-19')).toBe(two);
    expect(inForceAt([two, ten, ended], '2026-12-20')).toBe(ten);
    expect(inForceAt([ten, two, ended], '2026-12-21')).toBe(ten);
  });

  it('answers null before the first start and for a day no period covers', () => {
    expect(inForceAt([two, ten], '2026-05-31')).toBeNull();
    expect(inForceAt([ended], '2026-06-01')).toBeNull();
    expect(inForceAt([], '2026-06-01')).toBeNull();
  });
});

describe('isScheduled', () => {
  it('is a start after the day read, not on it', () => {
    expect(isScheduled({ start: '2026-12-20' }, '2026-12-19')).toBe(true);
    expect(isScheduled({ start: '2026-12-20' }, '2026-12-20')).toBe(false);
    expect(isScheduled({ start: '2026-12-20' }, '2026-12-21')).toBe(false);
  });
});

describe('readDay', () => {
  it('is the as-of day when the operation gave one', () => {
    expect(readDay({ clock: new ManualClock('2026-11-30T12:00:00Z'), asOf: '2026-12-20' })).toBe('2026-12-20');
  });

  it('is today in Copenhagen without one: 23:30 UTC on 12-19 is already 12-20 there', () => {
    expect(readDay({ clock: new ManualClock('2026-12-19T22:59:59Z'), asOf: null })).toBe('2026-12-19');
    expect(readDay({ clock: new ManualClock('2026-12-19T23:00:00Z'), asOf: null })).toBe('2026-12-20');
    expect(readDay({ clock: new ManualClock('2026-12-19T23:30:00Z') })).toBe('2026-12-20');
  });

  it('follows summer time: midnight in Copenhagen is 22:00 UTC in June', () => {
    expect(readDay({ clock: new ManualClock('2026-06-19T21:59:59Z') })).toBe('2026-06-19');
    expect(readDay({ clock: new ManualClock('2026-06-19T22:00:00Z') })).toBe('2026-06-20');
  });
});

describe('valueOn and scheduledAfter', () => {
  const timeline = [
    { start: '2026-12-20', value: 10 },
    { start: '2026-06-01', value: 2 },
    { start: '2027-02-01', value: 3 },
  ];

  it('valueOn is the value of the latest start on or before the day, whatever the order stored', () => {
    expect(valueOn(timeline, '2026-05-31')).toBeNull();
    expect(valueOn(timeline, '2026-06-01')).toBe(2);
    expect(valueOn(timeline, '2026-12-19')).toBe(2);
    expect(valueOn(timeline, '2026-12-20')).toBe(10);
    expect(valueOn(timeline, '2027-01-31')).toBe(10);
    expect(valueOn(timeline, '2027-02-01')).toBe(3);
  });

  it('a later entry for the same start replaces the earlier one (a correction of a scheduled change)', () => {
    expect(valueOn([...timeline, { start: '2026-12-20', value: 11 }], '2026-12-20')).toBe(11);
  });

  it('scheduledAfter lists the entries after the day in date order, and not the one starting on it', () => {
    expect(scheduledAfter(timeline, '2026-11-30').map((e) => e.value)).toEqual([10, 3]);
    expect(scheduledAfter(timeline, '2026-12-19').map((e) => e.value)).toEqual([10, 3]);
    expect(scheduledAfter(timeline, '2026-12-20').map((e) => e.value)).toEqual([3]);
    expect(scheduledAfter(timeline, '2027-02-01')).toEqual([]);
  });
});
