// The jobcentre's view of EEA benefits: which ISO weeks a person is covered by EEA benefits
// (supplementary dagpenge shown on the dagpengekort and in Jobnet, 001 §5.1), from the periods
// and their interruptions. Pure; weeks are counted by days, so a period is walked week by week.
import { addDays, addYears, daysBetween, isoWeek, isoWeekday, type IsoDate } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import { coverageEnd, type EeaPeriod } from './eea-period';
import { PaymentErrorCode } from './error-codes';

/** The longest window one `eeaCoverage` answer covers: about 105 weeks, bounded work per person. */
export const MAX_COVERAGE_YEARS = 2;

export interface CoverageWindow {
  from: IsoDate;
  to: IsoDate;
}

/**
 * The days `eeaCoverage(from, to)` looks at, both inclusive. A missing bound is the other one
 * two years away; with neither, the year before and the year after today (the dagpengekort looks
 * back, and reported periods run into the future). Longer than two years is refused, so a list of
 * persons cannot ask for decades of weeks each.
 */
export function coverageWindow(args: { from?: IsoDate | null; to?: IsoDate | null }, today: IsoDate): CoverageWindow {
  const from = args.from ?? (args.to ? addDays(addYears(args.to, -MAX_COVERAGE_YEARS), 1) : addYears(today, -1));
  const to = args.to ?? addDays(addYears(from, MAX_COVERAGE_YEARS), -1);
  if (to < from) throw new DomainError(ErrorCode.INVALID_DATE_RANGE, `to (${to}) is before from (${from}).`, { field: 'to' });
  if (to >= addYears(from, MAX_COVERAGE_YEARS)) {
    throw new DomainError(PaymentErrorCode.EEA_COVERAGE_RANGE_TOO_LONG, `Ask for at most ${MAX_COVERAGE_YEARS} years of weeks at a time (from ${from}, to before ${addYears(from, MAX_COVERAGE_YEARS)}).`, {
      field: 'to',
    });
  }
  return { from, to };
}

export interface CoverageWeek {
  /** ISO week, `YYYY-Www`. */
  week: string;
  /** Monday and Sunday of the week. */
  firstDay: IsoDate;
  lastDay: IsoDate;
  /** Days of the week with EEA benefits (1-7). */
  coveredDays: number;
  countries: string[];
  paymentIds: string[];
}

function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * Every ISO week with at least one covered day, oldest first, optionally only within [from, to].
 * Periods never overlap (a rule of reporting), but the count is of distinct days all the same.
 */
export function eeaCoverageByWeek(periods: readonly EeaPeriod[], window: Partial<CoverageWindow> = {}): CoverageWeek[] {
  const weeks = new Map<string, { firstDay: IsoDate; days: Set<IsoDate>; countries: Set<string>; paymentIds: Set<string> }>();
  for (const period of periods) {
    const start = window.from && window.from > period.start ? window.from : period.start;
    const lastCovered = coverageEnd(period);
    const end = window.to && window.to < lastCovered ? window.to : lastCovered;
    if (end < start) continue;
    for (let monday = mondayOf(start); monday <= end; monday = addDays(monday, 7)) {
      const sunday = addDays(monday, 6);
      const from = monday < start ? start : monday;
      const to = sunday > end ? end : sunday;
      const key = isoWeek(monday);
      const week = weeks.get(key) ?? { firstDay: monday, days: new Set<IsoDate>(), countries: new Set<string>(), paymentIds: new Set<string>() };
      for (let d = 0; d <= daysBetween(from, to); d++) week.days.add(addDays(from, d));
      week.countries.add(period.country);
      week.paymentIds.add(period.paymentId);
      weeks.set(key, week);
    }
  }
  return [...weeks.entries()]
    .sort(([, a], [, b]) => (a.firstDay < b.firstDay ? -1 : 1))
    .map(([week, w]) => ({
      week,
      firstDay: w.firstDay,
      lastDay: addDays(w.firstDay, 6),
      coveredDays: w.days.size,
      countries: [...w.countries].sort(),
      paymentIds: [...w.paymentIds].sort(),
    }));
}
