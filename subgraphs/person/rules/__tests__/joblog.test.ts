// The joblog's rules without the system: the field split, the 4-year visibility boundary, and the
// duty days around each edge of a registration and of an exempting absence.
import type { DomainError } from '../../../../core/errors';
import { isJoblogShown, joblogDuty, validateJoblogEntry } from '../joblog';

const registration = { status: 'ACTIVE' as const, registrationDate: '2026-03-02', eventDate: null, closedOn: '2026-03-09' };
const absence = (typeId: number, start: string, end: string | null, status = 'ACTIVE', exemptions = ['JOBLOG']) => ({ typeId, start, end, status, exemptions });
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as DomainError).code;
  }
  return null;
};

it('keeps only the fields a kind uses, trimmed, and names a missing mandatory one', () => {
  expect(validateJoblogEntry({ kind: 'GENERAL', date: '2026-03-01', description: ' Søgt ', employer: 'X', note: '  ' }, '2026-03-01')).toEqual({
    kind: 'GENERAL',
    date: '2026-03-01',
    employer: null,
    jobTitle: null,
    description: 'Søgt',
    contactPerson: null,
    note: null,
  });
  expect(validateJoblogEntry({ kind: 'SPECIFIC_JOB', date: '2026-03-01', employer: 'X', jobTitle: 'Kok', description: 'dropped' }, '2026-03-01').description).toBeNull();
  expect(codeOf(() => validateJoblogEntry({ kind: 'SPECIFIC_JOB', date: '2026-03-01', employer: 'X' }, '2026-03-01'))).toBe('JOBLOG_FIELD_REQUIRED');
  expect(codeOf(() => validateJoblogEntry({ kind: 'GENERAL', date: '2026-03-02', description: 'Søgt' }, '2026-03-01'))).toBe('JOBLOG_DATE_IN_FUTURE');
  expect(codeOf(() => validateJoblogEntry({ kind: 'GENERAL', date: '2026-03-01', description: 'x'.repeat(2000) }, '2026-03-01'))).toBeNull();
  expect(codeOf(() => validateJoblogEntry({ kind: 'GENERAL', date: '2026-03-01', description: 'x'.repeat(2001) }, '2026-03-01'))).toBe('JOBLOG_FIELD_TOO_LONG');
});

it('shows a joblog on the day 4 years after its latest entry, not the day after', () => {
  expect(isJoblogShown(['2020-01-01', '2022-11-23'], '2026-11-23')).toBe(true);
  expect(isJoblogShown(['2020-01-01', '2022-11-23'], '2026-11-24')).toBe(false);
  expect(isJoblogShown([], '2026-11-24')).toBe(false);
});

it('counts the duty from the registration day to the day before it closed, lifting it on exempt days only', () => {
  const duty = joblogDuty([registration], [absence(79, '2026-03-04', '2026-03-05'), absence(11, '2026-03-06', null, 'ACTIVE', ['ATTENDANCE']), absence(80, '2026-03-07', null, 'ON_HOLD')], '2026-03-01', '2026-03-10');
  expect(duty).toEqual({
    from: '2026-03-01',
    to: '2026-03-10',
    registeredDays: 7, // 2nd to 8th: closed on the 9th
    dutyDays: 5, // an absence without JOBLOG, or on hold, lifts nothing
    exemptDays: [
      { day: '2026-03-04', absenceTypeIds: [79] },
      { day: '2026-03-05', absenceTypeIds: [79] },
    ],
  });
});

it('counts nothing for a registration awaiting attendance, and refuses a reversed or too long period', () => {
  expect(joblogDuty([{ ...registration, status: 'AWAITING_ATTENDANCE' }], [], '2026-03-01', '2026-03-10').registeredDays).toBe(0);
  expect(codeOf(() => joblogDuty([], [], '2026-03-02', '2026-03-01'))).toBe('INVALID_DATE_RANGE');
  expect(codeOf(() => joblogDuty([], [], '2026-01-01', '2027-01-01'))).toBeNull(); // 366 days
  expect(codeOf(() => joblogDuty([], [], '2026-01-01', '2027-01-02'))).toBe('JOBLOG_PERIOD_TOO_LONG');
});
