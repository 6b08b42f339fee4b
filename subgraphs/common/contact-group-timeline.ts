// A person's contact groups as the directory dates them: every registration the person subgraph
// told of, in force from its start until the next one starts. Scheduled changes (recorded for a
// later day) are in the timeline too, so a registration dated after them is checked against the
// group the person will then be in; what is in force on a day is read from the dates alone.
import type { IsoDate } from '../../core/dates';
import { valueOn } from '../../core/valid-time';

/** One contact-group registration: in force from `start` until a later entry starts. */
export interface DatedContactGroup {
  registrationId: string;
  contactGroupId: number;
  start: IsoDate;
}

/** What the directory keeps of a person's contact groups (KnownPerson's columns). */
export interface ContactGroupRecord {
  /** The dated registrations; empty on rows from before the column. */
  contactGroups: readonly DatedContactGroup[];
  /** The group in force from the last CONTACT_GROUP_CHANGED on (and the only record on old rows). */
  contactGroupId: number | null;
  contactGroupStart: IsoDate | null;
}

/** Adds the registration, or replaces the one with its id: a redelivery changes nothing. */
export function withContactGroup(timeline: readonly DatedContactGroup[], entry: DatedContactGroup): DatedContactGroup[] {
  const kept = timeline.filter((e) => e.registrationId !== entry.registrationId);
  return sortByStart([...kept, { registrationId: entry.registrationId, contactGroupId: entry.contactGroupId, start: entry.start }]);
}

/** Removes a withdrawn (cancelled) registration; removing one that is gone changes nothing. */
export function withoutContactGroup(timeline: readonly DatedContactGroup[], registrationId: string): DatedContactGroup[] {
  return timeline.filter((e) => e.registrationId !== registrationId);
}

/**
 * The timeline a rule reads. A row from before the dated column knows only its open group: that
 * group counts from its start (from always when the start was never delivered).
 */
export function contactGroupTimeline(record: ContactGroupRecord): DatedContactGroup[] {
  const timeline = [...record.contactGroups];
  const open = record.contactGroupId;
  if (open !== null && !timeline.some((e) => e.contactGroupId === open && e.start === record.contactGroupStart)) {
    timeline.push({ registrationId: '', contactGroupId: open, start: record.contactGroupStart ?? '0000-01-01' });
  }
  return sortByStart(timeline);
}

/** The contact group in force on `day` (scheduled changes included once their day comes), or null. */
export function contactGroupOn(record: ContactGroupRecord, day: IsoDate): number | null {
  return valueOn(contactGroupTimeline(record).map((e) => ({ start: e.start, value: e.contactGroupId })), day);
}

/** The changes of group that take effect after `after` and on or before `through`, in date order. */
export function changesBetween(record: ContactGroupRecord, after: IsoDate, through: IsoDate): DatedContactGroup[] {
  return contactGroupTimeline(record).filter((e) => e.start > after && e.start <= through);
}

function sortByStart(timeline: DatedContactGroup[]): DatedContactGroup[] {
  return timeline.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
