// Registration as job seeker (004, 002): categories, membership, event date authority, self-service.
import type { DomainError } from '../../../../core/errors';
import { decideRegistration, isRegistered, isUnattended, type RegistrationRequest } from '../registration';

const base: RegistrationRequest = {
  category: 'DAGPENGE',
  registrationDate: '2026-11-23',
  eventDate: null,
  registrant: 'JOBCENTRE',
  selfService: false,
  livesAbroad: false,
  openContactGroupId: null,
  personCategory: null,
  hasMembership: true,
  memberOfCaller: false,
  today: '2026-11-23',
};

function code(request: Partial<RegistrationRequest>): string | undefined {
  try {
    decideRegistration({ ...base, ...request });
    return undefined;
  } catch (error) {
    return (error as DomainError).code;
  }
}

it('registers dagpenge in group 1 with a membership, and as Uden ydelse without one', () => {
  expect(decideRegistration(base)).toMatchObject({ contactGroupId: 1, status: 'ACTIVE', withoutMembership: false });
  expect(decideRegistration({ ...base, hasMembership: false })).toMatchObject({ contactGroupId: 99, withoutMembership: true });
});

it('never takes a registration date in the past, and an event date never after it', () => {
  expect(code({ registrationDate: '2026-11-22' })).toBe('REGISTRATION_DATE_IN_PAST');
  expect(code({ registrant: 'SYSTEM', eventDate: '2026-11-24' })).toBe('EVENT_DATE_AFTER_REGISTRATION_DATE');
  expect(decideRegistration({ ...base, registrant: 'SYSTEM', eventDate: '2026-11-01' }).effectiveFrom).toBe('2026-11-01');
});

it('lets the jobcentre give an event date for groups other than dagpenge only', () => {
  expect(code({ eventDate: '2026-11-01' })).toBe('EVENT_DATE_NOT_ALLOWED');
  expect(code({ category: 'KONTANTHJAELP', eventDate: '2026-11-01' })).toBeUndefined();
  expect(code({ hasMembership: false, eventDate: '2026-11-01' })).toBeUndefined(); // ends in Uden ydelse
});

it('lets the a-kasse give an event date for dagpenge and Uden ydelse, for its own members only', () => {
  const akasse = { registrant: 'AKASSE' as const, memberOfCaller: true };
  expect(code({ ...akasse, eventDate: '2026-11-01' })).toBeUndefined();
  expect(code({ ...akasse, category: 'NO_BENEFIT', eventDate: '2026-11-01' })).toBeUndefined();
  expect(code({ ...akasse, category: 'KONTANTHJAELP' })).toBe('CATEGORY_NOT_ALLOWED_FOR_AKASSE');
  expect(code({ registrant: 'AKASSE', memberOfCaller: false })).toBe('AKASSE_MEMBERSHIP_REQUIRED');
});

it('lets STAR give an event date for any group (data repairs)', () => {
  expect(code({ registrant: 'SYSTEM', eventDate: '2026-10-01' })).toBeUndefined();
});

it('never lets a citizen back-date a self-registration on Jobnet, although Jobnet calls as the system role', () => {
  expect(code({ registrant: 'SYSTEM', selfService: true, category: 'KONTANTHJAELP', eventDate: '2026-11-01' })).toBe('EVENT_DATE_NOT_ALLOWED');
  expect(code({ registrant: 'SYSTEM', selfService: true, category: 'KONTANTHJAELP' })).toBeUndefined();
});

it('flags kontanthjælp self-registrations until attendance, with a deadline of 6 opening days', () => {
  expect(decideRegistration({ ...base, registrant: 'SYSTEM', category: 'KONTANTHJAELP', selfService: true })).toMatchObject({
    contactGroupId: null,
    status: 'AWAITING_ATTENDANCE',
    attendanceDeadline: '2026-12-01',
  });
  expect(decideRegistration({ ...base, category: 'KONTANTHJAELP' })).toMatchObject({ contactGroupId: 2, status: 'ACTIVE', attendanceDeadline: null });
});

it('registers dimittender Uden ydelse with the dimittend flag', () => {
  expect(decideRegistration({ ...base, category: 'DIMITTEND' })).toMatchObject({ contactGroupId: 99, dimittend: true });
});

it('refuses self-registration without a Danish address', () => {
  expect(code({ registrant: 'SYSTEM', selfService: true, livesAbroad: true })).toBe('NO_DANISH_ADDRESS');
  expect(code({ registrant: 'JOBCENTRE', livesAbroad: true })).toBeUndefined();
});

it('refuses self-registration of persons the jobcentre follows: activity-ready benefit recipients, job-ready 4 and 7 (004)', () => {
  const self = { registrant: 'SYSTEM' as const, selfService: true, category: 'NO_BENEFIT' as const };
  expect(code({ ...self, openContactGroupId: 2, personCategory: 'ACTIVITY_READY' })).toBe('SELF_REGISTRATION_NOT_NEEDED');
  expect(code({ ...self, openContactGroupId: 7, personCategory: 'JOB_READY' })).toBe('SELF_REGISTRATION_NOT_NEEDED');
  expect(code({ ...self, openContactGroupId: 4, personCategory: 'JOB_READY' })).toBe('SELF_REGISTRATION_NOT_NEEDED');
  expect(code({ ...self, openContactGroupId: 2, personCategory: 'JOB_READY' })).toBeUndefined();
  expect(code({ ...self, openContactGroupId: 17, personCategory: 'ACTIVITY_READY' })).toBeUndefined();
  expect(code({ ...self, registrant: 'JOBCENTRE', selfService: false, openContactGroupId: 2, personCategory: 'ACTIVITY_READY' })).toBeUndefined();
});

it('annuls only awaiting registrations whose deadline has passed', () => {
  expect(isUnattended({ status: 'AWAITING_ATTENDANCE', attendanceDeadline: '2026-12-01' }, '2026-12-01')).toBe(false);
  expect(isUnattended({ status: 'AWAITING_ATTENDANCE', attendanceDeadline: '2026-12-01' }, '2026-12-02')).toBe(true);
  expect(isUnattended({ status: 'ACTIVE', attendanceDeadline: '2026-12-01' }, '2026-12-02')).toBe(false);
});

it('counts as registered by the registrations that took effect, else by an open group', () => {
  expect(isRegistered([], true)).toBe(true);
  expect(isRegistered([{ status: 'DEREGISTERED' }], true)).toBe(false);
  expect(isRegistered([{ status: 'ANNULLED' }], true)).toBe(true);
  expect(isRegistered([{ status: 'AWAITING_ATTENDANCE' }], false)).toBe(false);
  expect(isRegistered([{ status: 'DEREGISTERED' }, { status: 'ACTIVE' }], false)).toBe(true);
});
