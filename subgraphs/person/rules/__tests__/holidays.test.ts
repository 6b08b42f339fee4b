// Danish public holidays from the Easter date, and the opening days deadlines count.
import { addOpeningDays, danishPublicHolidays, easterSunday, isDanishPublicHoliday, isJobcentreOpeningDay } from '../holidays';

it.each([
  [2021, '2021-04-04'],
  [2024, '2024-03-31'],
  [2025, '2025-04-20'],
  [2026, '2026-04-05'],
  [2027, '2027-03-28'],
  [2038, '2038-04-25'],
])('Easter Sunday %i is %s', (year, date) => {
  expect(easterSunday(year)).toBe(date);
});

it('lists the holidays of 2026 from Easter, without Store bededag (abolished from 2024)', () => {
  expect(danishPublicHolidays(2026)).toEqual([
    { date: '2026-01-01', name: 'Nytårsdag' },
    { date: '2026-04-02', name: 'Skærtorsdag' },
    { date: '2026-04-03', name: 'Langfredag' },
    { date: '2026-04-05', name: 'Påskedag' },
    { date: '2026-04-06', name: '2. påskedag' },
    { date: '2026-05-14', name: 'Kristi himmelfartsdag' },
    { date: '2026-05-24', name: 'Pinsedag' },
    { date: '2026-05-25', name: '2. pinsedag' },
    { date: '2026-12-25', name: 'Juledag' },
    { date: '2026-12-26', name: '2. juledag' },
  ]);
});

it('keeps Store bededag up to 2023', () => {
  expect(danishPublicHolidays(2023).map((h) => h.name)).toContain('Store bededag');
  expect(isDanishPublicHoliday('2023-05-05')).toBe(true);
  expect(isDanishPublicHoliday('2024-04-26')).toBe(false);
});

it('counts weekdays that are not holidays as opening days', () => {
  expect(isJobcentreOpeningDay('2026-11-23')).toBe(true); // Monday
  expect(isJobcentreOpeningDay('2026-11-28')).toBe(false); // Saturday
  expect(isJobcentreOpeningDay('2026-04-06')).toBe(false); // 2. påskedag
  expect(isJobcentreOpeningDay('2026-12-24')).toBe(true); // Juleaften is no public holiday
});

it('adds opening days over weekends and holidays', () => {
  expect(addOpeningDays('2026-11-23', 6)).toBe('2026-12-01'); // Mon + 6 opening days skips one weekend
  expect(addOpeningDays('2026-03-31', 6)).toBe('2026-04-13'); // Easter: 2, 3, 6 April are holidays
  expect(addOpeningDays('2026-12-23', 2)).toBe('2026-12-28'); // 24th open, 25/26 holidays, 27 Sunday
});
