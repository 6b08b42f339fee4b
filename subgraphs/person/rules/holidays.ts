// Danish public holidays (helligdage) and jobcentre opening days, for deadlines that "take the
// ordinary holidays into account" (004: a kontanthjælp self-registration waits 6 days for attendance).
import { addDays, isoWeekday, type IsoDate } from '../../../core/dates';

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

interface HolidayRule {
  name: string;
  /** Days from Easter Sunday, or a fixed month-day. */
  easterOffset?: number;
  monthDay?: string;
  /** Last year it was a public holiday (Store bededag was abolished from 2024). */
  untilYear?: number;
}

/** The public holidays of Danish law (helligdagsloven); Grundlovsdag and 24/31 December are not among them. */
const HOLIDAYS: readonly HolidayRule[] = [
  { name: 'Nytårsdag', monthDay: '01-01' },
  { name: 'Skærtorsdag', easterOffset: -3 },
  { name: 'Langfredag', easterOffset: -2 },
  { name: 'Påskedag', easterOffset: 0 },
  { name: '2. påskedag', easterOffset: 1 },
  { name: 'Store bededag', easterOffset: 26, untilYear: 2023 },
  { name: 'Kristi himmelfartsdag', easterOffset: 39 },
  { name: 'Pinsedag', easterOffset: 49 },
  { name: '2. pinsedag', easterOffset: 50 },
  { name: 'Juledag', monthDay: '12-25' },
  { name: '2. juledag', monthDay: '12-26' },
];

/** The year's public holidays, in calendar order. */
export function danishPublicHolidays(year: number): { date: IsoDate; name: string }[] {
  const easter = easterSunday(year);
  return HOLIDAYS.filter((h) => h.untilYear === undefined || year <= h.untilYear)
    .map((h) => ({ name: h.name, date: h.monthDay ? `${year}-${h.monthDay}` : addDays(easter, h.easterOffset ?? 0) }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

export function isDanishPublicHoliday(date: IsoDate): boolean {
  return danishPublicHolidays(Number(date.slice(0, 4))).some((h) => h.date === date);
}

/** Monday to Friday and not a public holiday: a day the jobcentre is open. */
export function isJobcentreOpeningDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && !isDanishPublicHoliday(date);
}

/** The `count`-th opening day after `from` (from itself not counted). */
export function addOpeningDays(from: IsoDate, count: number): IsoDate {
  let day = from;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    if (isJobcentreOpeningDay(day)) left -= 1;
  }
  return day;
}
