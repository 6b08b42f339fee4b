// Issue 18 on the absence rules: a registration is checked against the contact group in force on
// its own start (a pending change counts from its day), the status and exemptions are read as of a
// day, dates reaching over a change already in force meet its rules, and events of a change that
// reaches back are dated the first day it touches.
import { displayStatus, exemptionsOn, firstDayChanged, missedReactions, validateRegistration, validateUpdate, type StatusChange } from '..';
import type { AbsenceState } from '../period';
import type { ContactGroupRecord } from '../../../common/contact-group-timeline';
import { isDomainError } from '../../../../core/errors';
import { codeOf } from '../../../../test/support/codes';

/** 2026-11-30: the person is in kontanthjælp (2); a change to dagpenge (1) is recorded for 2026-12-20. */
const TODAY = '2026-11-30';
const PENDING: ContactGroupRecord = {
  contactGroups: [
    { registrationId: 'r2', contactGroupId: 2, start: '2026-01-05' },
    { registrationId: 'r1', contactGroupId: 1, start: '2026-12-20' },
  ],
  contactGroupId: 2,
  contactGroupStart: '2026-01-05',
};

const register = (typeId: number, start: string, end: string | null, contactGroups = PENDING) =>
  () => validateRegistration({ typeId, start, end, contactGroups, today: TODAY, existingAbsences: [] });

function absence(typeId: number, start: string, end: string | null, status: AbsenceState['status'] = 'ACTIVE', statusSince: string | null = null): AbsenceState {
  return { id: `a${typeId}`, typeId, start, end, status, statusSince };
}

describe('79 (groups 2, … not 1) while a change to group 1 on 2026-12-20 is pending', () => {
  it('is accepted today in today\'s group 2 (the issue: it was refused)', () => expect(codeOf(register(79, TODAY, '2026-12-31'))).toBe('OK'));
  it('is accepted starting the day before the change, and may span it', () => expect(codeOf(register(79, '2026-12-19', '2027-01-31'))).toBe('OK'));
  it('is refused starting on the change\'s day', () => expect(codeOf(register(79, '2026-12-20', '2027-01-31'))).toBe('ABSENCE_TYPE_NOT_ALLOWED_FOR_CONTACT_GROUP'));
  it('is refused starting after it', () => expect(codeOf(register(79, '2026-12-21', '2027-01-31'))).toBe('ABSENCE_TYPE_NOT_ALLOWED_FOR_CONTACT_GROUP'));
  it('names the group and the day it was checked on', () => {
    try {
      register(79, '2026-12-20', '2027-01-31')();
      throw new Error('not refused');
    } catch (error) {
      if (!isDomainError(error)) throw error;
      expect(error.message).toContain('contact group 1');
      expect(error.message).toContain('2026-12-20');
      expect(error.extensions).toMatchObject({ contactGroupId: 1, start: '2026-12-20' });
    }
  });
});

describe('901 (group 1 only) against the future group', () => {
  it('is refused starting the day before the change (group 2 then)', () => expect(codeOf(register(901, '2026-12-19', '2026-12-31'))).toBe('ABSENCE_TYPE_NOT_ALLOWED_FOR_CONTACT_GROUP'));
  it('is accepted starting on the change\'s day', () => expect(codeOf(register(901, '2026-12-20', '2026-12-31'))).toBe('OK'));
});

describe('no group in force on the start', () => {
  const scheduledOnly: ContactGroupRecord = { contactGroups: [{ registrationId: 'r1', contactGroupId: 1, start: '2026-12-20' }], contactGroupId: null, contactGroupStart: null };
  it('refuses with NO_OPEN_CONTACT_GROUP before the first group starts', () => expect(codeOf(register(45, '2026-12-19', '2026-12-31', scheduledOnly))).toBe('NO_OPEN_CONTACT_GROUP'));
  it('accepts from the first group\'s day', () => expect(codeOf(register(45, '2026-12-20', '2026-12-31', scheduledOnly))).toBe('OK'));
});

describe('an update that moves the start is checked on the new start', () => {
  const update = (current: AbsenceState, next: { start: string; end: string | null }) =>
    codeOf(() => validateUpdate({ current, next, contactGroups: PENDING, today: TODAY, existingAbsences: [current] }));
  const sorrow = absence(79, '2026-12-01', '2026-12-31');
  it('accepts a start moved to the day before the change', () => expect(update(sorrow, { start: '2026-12-19', end: '2026-12-31' })).toBe('OK'));
  it('refuses a start moved onto the change\'s day', () => expect(update(sorrow, { start: '2026-12-20', end: '2026-12-31' })).toBe('ABSENCE_TYPE_NOT_ALLOWED_FOR_CONTACT_GROUP'));
  it('does not re-check the group when only the end moves over the change', () => expect(update(sorrow, { start: '2026-12-01', end: '2027-01-31' })).toBe('OK'));
});

describe('the status on a day', () => {
  const ended = absence(79, '2026-11-01', '2026-12-19', 'ENDED', '2026-12-20');
  it.each([
    ['2026-10-31', 'PLANNED'],
    ['2026-12-19', 'ACTIVE'], // the day before the change: as it was
    ['2026-12-20', 'ENDED'],
  ])('of a 79 ended by the change on 2026-12-20, on %s: %s', (day, expected) => expect(displayStatus(ended, day)).toBe(expected));

  const held = absence(79, '2026-11-01', '2027-01-31', 'ON_HOLD', '2026-12-10');
  it.each([
    ['2026-12-09', 'ACTIVE'],
    ['2026-12-10', 'ON_HOLD'],
  ])('of a 79 held from 2026-12-10, on %s: %s', (day, expected) => expect(displayStatus(held, day)).toBe(expected));

  it('of one ended before it started: planned before the change, ended from it', () => {
    const never = absence(79, '2026-12-25', '2027-01-31', 'ENDED', '2026-12-20');
    expect(displayStatus(never, '2026-12-19')).toBe('PLANNED');
    expect(displayStatus(never, '2026-12-20')).toBe('ENDED');
    expect(displayStatus(never, '2026-12-26')).toBe('ENDED');
  });

  it('of a deleted one: deleted on every day', () => expect(displayStatus(absence(79, '2026-11-01', null, 'DELETED'), '2026-11-05')).toBe('DELETED'));

  it('of one held and later reactivated, read with its history: on hold between', () => {
    const reactivated = absence(79, '2026-11-01', '2027-01-31', 'ACTIVE', '2026-11-20');
    const history: StatusChange[] = [{ status: 'ON_HOLD', since: '2026-11-10' }, { status: 'ACTIVE', since: '2026-11-20' }];
    expect(displayStatus(reactivated, '2026-11-09', history)).toBe('ACTIVE');
    expect(displayStatus(reactivated, '2026-11-10', history)).toBe('ON_HOLD');
    expect(displayStatus(reactivated, '2026-11-19', history)).toBe('ON_HOLD');
    expect(displayStatus(reactivated, '2026-11-20', history)).toBe('ACTIVE');
    expect(exemptionsOn([reactivated], '2026-11-15', () => history)).toEqual([]);
    expect(exemptionsOn([reactivated], '2026-11-20', () => history)).toContain('CV');
  });

  it('of one held and then ended, read with its history: on hold before the end', () => {
    const endedAfterHold = absence(79, '2026-11-01', '2026-11-24', 'ENDED', '2026-11-25');
    const history: StatusChange[] = [{ status: 'ON_HOLD', since: '2026-11-10' }, { status: 'ENDED', since: '2026-11-25' }];
    expect(displayStatus(endedAfterHold, '2026-11-12', history)).toBe('ON_HOLD');
    expect(displayStatus(endedAfterHold, '2026-11-25', history)).toBe('ENDED');
  });
});

describe('dates reaching over changes already in force', () => {
  it('meet each change\'s rules in date order: 79 held on 25, then ended on 1', () => {
    const sorrow = absence(79, '2026-11-01', '2027-01-31');
    expect(missedReactions(sorrow, [{ contactGroupId: 25, start: '2026-11-10' }, { contactGroupId: 1, start: '2026-11-20' }])).toEqual([
      { change: { contactGroupId: 25, start: '2026-11-10' }, action: 'HOLD' },
      { change: { contactGroupId: 1, start: '2026-11-20' }, action: 'END' },
    ]);
  });
  it('a change that allows the type does nothing', () => expect(missedReactions(absence(79, '2026-11-01', '2027-01-31'), [{ contactGroupId: 13, start: '2026-11-10' }])).toEqual([]));
  it('a change after the absence ended does nothing', () => expect(missedReactions(absence(79, '2026-11-01', '2026-11-09'), [{ contactGroupId: 1, start: '2026-11-10' }])).toEqual([]));
});

describe('the effectiveDate of a registration, update or deletion', () => {
  it.each([
    ['a back-dated registration: its start', null, { start: '2026-11-01', end: null }, '2026-11-01'],
    ['a registration starting today or later: today', null, { start: '2026-12-05', end: null }, TODAY],
    ['a deletion of a started absence: its start', { start: '2026-11-01', end: null }, null, '2026-11-01'],
    ['a start moved back: the earlier start', { start: '2026-11-20', end: null }, { start: '2026-11-10', end: null }, '2026-11-10'],
    ['an end cut short in the past: the day after the new end', { start: '2026-11-01', end: '2026-12-31' }, { start: '2026-11-01', end: '2026-11-14' }, '2026-11-15'],
    ['an end moved later in the future: today', { start: '2026-11-01', end: '2026-12-31' }, { start: '2026-11-01', end: '2027-01-31' }, TODAY],
  ] as const)('%s', (_, before, after, expected) => expect(firstDayChanged(before, after, TODAY)).toBe(expected));
});
