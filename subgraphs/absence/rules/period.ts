// Dates of an absence: the latest end its type allows, the days it covers, and the first day a
// change of its dates touches.
import { addDays, addWeeks, addYears, type IsoDate } from '../../../core/dates';
import type { AbsenceStatus } from '../../common/absence-events';
import type { MaxDuration } from './absence-types';

/** An absence's dates: from `start` through `end` (inclusive); null end: open-ended. */
export interface Period {
  start: IsoDate;
  end: IsoDate | null;
}

/** What the rules need of a stored absence. */
export interface AbsenceState {
  id: string;
  typeId: number;
  start: IsoDate;
  end: IsoDate | null;
  status: AbsenceStatus;
  /** The day a stored ON_HOLD, ENDED or reactivated status took effect; null for a plain registration. */
  statusSince: IsoDate | null;
}

/** The last day an absence starting on `start` may run: "op til 6 uger" counts the start day. */
export function latestEnd(start: IsoDate, max: MaxDuration): IsoDate {
  return addDays(max.years !== undefined ? addYears(start, max.years) : addWeeks(start, max.weeks), -1);
}

export function describeDuration(max: MaxDuration): string {
  return max.years !== undefined ? `${max.years} years` : `${max.weeks} weeks`;
}

/**
 * The days the absence actually covered or covers, or null when it never took effect (deleted, or
 * ended by a contact-group change before it started). An absence on hold still holds its period.
 */
export function effectivePeriod(absence: AbsenceState): { start: IsoDate; end: IsoDate | null } | null {
  if (absence.status === 'DELETED') return null;
  if (absence.status === 'ENDED' && absence.statusSince !== null && absence.statusSince <= absence.start) return null;
  return { start: absence.start, end: absence.end };
}

/**
 * The effectiveDate of a registration, update or deletion: the first day whose coverage it changes
 * when that lies in the past (a back-dated change is in force from it), else today (a change to a
 * planned absence is recorded, and shown, from today). `before`/`after` null: registered/deleted.
 */
export function firstDayChanged(before: Period | null, after: Period | null, today: IsoDate): IsoDate {
  const days: IsoDate[] = [];
  if (before === null || after === null) days.push((before ?? after)!.start);
  else {
    if (before.start !== after.start) days.push(before.start < after.start ? before.start : after.start);
    if (before.end !== after.end) {
      const earlierEnd = before.end === null ? after.end! : after.end === null ? before.end : before.end < after.end ? before.end : after.end;
      days.push(addDays(earlierEnd, 1));
    }
  }
  return days.reduce((first, day) => (day < first ? day : first), today);
}
