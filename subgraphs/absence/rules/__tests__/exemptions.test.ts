// Person.exemptions(on) and exemptFromJoblog(on): the union over the absences in force on a day.
import { exemptionsOn, isExemptFromJoblog } from '..';
import type { AbsenceState } from '../period';

const absence = (typeId: number, start: string, end: string | null, status: AbsenceState['status'] = 'ACTIVE', statusSince: string | null = null): AbsenceState => ({
  id: `a${typeId}${start}`,
  typeId,
  start,
  end,
  status,
  statusSince,
});

it('is the union of the exemptions of every absence in force that day, in a fixed order', () => {
  const absences = [absence(79, '2026-11-01', '2026-12-31'), absence(80, '2026-11-15', '2026-11-30')];
  expect(exemptionsOn(absences, '2026-11-20')).toEqual(['REGISTRATION', 'CV', 'REFERRED_WORK', 'CONTACT_COURSE', 'RIGHT_DUTY_OFFERS', 'OFFERS', 'JOBLOG', 'ATTENDANCE']);
  expect(exemptionsOn(absences, '2026-12-05')).toEqual(['REGISTRATION', 'CV', 'REFERRED_WORK', 'CONTACT_COURSE', 'RIGHT_DUTY_OFFERS', 'OFFERS', 'JOBLOG']);
});

it('is empty outside the dates, and for deleted absences', () => {
  expect(exemptionsOn([absence(79, '2026-11-01', '2026-12-31')], '2026-10-31')).toEqual([]);
  expect(exemptionsOn([absence(79, '2026-11-01', '2026-12-31')], '2027-01-01')).toEqual([]);
  expect(exemptionsOn([absence(79, '2026-11-01', '2026-12-31', 'DELETED')], '2026-11-20')).toEqual([]);
});

it('stops exempting from the day an absence is put on hold or ended, but not before', () => {
  const held = absence(79, '2026-11-01', '2026-12-31', 'ON_HOLD', '2026-11-20');
  expect(exemptionsOn([held], '2026-11-19')).toContain('CV');
  expect(exemptionsOn([held], '2026-11-20')).toEqual([]);
  const ended = absence(79, '2026-11-01', '2026-11-19', 'ENDED', '2026-11-20');
  expect(exemptionsOn([ended], '2026-11-19')).toContain('CV');
  expect(exemptionsOn([ended], '2026-11-20')).toEqual([]);
});

it('77 never exempts from the CV (001 §2.9)', () => {
  expect(exemptionsOn([absence(77, '2026-11-01', '2026-11-30')], '2026-11-20')).not.toContain('CV');
});

it('79, 80 and jobrettet uddannelse exempt from the joblog; 45 does not', () => {
  for (const typeId of [79, 80, 901, 902]) expect(isExemptFromJoblog([absence(typeId, '2026-11-01', '2026-11-30')], '2026-11-20')).toBe(true);
  expect(isExemptFromJoblog([absence(45, '2026-11-01', '2026-11-30')], '2026-11-20')).toBe(false);
  expect(isExemptFromJoblog([], '2026-11-20')).toBe(false);
});
