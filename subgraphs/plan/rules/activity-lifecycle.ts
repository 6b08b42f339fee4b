// The life of an activity once registered: it is active until it is cancelled (annulleret, before it
// starts) or interrupted (afbrudt, after it started). An ended activity is history: it is never
// changed or ended again, so a NUPH can only be made once per activity.
import { DomainError } from '../../../core/errors';
import type { IsoDate } from '../../../core/dates';
import { requireIsoDate } from './date-input';
import { PlanErrorCode } from './error-codes';

export type ActivityStatus = 'ACTIVE' | 'CANCELLED' | 'INTERRUPTED';

export interface ActivityState {
  id: string;
  status: ActivityStatus;
  start: IsoDate;
  end: IsoDate | null;
}

/** Throws ACTIVITY_NOT_ACTIVE unless the activity may still be updated, cancelled or interrupted. */
export function assertActivityActive(activity: ActivityState): void {
  if (activity.status === 'ACTIVE') return;
  throw new DomainError(
    PlanErrorCode.ACTIVITY_NOT_ACTIVE,
    `The activity was ${activity.status === 'CANCELLED' ? 'cancelled' : 'interrupted'} and cannot be changed: register a new activity instead.`,
    { activityId: activity.id, status: activity.status },
  );
}

/** Cancelling takes back an activity that has not started yet (its start lies after `today`). */
export function validateCancellation(activity: ActivityState, today: IsoDate): void {
  const day = requireIsoDate(today, 'the registration date');
  assertActivityActive(activity);
  if (activity.start <= day) {
    throw new DomainError(
      PlanErrorCode.ACTIVITY_ALREADY_STARTED,
      `The activity started on ${activity.start}: interrupt it with an interruption date instead of cancelling it.`,
      { activityId: activity.id, start: activity.start },
    );
  }
}

/**
 * Interrupting ends a started activity early: the interruption date becomes its last day, so it must
 * lie within the activity's period. Returns the new end date.
 */
export function validateInterruption(activity: ActivityState, interruptionDate: IsoDate, today: IsoDate): IsoDate {
  const day = requireIsoDate(today, 'the registration date');
  const date = requireIsoDate(interruptionDate, 'the interruption date');
  assertActivityActive(activity);
  if (activity.start > day) {
    throw new DomainError(
      PlanErrorCode.ACTIVITY_NOT_STARTED,
      `The activity starts on ${activity.start} and has not started: cancel it instead of interrupting it.`,
      { activityId: activity.id, start: activity.start },
    );
  }
  if (date < activity.start || (activity.end !== null && date > activity.end)) {
    throw new DomainError(
      PlanErrorCode.INTERRUPTION_DATE_OUTSIDE_ACTIVITY,
      `The interruption date must lie between the activity's start ${activity.start} and end ${activity.end ?? '(open)'}: correct it.`,
      { activityId: activity.id, interruptionDate: date, start: activity.start, end: activity.end },
    );
  }
  return date;
}
