// The person's facts as in force on a day (issue 18): the CV requirement from the group, the
// registration and the known absences in force that day, including the middle level of 003 (an
// absence exempting from searchability alone gives REGISTER_NOT_SEARCHABLE); registration as job
// seeker by its dates; the visitation read back from the history; self-booking deadlines.
import { cvRequirementFrom } from '../current-cv-requirement';
import { returnExpectationOn, selfBookingDeadlineOn, visitationOn } from '../as-of';
import type { ContactGroupRegistration } from '../entities/ContactGroupRegistration';
import type { JobSeekerRegistration } from '../entities/JobSeekerRegistration';
import type { KnownAbsence } from '../entities/KnownAbsence';
import type { PersonHistoryEntry } from '../entities/PersonHistoryEntry';
import type { SelfBookingDeadline } from '../entities/SelfBookingDeadline';
import type { SickLeaveReturnExpectation } from '../entities/SickLeaveReturnExpectation';
import { isRegisteredOn, jobSeekerRegistrationOn } from '../rules';

const group = (contactGroupId: number, start: string, end: string | null = null, id = `${contactGroupId}-${start}`) =>
  ({ id, personId: 'p', contactGroupId, start, end, recoveryCauseId: null, registeredBy: 'caseworker:101', createdAt: new Date('2026-01-01') }) as ContactGroupRegistration;
const absence = (typeId: number, exemptions: string[], start: string, end: string | null, status: KnownAbsence['status'] = 'ACTIVE') =>
  ({ id: `${typeId}-${start}`, personId: 'p', typeId, start, end, status, exemptions }) as KnownAbsence;
const registration = (fields: Partial<JobSeekerRegistration>) =>
  ({ status: 'ACTIVE', registrationDate: '2026-01-05', eventDate: null, closedOn: null, ...fields }) as JobSeekerRegistration;

describe('the CV requirement on a day', () => {
  // Group 2 until 2026-12-19, group 10 (no CV requirement) from 2026-12-20: a change recorded earlier.
  const registrations = [group(10, '2026-12-20'), group(2, '2026-01-05', '2026-12-19')];

  it('follows the group in force that day, not the open (latest) row', () => {
    const facts = { registrations, jobSeekerRegistrations: [], absences: [] };
    expect(cvRequirementFrom(facts, '2026-11-30')).toBe('SEARCHABLE');
    expect(cvRequirementFrom(facts, '2026-12-19')).toBe('SEARCHABLE');
    expect(cvRequirementFrom(facts, '2026-12-20')).toBe('NONE');
    expect(cvRequirementFrom(facts, '2026-01-04')).toBe('NONE');
  });

  it('is REGISTER_NOT_SEARCHABLE while an absence carrying the CV_SEARCHABLE exemption is in force, and only then (003)', () => {
    const facts = { registrations, jobSeekerRegistrations: [], absences: [absence(45, ['CV_SEARCHABLE'], '2026-12-01', '2026-12-10')] };
    expect(cvRequirementFrom(facts, '2026-11-30')).toBe('SEARCHABLE');
    expect(cvRequirementFrom(facts, '2026-12-01')).toBe('REGISTER_NOT_SEARCHABLE');
    expect(cvRequirementFrom(facts, '2026-12-10')).toBe('REGISTER_NOT_SEARCHABLE');
    expect(cvRequirementFrom(facts, '2026-12-11')).toBe('SEARCHABLE');
  });

  it('lets a full CV exemption win over a searchability exemption on the days both are in force', () => {
    const absences = [absence(45, ['CV_SEARCHABLE'], '2026-12-01', '2026-12-10'), absence(79, ['CV'], '2026-12-05', '2026-12-06')];
    const facts = { registrations, jobSeekerRegistrations: [], absences };
    expect(cvRequirementFrom(facts, '2026-12-04')).toBe('REGISTER_NOT_SEARCHABLE');
    expect(cvRequirementFrom(facts, '2026-12-05')).toBe('NONE');
    expect(cvRequirementFrom(facts, '2026-12-07')).toBe('REGISTER_NOT_SEARCHABLE');
  });

  it('ignores a deleted searchability absence and never lets 77 lift searchability (001 §2.9)', () => {
    expect(cvRequirementFrom({ registrations, jobSeekerRegistrations: [], absences: [absence(45, ['CV_SEARCHABLE'], '2026-12-01', null, 'DELETED')] }, '2026-12-02')).toBe('SEARCHABLE');
    expect(cvRequirementFrom({ registrations, jobSeekerRegistrations: [], absences: [absence(77, ['CV_SEARCHABLE'], '2026-12-01', null)] }, '2026-12-02')).toBe('SEARCHABLE');
  });

  it('has no middle level in a group without a CV requirement', () => {
    expect(cvRequirementFrom({ registrations, jobSeekerRegistrations: [], absences: [absence(45, ['CV_SEARCHABLE'], '2026-12-01', null)] }, '2026-12-20')).toBe('NONE');
  });

  it('ends on the day of a deregistration, not before (001 §3.2)', () => {
    const facts = { registrations, jobSeekerRegistrations: [registration({ status: 'DEREGISTERED', closedOn: '2026-11-25' })], absences: [] };
    expect(cvRequirementFrom(facts, '2026-11-24')).toBe('SEARCHABLE');
    expect(cvRequirementFrom(facts, '2026-11-25')).toBe('NONE');
  });
});

describe('registration as job seeker on a day', () => {
  it('is in force from its event date (or registration date) until the day it was closed', () => {
    const deregistered = registration({ status: 'DEREGISTERED', eventDate: '2026-11-02', registrationDate: '2026-11-10', closedOn: '2026-11-25' });
    expect(jobSeekerRegistrationOn([deregistered], '2026-11-01')).toBeNull();
    expect(jobSeekerRegistrationOn([deregistered], '2026-11-02')).toBe(deregistered);
    expect(jobSeekerRegistrationOn([deregistered], '2026-11-24')).toBe(deregistered);
    expect(jobSeekerRegistrationOn([deregistered], '2026-11-25')).toBeNull();
  });

  it('counts as registered only once started; an awaiting or annulled one never counts (004)', () => {
    const future = registration({ registrationDate: '2026-12-01' });
    expect(isRegisteredOn([future], true, '2026-11-30')).toBe(true); // no registration started: the open group registers
    expect(isRegisteredOn([future, registration({ status: 'DEREGISTERED', closedOn: '2026-11-01' })], true, '2026-11-30')).toBe(false);
    expect(isRegisteredOn([future, registration({ status: 'DEREGISTERED', closedOn: '2026-11-01' })], true, '2026-12-01')).toBe(true);
    expect(isRegisteredOn([registration({ status: 'AWAITING_ATTENDANCE' })], false, '2026-11-30')).toBe(false);
    expect(isRegisteredOn([registration({ status: 'ANNULLED', closedOn: '2026-01-20' })], false, '2026-01-10')).toBe(false);
  });
});

describe('the visitation on a day', () => {
  const entry = (to: string | null, effectiveDate: string | null, at = new Date(`${effectiveDate ?? '2026-01-01'}T10:00:00Z`)) =>
    ({ action: 'VISITATION_CHANGED', effectiveDate, at, changes: [{ field: 'category', from: null, to }] }) as unknown as PersonHistoryEntry;
  const history = [entry('JOB_READY', '2026-03-01'), entry('ACTIVITY_READY', '2026-06-01'), entry(null, '2026-09-01'), entry('JOB_READY', null, new Date('2026-10-01T10:00:00Z'))];
  const person = { category: 'JOB_READY' as const, categorySince: '2026-10-01' };

  it('reads earlier categories back from the history, with the day each took effect', () => {
    expect(visitationOn(person, history, '2026-02-28')).toBeNull();
    expect(visitationOn(person, history, '2026-03-01')).toEqual({ category: 'JOB_READY', since: '2026-03-01' });
    expect(visitationOn(person, history, '2026-06-01')).toEqual({ category: 'ACTIVITY_READY', since: '2026-06-01' });
    expect(visitationOn(person, history, '2026-09-30')).toBeNull();
    // A row from before valid time was kept counts from the day it was recorded.
    expect(visitationOn(person, history, '2026-10-01')).toEqual({ category: 'JOB_READY', since: '2026-10-01' });
  });

  it('is the person row itself without history, from its since day', () => {
    expect(visitationOn(person, [], '2026-11-30')).toEqual({ category: 'JOB_READY', since: '2026-10-01' });
    expect(visitationOn(person, [], '2026-09-30')).toBeNull();
  });
});

describe('dated metadata on a day', () => {
  it('shows a self-booking deadline from the day it was set until the day it was closed', () => {
    const deadline = { status: 'CLOSED', createdAt: new Date('2026-11-10T10:00:00Z'), closedAt: new Date('2026-11-20T10:00:00Z') } as SelfBookingDeadline;
    expect(selfBookingDeadlineOn([deadline], '2026-11-09')).toBeNull();
    expect(selfBookingDeadlineOn([deadline], '2026-11-10')).toBe(deadline);
    expect(selfBookingDeadlineOn([deadline], '2026-11-19')).toBe(deadline);
    expect(selfBookingDeadlineOn([deadline], '2026-11-20')).toBeNull();
  });

  it("shows the sick-leave metadata of the latest sick registration started by the day", () => {
    const sick = group(24, '2026-06-01', null, 'sick');
    const expectation = { registrationId: 'sick', firstFollowUpMeeting: '2026-06-10' } as SickLeaveReturnExpectation;
    expect(returnExpectationOn([expectation], [sick], '2026-05-31')).toBeNull();
    expect(returnExpectationOn([expectation], [sick], '2026-06-01')).toBe(expectation);
  });
});
