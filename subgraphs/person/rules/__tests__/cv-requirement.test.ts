// The CV requirement (003, 001 §2.9, §3.2) from contact group, registration and absences.
import { deriveCvRequirement, type AbsenceForCv } from '../cv-requirement';

const today = '2026-11-23';
const absence = (typeId: number, exemptions: string[], start = '2026-11-01', end: string | null = null, status = 'ACTIVE'): AbsenceForCv => ({ typeId, exemptions, start, end, status });

it('requires a searchable CV of registered persons in groups like 1 and 2, none elsewhere', () => {
  expect(deriveCvRequirement({ contactGroupId: 1, registered: true, absences: [], today })).toBe('SEARCHABLE');
  expect(deriveCvRequirement({ contactGroupId: 24, registered: true, absences: [], today })).toBe('NONE');
  expect(deriveCvRequirement({ contactGroupId: null, registered: false, absences: [], today })).toBe('NONE');
});

it('ends with deregistration even while the group is open (001 §3.2)', () => {
  expect(deriveCvRequirement({ contactGroupId: 1, registered: false, absences: [], today })).toBe('NONE');
});

it('is lifted entirely by an absence exempting from CV (79) while it is in force', () => {
  expect(deriveCvRequirement({ contactGroupId: 2, registered: true, absences: [absence(79, ['REGISTRATION', 'CV'])], today })).toBe('NONE');
  expect(deriveCvRequirement({ contactGroupId: 2, registered: true, absences: [absence(79, ['CV'], '2026-12-01')], today })).toBe('SEARCHABLE');
  expect(deriveCvRequirement({ contactGroupId: 2, registered: true, absences: [absence(79, ['CV'], '2026-10-01', '2026-11-22')], today })).toBe('SEARCHABLE');
  expect(deriveCvRequirement({ contactGroupId: 2, registered: true, absences: [absence(79, ['CV'], '2026-10-01', null, 'DELETED')], today })).toBe('SEARCHABLE');
});

it('drops searchability only for a searchability exemption', () => {
  expect(deriveCvRequirement({ contactGroupId: 1, registered: true, absences: [absence(45, ['CV_SEARCHABLE'])], today })).toBe('REGISTER_NOT_SEARCHABLE');
});

it('never lets absence 77 exempt from searchability, whatever it carries (001 §2.9)', () => {
  expect(deriveCvRequirement({ contactGroupId: 1, registered: true, absences: [absence(77, ['CV_SEARCHABLE'])], today })).toBe('SEARCHABLE');
  expect(deriveCvRequirement({ contactGroupId: 1, registered: true, absences: [absence(77, ['CV'])], today })).toBe('SEARCHABLE');
});
