// Calendar dates as ISO strings (YYYY-MM-DD). DFDG rules are about days, not instants, and an
// ISO string compares correctly with < and >, so no Date objects leak into rule code.
import { Clock } from './clock';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in YYYY-MM-DD form (rejects 2021-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The days the hub accepts as input. Nothing it records lies before 1900 (the oldest job seeker's
 * history starts long after), and no rule looks beyond a few years ahead; 2199 leaves room for that
 * while every date a rule derives from an accepted one (plus weeks or years) keeps a 4-digit year,
 * so ISO strings still compare correctly and date arithmetic never leaves what Date can represent.
 */
export const EARLIEST_DATE: IsoDate = '1900-01-01';
export const LATEST_DATE: IsoDate = '2199-12-31';

export function isWithinDateRange(date: IsoDate): boolean {
  return date >= EARLIEST_DATE && date <= LATEST_DATE;
}

/**
 * Swedish formatting is ISO (YYYY-MM-DD). Made once: toLocaleDateString with a time zone builds a
 * new formatter on every call, which showed as 4 % of a request's CPU in a profile.
 */
const COPENHAGEN_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Danish calendar day of an instant: DFDG dates are local to Europe/Copenhagen. */
export function toIsoDate(instant: Date): IsoDate {
  return COPENHAGEN_DAY.format(instant);
}

export function today(clock: Clock): IsoDate {
  return toIsoDate(clock.now());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  return addDays(date, weeks * 7);
}

/**
 * Calendar months later (negative: earlier). A day the target month lacks becomes its last day:
 * 31 August plus 6 months is 28 (or 29) February, never 3 March.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  target.setUTCDate(Math.min(d, lastDayOfMonth(target.getUTCFullYear(), target.getUTCMonth() + 1)));
  return target.toISOString().slice(0, 10);
}

/** 29 February plus a year lands on 28 February, not 1 March. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** A span of calendar time, as retention rules and rule tables state it. */
export interface Period {
  years?: number;
  months?: number;
  days?: number;
}

/** The day `period` before `date`: years and months first (clamped to month ends), then days. */
export function subtractPeriod(date: IsoDate, period: Period): IsoDate {
  return addDays(addMonths(date, -((period.years ?? 0) * 12 + (period.months ?? 0))), -(period.days ?? 0));
}

/** Number of days in a month (1-12) of a year. */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() || 7;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Inclusive day ranges; an open end (null) runs forever. */
export function rangesOverlap(
  a: { start: IsoDate; end: IsoDate | null },
  b: { start: IsoDate; end: IsoDate | null },
): boolean {
  const aEndsBeforeB = a.end !== null && a.end < b.start;
  const bEndsBeforeA = b.end !== null && b.end < a.start;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** ISO 8601 week of a date, as `YYYY-Www`. */
export function isoWeek(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  day.setUTCDate(day.getUTCDate() + 4 - isoWeekday(date));
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
