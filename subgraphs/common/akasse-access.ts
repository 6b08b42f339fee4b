// What an a-kasse's place in a person's a-kasse register lets it read, the same in every subgraph.
// A membership is a right only while it lasts and for a bounded time after (issue 16: a membership
// claimed for 1990 used to make a fund a "former a-kasse" of anyone, for ever). docs/access.md.
import { addWeeks, rangesOverlap, type IsoDate } from '../../core/dates';

/** A dated membership as the register (payment) and the person directories hold it. */
export interface DatedMembership {
  akasse: string;
  start: IsoDate;
  /** The last day of membership; null while open. */
  end: IsoDate | null;
}

/**
 * How long a former a-kasse keeps reading after a membership ends: 13 weeks, a quarter. Enough to
 * close the member's case (the last month's dagpengekort arrives the month after, then the final
 * settlement, and an EEA period it reported is interrupted with cause 6 'Udmeldelse'), not a
 * standing view of someone who now belongs to another fund or none.
 */
export const FORMER_AKASSE_READ_WEEKS = 13;

/**
 * - CURRENT: a membership of the a-kasse is in force today.
 * - FORMER: none is, but one ended within FORMER_AKASSE_READ_WEEKS; `memberships` are its own, so
 *   a reader can keep to facts dated within them.
 * - NONE: never a member, a membership that has not started yet (it grants nothing before it
 *   starts), or every membership ended longer ago than the read window.
 */
export type AkasseRelation = { kind: 'CURRENT' } | { kind: 'FORMER'; memberships: DatedMembership[] } | { kind: 'NONE' };

export function akasseRelation(register: readonly DatedMembership[], akasse: string, today: IsoDate): AkasseRelation {
  const own = register.filter((m) => m.akasse === akasse && m.start <= today);
  if (own.some((m) => m.end === null || m.end >= today)) return { kind: 'CURRENT' };
  // None is open or in force, so every started one has ended: the latest end opens the window.
  const lastEnd = own.map((m) => m.end as IsoDate).sort().at(-1);
  if (lastEnd !== undefined && today <= addWeeks(lastEnd, FORMER_AKASSE_READ_WEEKS)) return { kind: 'FORMER', memberships: own };
  return { kind: 'NONE' };
}

/** The a-kasse reads the person today: current, or former within the read window. */
export function akasseReads(register: readonly DatedMembership[], akasse: string, today: IsoDate): boolean {
  return akasseRelation(register, akasse, today).kind !== 'NONE';
}

/** The a-kasse is the person's fund today: the one that acts for the person (writes, mediations). */
export function isCurrentAkasse(register: readonly DatedMembership[], akasse: string, today: IsoDate): boolean {
  return akasseRelation(register, akasse, today).kind === 'CURRENT';
}

/** A fact dated `range` shares at least a day with one of `memberships`. */
export function withinMemberships(memberships: readonly DatedMembership[], range: { start: IsoDate; end: IsoDate | null }): boolean {
  return memberships.some((m) => rangesOverlap(m, range));
}

/** A fact dated `range` is the a-kasse's to read: everything for the current fund, facts within its memberships for a former one. */
export function withinRelation(relation: AkasseRelation, range: { start: IsoDate; end: IsoDate | null }): boolean {
  if (relation.kind === 'CURRENT') return true;
  return relation.kind === 'FORMER' && withinMemberships(relation.memberships, range);
}
