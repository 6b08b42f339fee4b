// Valid time in Min plan: which version, activity and allocation frame is in force on a day. A read
// answers for its day (today, or the `asOf` of `person(cpr:, asOf:)`); writes are judged on today.
import { toIsoDate, type IsoDate } from '../../../core/dates';
import { inForceOn, isScheduled } from '../../../core/valid-time';
import type { ActivityStatus } from './activity-lifecycle';
import type { AllocationFrame } from './allocation-frames';

/** A plan version as valid time sees it: its number, when it was recorded and the day it is in force from. */
export interface DatedVersion {
  version: number;
  /** Null on versions written before valid time: they are in force from the day they were recorded. */
  effectiveOn: IsoDate | null;
  createdAt: Date;
}

/** The first day a version is in force. */
export function versionEffectiveOn(version: DatedVersion): IsoDate {
  return version.effectiveOn ?? toIsoDate(version.createdAt);
}

/**
 * The versions in force by `day`, newest recorded first. Each version is a full copy of the plan,
 * so the newest of them is the plan in force on the day; a back-dated version (code 82 on a change
 * to group 10 dated before it was recorded) counts from its own day, not from when it was written.
 */
export function versionsInForceBy<V extends DatedVersion>(versions: readonly V[], day: IsoDate): V[] {
  return versions.filter((v) => versionEffectiveOn(v) <= day).sort((a, b) => b.version - a.version);
}

/** The Min plan version in force on `day`, or null when the person had none yet. */
export function versionInForceOn<V extends DatedVersion>(versions: readonly V[], day: IsoDate): V | null {
  return versionsInForceBy(versions, day)[0] ?? null;
}

/** An activity as valid time sees it. An interrupted one ends on its interruption date. */
export interface DatedActivity {
  status: ActivityStatus;
  start: IsoDate;
  end: IsoDate | null;
}

/** In force on `day`: not cancelled (a cancelled activity never took place) and `day` within its dates. */
export function activityInForceOn(activity: DatedActivity, day: IsoDate): boolean {
  return activity.status !== 'CANCELLED' && inForceOn(activity, day);
}

/** Recorded for later: not cancelled, starting after `day`. */
export function activityScheduledOn(activity: DatedActivity, day: IsoDate): boolean {
  return activity.status !== 'CANCELLED' && isScheduled(activity, day);
}

/** The frame takes new activities starting on `day` (001 §4.2: its limits are on the start date). */
export function frameOpenOn(frame: AllocationFrame, day: IsoDate): boolean {
  return (frame.validFrom === null || day >= frame.validFrom) && (frame.newActivitiesUntil === null || day <= frame.newActivitiesUntil);
}
