// Valid time: every dated registration is read "as in force on day D". D is the injected clock's
// day in Copenhagen unless a read asks for another one (`person(cpr:, asOf:)`, which the gateway
// forwards to every subgraph of the operation in the as-of header). Access decisions never use D:
// who may read is decided on today's facts, whatever day the answer describes.
import type { Clock } from './clock';
import { today, type IsoDate } from './dates';

/** A dated registration: in force from `start` through `end` (inclusive); an open end runs on. */
export interface DatedPeriod {
  start: IsoDate;
  end: IsoDate | null;
}

/** The header in which the gateway tells a subgraph the day an operation reads as of. */
export const AS_OF_HEADER = 'x-dfdg-as-of';

/** True when the registration is in force on `day`. */
export function inForceOn(period: DatedPeriod, day: IsoDate): boolean {
  return period.start <= day && (period.end === null || period.end >= day);
}

/** The registration in force on `day` (the latest start among those that are), or null. */
export function inForceAt<T extends DatedPeriod>(periods: readonly T[], day: IsoDate): T | null {
  let found: T | null = null;
  for (const period of periods) {
    if (inForceOn(period, day) && (found === null || period.start > found.start)) found = period;
  }
  return found;
}

/** Recorded, not yet in force on `day`: a change dated later than the day read. */
export function isScheduled(period: Pick<DatedPeriod, 'start'>, day: IsoDate): boolean {
  return period.start > day;
}

/**
 * The day a read answers for: the operation's as-of day when it gave one, else today. Rules that
 * decide what a write may do use `today(clock)` instead: writes always happen today.
 */
export function readDay(ctx: { clock: Clock; asOf?: IsoDate | null }): IsoDate {
  return ctx.asOf ?? today(ctx.clock);
}

/**
 * A change that takes effect on a later day: kept in a timeline of dated values, of which one is in
 * force on any day. `start` is the first day a value holds; the timeline is ordered by start.
 */
export interface TimelineEntry<V> {
  start: IsoDate;
  value: V;
}

/** The value in force on `day`: the entry with the latest start on or before it, or null. */
export function valueOn<V>(timeline: readonly TimelineEntry<V>[], day: IsoDate): V | null {
  let found: TimelineEntry<V> | null = null;
  for (const entry of timeline) {
    if (entry.start <= day && (found === null || entry.start >= found.start)) found = entry;
  }
  return found ? found.value : null;
}

/** Entries recorded for later than `day`, in date order: what a read shows as scheduled. */
export function scheduledAfter<V>(timeline: readonly TimelineEntry<V>[], day: IsoDate): TimelineEntry<V>[] {
  return timeline.filter((entry) => entry.start > day).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
