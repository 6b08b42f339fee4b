// Registration and update rules: dates, back-dating, maximum duration, valid-from, overlap.
import { validateRegistration, validateUpdate } from '..';
import type { AbsenceState } from '../period';
import { codeOf } from '../../../../test/support/codes';

const TODAY = '2026-11-23';

function register(typeId: number, start: string, end: string | null, options: { group?: number; today?: string; existing?: AbsenceState[] } = {}) {
  return codeOf(() => validateRegistration({ typeId, start, end, contactGroups: inGroup(options.group ?? 2), today: options.today ?? TODAY, existingAbsences: options.existing ?? [] }));
}

/** A person in one contact group since long ago (a directory row from before the dated column). */
function inGroup(contactGroupId: number) {
  return { contactGroups: [], contactGroupId, contactGroupStart: '2020-01-01' };
}

function absence(id: string, typeId: number, start: string, end: string | null, status: AbsenceState['status'] = 'ACTIVE', statusSince: string | null = null): AbsenceState {
  return { id, typeId, start, end, status, statusSince };
}

describe('dates', () => {
  it('refuses an end before the start', () => expect(register(8, '2026-11-23', '2026-11-22')).toBe('INVALID_DATE_RANGE'));
  it('accepts a one-day absence', () => expect(register(8, '2026-11-23', '2026-11-23')).toBe('OK'));
  it('refuses an unknown type', () => expect(register(999, '2026-11-23', null)).toBe('UNKNOWN_ABSENCE_TYPE'));
});

describe.each([79, 80])('back-dating of %i: at most 8 weeks (001 §2.1, §2.2)', (typeId) => {
  const group = typeId === 79 ? 2 : 1;
  it('accepts a start exactly 8 weeks back', () => expect(register(typeId, '2026-09-28', '2026-12-01', { group })).toBe('OK'));
  it('refuses a start 8 weeks and a day back', () => expect(register(typeId, '2026-09-27', '2026-12-01', { group })).toBe('BACKDATING_LIMIT_EXCEEDED'));
});

it('types without a back-dating limit may start further back', () => expect(register(8, '2025-01-01', null)).toBe('OK'));

describe('maximum duration', () => {
  it.each([
    [79, '2026-11-23', '2027-05-23', 'OK'], // 26 weeks counting the first day
    [79, '2026-11-23', '2027-05-24', 'MAX_DURATION_EXCEEDED'],
    [79, '2026-11-23', null, 'MAX_DURATION_EXCEEDED'],
    [80, '2026-11-23', '2031-11-22', 'OK'], // 5 years
    [80, '2026-11-23', '2031-11-23', 'MAX_DURATION_EXCEEDED'],
    [45, '2026-11-23', '2027-01-03', 'OK'], // 6 weeks
    [45, '2026-11-23', '2027-01-04', 'MAX_DURATION_EXCEEDED'],
    [72, '2026-11-23', null, 'OK'], // over 6 weeks: no limit
  ])('type %i from %s to %s: %s', (typeId, start, end, expected) => {
    expect(register(typeId, start, end, { group: typeId === 80 || typeId === 45 || typeId === 72 ? 1 : 2 })).toBe(expected);
  });
});

describe('77 is usable from 2021-03-15 (000, 001 §2.9)', () => {
  it('refuses a start on 2021-03-14', () => expect(register(77, '2021-03-14', '2021-03-20', { group: 1, today: '2021-03-14' })).toBe('ABSENCE_TYPE_NOT_YET_VALID'));
  it('accepts a start on 2021-03-15', () => expect(register(77, '2021-03-15', '2021-03-20', { group: 1, today: '2021-03-14' })).toBe('OK'));
});

describe('79 and 8 never overlap (001 §2.1)', () => {
  it('refuses 79 over an 8', () => expect(register(79, '2026-11-23', '2026-12-31', { existing: [absence('a', 8, '2026-12-01', null)] })).toBe('ABSENCE_OVERLAP_NOT_ALLOWED'));
  it('refuses 8 over a 79', () => expect(register(8, '2026-12-31', null, { existing: [absence('a', 79, '2026-11-23', '2026-12-31')] })).toBe('ABSENCE_OVERLAP_NOT_ALLOWED'));
  it('accepts 8 the day after a 79 ends', () => expect(register(8, '2027-01-01', null, { existing: [absence('a', 79, '2026-11-23', '2026-12-31')] })).toBe('OK'));
  it('ignores a deleted 8', () => expect(register(79, '2026-11-23', '2026-12-31', { existing: [absence('a', 8, '2026-12-01', null, 'DELETED')] })).toBe('OK'));
  it('ignores an 8 ended by a contact-group change before it started', () =>
    expect(register(79, '2026-11-23', '2026-12-31', { existing: [absence('a', 8, '2026-12-01', null, 'ENDED', '2026-11-30')] })).toBe('OK'));
  it('counts a 79 on hold', () => expect(register(8, '2026-12-01', null, { existing: [absence('a', 79, '2026-11-23', '2026-12-31', 'ON_HOLD', '2026-11-25')] })).toBe('ABSENCE_OVERLAP_NOT_ALLOWED'));
  it('lets other types overlap freely', () => expect(register(45, '2026-11-23', '2026-12-01', { existing: [absence('a', 45, '2026-11-23', '2026-12-01')] })).toBe('OK'));
});

describe('update (001 §2.6)', () => {
  const update = (current: AbsenceState, next: { start: string; end: string | null }, existing: AbsenceState[] = [current]) =>
    codeOf(() => validateUpdate({ current, next, contactGroups: inGroup(2), today: TODAY, existingAbsences: existing }));

  it.each([43, 44, 45, 46, 71, 73])('never pushes %i past 6 weeks', (typeId) => {
    expect(update(absence('a', typeId, '2026-11-01', '2026-11-30'), { start: '2026-11-01', end: '2026-12-13' })).toBe('MAX_DURATION_EXCEEDED');
    expect(update(absence('a', typeId, '2026-11-01', '2026-11-30'), { start: '2026-11-01', end: '2026-12-12' })).toBe('OK');
  });
  it('refuses an open end for a type with a maximum', () => expect(update(absence('a', 79, '2026-11-01', '2026-11-30'), { start: '2026-11-01', end: null })).toBe('MAX_DURATION_EXCEEDED'));
  it('refuses an end before the start', () => expect(update(absence('a', 8, '2026-11-01', null), { start: '2026-11-01', end: '2026-10-01' })).toBe('INVALID_DATE_RANGE'));
  it('checks a moved start against the back-dating limit', () => expect(update(absence('a', 79, '2026-11-01', '2026-11-30'), { start: '2026-09-01', end: '2026-11-30' })).toBe('BACKDATING_LIMIT_EXCEEDED'));
  it('does not re-check an unchanged start that has since aged past the limit', () =>
    expect(update(absence('a', 80, '2026-09-01', '2026-11-30'), { start: '2026-09-01', end: '2026-12-31' })).toBe('OK'));
  it('refuses an update into an overlap of 79 and 8', () => {
    const own = absence('a', 79, '2026-11-01', '2026-11-30');
    expect(update(own, { start: '2026-11-01', end: '2026-12-05' }, [own, absence('b', 8, '2026-12-01', null)])).toBe('ABSENCE_OVERLAP_NOT_ALLOWED');
  });
  it.each(['DELETED', 'ENDED'] as const)('refuses to change a %s absence', (status) => {
    expect(update(absence('a', 8, '2026-11-01', null, status, '2026-11-10'), { start: '2026-11-01', end: '2026-11-05' })).toBe('ABSENCE_NOT_CHANGEABLE');
  });
  it('changes an absence on hold', () => expect(update(absence('a', 79, '2026-11-01', '2026-11-30', 'ON_HOLD', '2026-11-10'), { start: '2026-11-01', end: '2026-12-15' })).toBe('OK'));
  it('refuses an update that changes nothing', () => expect(update(absence('a', 8, '2026-11-01', null), { start: '2026-11-01', end: null })).toBe('NOTHING_TO_UPDATE'));
});
