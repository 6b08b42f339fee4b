// Dates of an absence: the latest end its type allows, and on which days it is in force.
import { addDays, addWeeks, addYears, type IsoDate } from '../../../core/dates';
import type { AbsenceStatus } from '../../common/absence-events';
import type { MaxDuration } from './absence-types';

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

/** True when the absence exempts on `day`: within its dates, and not yet on hold or ended then. */
export function isInForceOn(absence: AbsenceState, day: IsoDate): boolean {
  const period = effectivePeriod(absence);
  if (!period || day < period.start || (period.end !== null && day > period.end)) return false;
  if (absence.status === 'ON_HOLD' || absence.status === 'ENDED') return absence.statusSince === null || day < absence.statusSince;
  return true;
}
