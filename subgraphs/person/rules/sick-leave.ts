// Sick-leave metadata (002): "can return fully to own workplace within week 13 after the first
// follow-up meeting", for sick-benefit recipients from employment (group 24).
import { addDays, addWeeks, type IsoDate } from '../../../core/dates';

/** The last day of the 13th week counted from the first follow-up meeting. */
export function returnByDate(firstFollowUpMeeting: IsoDate): IsoDate {
  return addDays(addWeeks(firstFollowUpMeeting, 13), -1);
}

/**
 * When a recovery on `recoveryDay` ends the metadata: it ends the day before, if that is before the
 * 13 weeks ran out; a later recovery leaves the metadata to have run its course.
 */
export function endOnRecovery(metadata: { returnBy: IsoDate; end: IsoDate | null }, recoveryDay: IsoDate): IsoDate | null {
  if (metadata.end !== null) return null;
  const lastSickDay = addDays(recoveryDay, -1);
  return lastSickDay < metadata.returnBy ? lastSickDay : null;
}
