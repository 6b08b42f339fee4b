// Hours that count towards the work obligation (arbejdspligt) in one ISO week, from the activities
// introduced for following it up in release 2024-4 (seed 002 'Arbejdspligt'), on the days the person
// is covered by it (work-obligation-reach.ts).
import { DomainError } from '../../../core/errors';
import { addDays, isoWeek as isoWeekOf, isoWeekday, rangesOverlap, type IsoDate } from '../../../core/dates';
import type { DatedPeriod } from '../../../core/valid-time';
import { PREPARATION_AND_JOB_SEARCH_AWAY_FROM_HOME, SPECIALLY_ARRANGED_UTILITY_WORK } from './activity-categories';
import { requireDateRange } from './date-input';
import { PlanErrorCode } from './error-codes';

export interface WorkObligationActivity {
  categoryId: number;
  start: IsoDate;
  /** Null while the activity is open-ended. */
  end: IsoDate | null;
  /** Planned hours in every ISO week the activity touches (the seeds give no finer model). */
  hoursPerWeek: number;
}

export interface WorkObligationCategoryHours {
  categoryId: number;
  registeredHours: number;
  countedHours: number;
}

export interface WorkObligationWeek {
  isoWeek: string;
  /** The person is covered by the work obligation on at least one day of the week. */
  covered: boolean;
  /** Hours that count towards the work obligation this week. */
  countedHours: number;
  /** Hours of counting categories above their weekly cap: registered, but not counted. */
  uncountedHours: number;
  byCategory: WorkObligationCategoryHours[];
}

interface WorkObligationRule {
  categoryId: number;
  /** Most hours per ISO week that count, summed over all activities of the category; null = all. */
  weeklyCap: number | null;
}

/**
 * 002: "Forberedelses- og jobsøgningstid uden for hjemmet i op til 4 timer i alt om ugen kan
 * medregnes". The wording limits what COUNTS, not what may be registered, so a week with more is
 * accepted at registration and the excess reported as uncounted. Only the two 2024-4 types are
 * listed: no seed says which other activities count towards the obligation.
 */
const WORK_OBLIGATION_RULES: readonly WorkObligationRule[] = [
  { categoryId: SPECIALLY_ARRANGED_UTILITY_WORK, weeklyCap: null },
  { categoryId: PREPARATION_AND_JOB_SEARCH_AWAY_FROM_HOME, weeklyCap: 4 },
];

const HOURS_IN_A_WEEK = 7 * 24;

/** True when activities of the category count towards the work obligation (then they need hours). */
export function countsTowardsWorkObligation(categoryId: number): boolean {
  return WORK_OBLIGATION_RULES.some((rule) => rule.categoryId === categoryId);
}

/**
 * The planned weekly hours to store with an activity: required (ACTIVITY_HOURS_REQUIRED) for the
 * categories that count towards the work obligation, since the count is made from them; optional
 * for the rest; INVALID_HOURS when out of range.
 */
export function activityHoursPerWeek(categoryId: number, hours: number | null): number | null {
  if (hours === null) {
    if (!countsTowardsWorkObligation(categoryId)) return null;
    throw new DomainError(
      PlanErrorCode.ACTIVITY_HOURS_REQUIRED,
      `Activity category ${categoryId} counts towards the work obligation: enter its planned hours per week.`,
      { categoryId },
    );
  }
  return requireHours(hours, categoryId);
}

/** Monday and Sunday of an ISO week 'YYYY-Www'; throws INVALID_ISO_WEEK for a week that does not exist. */
export function isoWeekDays(week: string): { monday: IsoDate; sunday: IsoDate } {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  const invalid = () =>
    new DomainError(PlanErrorCode.INVALID_ISO_WEEK, `'${week}' is not an ISO week: write it as YYYY-Www, e.g. 2025-W02.`, { isoWeek: week });
  if (!match) throw invalid();
  const weekNumber = Number(match[2]);
  // 4 January is always in week 1; step back to its Monday.
  const january4 = `${match[1]}-01-04`;
  const week1Monday = addDays(january4, 1 - isoWeekday(january4));
  const monday = addDays(week1Monday, (weekNumber - 1) * 7);
  if (weekNumber < 1 || isoWeekOf(monday) !== week) throw invalid();
  return { monday, sunday: addDays(monday, 6) };
}

function requireHours(hours: number, categoryId: number): number {
  if (Number.isFinite(hours) && hours >= 0 && hours <= HOURS_IN_A_WEEK) return hours;
  throw new DomainError(PlanErrorCode.INVALID_HOURS, `Weekly hours must be between 0 and ${HOURS_IN_A_WEEK}: correct ${hours}.`, {
    categoryId,
    hoursPerWeek: hours,
  });
}

/**
 * The hours counting towards the work obligation in `week` ('YYYY-Www'). Only a person the
 * obligation reaches has hours to count: an activity counts in the week when it runs on a day of
 * the week on which the person is covered (`covered`: the covered periods, see coveragePeriods).
 * Throws DomainError on bad input.
 */
export function workObligationHours(activities: readonly WorkObligationActivity[], week: string, covered: readonly DatedPeriod[]): WorkObligationWeek {
  const { monday, sunday } = isoWeekDays(week);
  const coveredInWeek = covered.filter((period) => rangesOverlap(period, { start: monday, end: sunday }));
  const registered = new Map<number, number>();
  for (const activity of activities) {
    const hours = requireHours(activity.hoursPerWeek, activity.categoryId);
    const period = requireDateRange(activity.start, activity.end);
    const runs = { start: period.start < monday ? monday : period.start, end: period.end === null || period.end > sunday ? sunday : period.end };
    if (runs.start > runs.end || !coveredInWeek.some((days) => rangesOverlap(days, runs))) continue;
    registered.set(activity.categoryId, (registered.get(activity.categoryId) ?? 0) + hours);
  }
  const byCategory = WORK_OBLIGATION_RULES.filter((rule) => registered.has(rule.categoryId)).map((rule) => {
    const registeredHours = registered.get(rule.categoryId) ?? 0;
    const countedHours = rule.weeklyCap === null ? registeredHours : Math.min(registeredHours, rule.weeklyCap);
    return { categoryId: rule.categoryId, registeredHours, countedHours };
  });
  const countedHours = byCategory.reduce((sum, entry) => sum + entry.countedHours, 0);
  const uncountedHours = byCategory.reduce((sum, entry) => sum + entry.registeredHours - entry.countedHours, 0);
  return { isoWeek: week, covered: coveredInWeek.length > 0, countedHours, uncountedHours, byCategory };
}
