// The status a caller sees on a day (today, or the day an as-of read asks for): the stored status
// once the contact-group reaction that set it is in force, and before that the status the dates
// give. An absence ended or held by a change dated after the day reads as it was then.
import type { IsoDate } from '../../../core/dates';
import type { AbsenceStatus } from '../../common/absence-events';
import type { AbsenceState } from './period';

export type AbsenceDisplayStatus = 'PLANNED' | 'ACTIVE' | 'ON_HOLD' | 'ENDED' | 'DELETED';

/** A contact-group reaction: the stored status it left (ON_HOLD, ENDED, or ACTIVE again), from its day. */
export interface StatusChange {
  status: AbsenceStatus;
  since: IsoDate;
}

export type StatusView = Pick<AbsenceState, 'status' | 'start' | 'end'> & { statusSince?: IsoDate | null };

/**
 * The reactions the stored row itself records: its last one. Enough for any day on or after it;
 * for an earlier day the absence's history knows the reactions before it (a hold later lifted).
 */
export function storedReactions(absence: StatusView): StatusChange[] {
  if (absence.status === 'ACTIVE' && !absence.statusSince) return [];
  return [{ status: absence.status, since: absence.statusSince ?? '0000-01-01' }];
}

/** True when the stored row alone answers for `day` (no reaction of it is dated after the day). */
export function storedRowAnswers(absence: StatusView, day: IsoDate): boolean {
  return !absence.statusSince || absence.statusSince <= day;
}

/** The status on `day`; `reactions` in the order they were recorded (a later one wins a tie). */
export function displayStatus(absence: StatusView, day: IsoDate, reactions: readonly StatusChange[] = storedReactions(absence)): AbsenceDisplayStatus {
  if (absence.status === 'DELETED') return 'DELETED';
  let inForce: StatusChange | null = null;
  for (const reaction of reactions) {
    if (reaction.since <= day && (inForce === null || reaction.since >= inForce.since)) inForce = reaction;
  }
  if (inForce && (inForce.status === 'ON_HOLD' || inForce.status === 'ENDED')) return inForce.status;
  if (absence.end !== null && absence.end < day) return 'ENDED';
  return absence.start > day ? 'PLANNED' : 'ACTIVE';
}
