// The person's facts as in force on a day (valid time) for the reads that keep no dated rows of their
// own. The visitation lives on the person row (category and since); its earlier values are read back
// from the history, where each VISITATION_CHANGED row keeps the category it set and the day it took
// effect. Sick-leave metadata and self-booking deadlines are dated by the rows they belong to.
import { toIsoDate, type IsoDate } from '../../core/dates';
import type { PersonCategory } from '../common/person-events';
import type { ContactGroupRegistration } from './entities/ContactGroupRegistration';
import type { Person } from './entities/Person';
import type { PersonHistoryEntry } from './entities/PersonHistoryEntry';
import type { SelfBookingDeadline } from './entities/SelfBookingDeadline';
import type { SickLeaveReturnExpectation } from './entities/SickLeaveReturnExpectation';

export interface VisitationOn {
  category: PersonCategory;
  since: IsoDate;
}

/** The day a history row is in force from: its valid time, or the day it was recorded (older rows). */
export function historyDay(entry: Pick<PersonHistoryEntry, 'effectiveDate' | 'at'>): IsoDate {
  return entry.effectiveDate ?? toIsoDate(entry.at);
}

/**
 * The visitation in force on `day`. On or after the person row's `since` it is the row itself;
 * before, the latest VISITATION_CHANGED on or before the day, or, before the first change, none.
 */
export function visitationOn(person: Pick<Person, 'category' | 'categorySince'>, history: readonly PersonHistoryEntry[], day: IsoDate): VisitationOn | null {
  const changes = history.filter((e) => e.action === 'VISITATION_CHANGED');
  const current = person.category === null || person.categorySince === null ? null : { category: person.category, since: person.categorySince };
  if (changes.length === 0) return current && current.since <= day ? current : null;
  let found: VisitationOn | null = null;
  for (const entry of changes) {
    const since = historyDay(entry);
    if (since > day) break;
    const to = entry.changes.find((c) => c.field === 'category')?.to ?? null;
    found = to === null ? null : { category: to as PersonCategory, since };
  }
  // The last change's day is the row's own; keep the row's `since` (an automatic revisitation dates it).
  if (found && current && found.category === current.category && current.since <= day) return current;
  return found;
}

/** The "back within week 13" metadata of the latest sick registration started on or before `day`. */
export function returnExpectationOn(
  expectations: readonly SickLeaveReturnExpectation[],
  registrations: readonly ContactGroupRegistration[],
  day: IsoDate,
): SickLeaveReturnExpectation | null {
  const starts = new Map(registrations.map((r) => [r.id, r.start]));
  return expectations.find((e) => (starts.get(e.registrationId) ?? e.firstFollowUpMeeting) <= day) ?? null;
}

/** The self-booking deadline active on `day`: set by then and not closed before it. */
export function selfBookingDeadlineOn(deadlines: readonly SelfBookingDeadline[], day: IsoDate): SelfBookingDeadline | null {
  return (
    deadlines.find((d) => toIsoDate(d.createdAt) <= day && (d.status === 'ACTIVE' || (d.closedAt !== null && toIsoDate(d.closedAt) > day))) ?? null
  );
}
