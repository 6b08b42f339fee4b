// The a-kasse register: dated memberships. A person is a member of one a-kasse at a time, so
// memberships never overlap; ending one is how a person leaves (or moves to another a-kasse).
// The register feed (STAR's system role) is the source of history; an a-kasse writes its own
// members' present, within the dating window below (issue 16: a fund once back-dated itself into
// anyone's register and so became their "former a-kasse").
import { addWeeks, rangesOverlap, type IsoDate } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import { PaymentErrorCode } from './error-codes';

export interface Membership {
  id?: string;
  akasse: string;
  start: IsoDate;
  end: IsoDate | null;
}

/** An a-kasse number as the register and the identity claims write it: 1 to 4 digits. */
export function parseAkasseNumber(value: string): string {
  if (!/^\d{1,4}$/.test(value)) throw new DomainError(PaymentErrorCode.INVALID_AKASSE_NUMBER, 'An a-kasse number is 1 to 4 digits, e.g. 21.', { field: 'akasse' });
  return value;
}

function refuseOverlap(existing: readonly Membership[], candidate: Membership): void {
  const overlapping = existing.find((m) => m.id !== candidate.id && rangesOverlap(m, candidate));
  if (overlapping) {
    const until = overlapping.end ? ` to ${overlapping.end}` : '';
    throw new DomainError(
      PaymentErrorCode.MEMBERSHIP_OVERLAP,
      `The person is a member of a-kasse ${overlapping.akasse} from ${overlapping.start}${until}; end that membership before the new one starts.`,
      { membershipId: overlapping.id ?? null },
    );
  }
}

/**
 * How far from today an a-kasse may date a membership it registers or ends: 13 weeks either way.
 * A membership takes effect from the day the application reached the fund, and a quarter covers a
 * slow decision or a member joining from next quarter. Older history (a late register entry, a
 * correction) comes from the register feed, which is not bound by it.
 */
export const AKASSE_MEMBERSHIP_DATING_WEEKS = 13;

/** Who writes the register: the feed (history included) or an a-kasse (its own members, now). */
export type RegisterWriter = 'REGISTER_FEED' | 'AKASSE';

/** Refuses a date an a-kasse may not write: more than the dating window from today. */
function refuseOutsideDatingWindow(date: IsoDate, field: 'start' | 'end', today: IsoDate): void {
  const earliest = addWeeks(today, -AKASSE_MEMBERSHIP_DATING_WEEKS);
  const latest = addWeeks(today, AKASSE_MEMBERSHIP_DATING_WEEKS);
  if (date < earliest) {
    throw new DomainError(
      PaymentErrorCode.MEMBERSHIP_BACKDATED_TOO_FAR,
      `An a-kasse dates a membership at most ${AKASSE_MEMBERSHIP_DATING_WEEKS} weeks back (from ${earliest}); older history comes from the a-kasse register feed.`,
      { field, earliest },
    );
  }
  if (date > latest) {
    throw new DomainError(PaymentErrorCode.MEMBERSHIP_DATED_TOO_FAR_AHEAD, `An a-kasse dates a membership at most ${AKASSE_MEMBERSHIP_DATING_WEEKS} weeks ahead (until ${latest}).`, { field, latest });
  }
}

/**
 * An a-kasse appends to the register: it never places a membership before another fund's, since
 * the person's history before a later fund took over is the register feed's to correct. Without
 * this a fund could slip a day's membership in front of the current fund's and read as "former".
 */
function refuseBeforeAnotherFund(existing: readonly Membership[], candidate: Membership): void {
  const later = existing.find((m) => m.akasse !== candidate.akasse && m.start >= candidate.start);
  if (later) {
    throw new DomainError(
      PaymentErrorCode.MEMBERSHIP_PRECEDES_ANOTHER_FUND,
      `The person is a member of a-kasse ${later.akasse} from ${later.start}; a membership before that is the a-kasse register feed's to add.`,
      { field: 'start' },
    );
  }
}

export type NewMembershipDecision<M extends Membership> = { action: 'CREATE' } | { action: 'ALREADY_REGISTERED'; membership: M };

/**
 * A new membership: a valid a-kasse number, end not before start, no overlap with another (one
 * a-kasse at a time). The same membership sent again (the register feed re-delivering) is answered
 * with the stored one and changes nothing. An a-kasse dates it within its window and after every
 * other fund's membership.
 */
export function decideNewMembership<M extends Membership>(existing: readonly M[], membership: Membership, writer: RegisterWriter, today: IsoDate): NewMembershipDecision<M> {
  parseAkasseNumber(membership.akasse);
  if (membership.end !== null && membership.end < membership.start) {
    throw new DomainError(ErrorCode.INVALID_DATE_RANGE, 'The membership ends before it starts.', { field: 'end' });
  }
  const same = existing.find((m) => m.akasse === membership.akasse && m.start === membership.start && m.end === membership.end);
  if (same) return { action: 'ALREADY_REGISTERED', membership: same };
  if (writer === 'AKASSE') {
    refuseOutsideDatingWindow(membership.start, 'start', today);
    if (membership.end !== null) refuseOutsideDatingWindow(membership.end, 'end', today);
  }
  // Overlap first: two funds racing for the same days hear that, not which of them came first.
  refuseOverlap(existing, membership);
  if (writer === 'AKASSE') refuseBeforeAnotherFund(existing, membership);
  return { action: 'CREATE' };
}

/** Which membership `endAkasseMembership` ends: by its id, or the person's latest one with an a-kasse. */
export type MembershipTarget = { membershipId: string } | { cpr: string; akasse: string };

export function parseMembershipTarget(input: { membershipId?: string | null; cpr?: string | null; akasse?: string | null }): MembershipTarget {
  const byId = input.membershipId != null;
  const byPerson = input.cpr != null || input.akasse != null;
  if (byId === byPerson || (byPerson && (input.cpr == null || input.akasse == null))) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'Name the membership either by membershipId, or by cpr and akasse together.', { field: 'membershipId' });
  }
  return byId ? { membershipId: input.membershipId! } : { cpr: input.cpr!, akasse: parseAkasseNumber(input.akasse!) };
}

/** The membership a target names among the person's, or MEMBERSHIP_NOT_FOUND. */
export function findTargetMembership<M extends Membership>(memberships: readonly M[], target: { membershipId: string } | { akasse: string }): M {
  const found =
    'membershipId' in target
      ? memberships.find((m) => m.id === target.membershipId)
      : [...memberships].filter((m) => m.akasse === target.akasse).sort((a, b) => (a.start < b.start ? 1 : -1))[0];
  if (!found) throw new DomainError(PaymentErrorCode.MEMBERSHIP_NOT_FOUND, 'No such a-kasse membership is registered for the person.', { field: 'membershipId' });
  return found;
}

/**
 * Ending a membership (udmeldelse): only an open one gets an end, on or after its start. A recorded
 * end is history other subgraphs have acted on (former a-kasser keep their rights), so it is not
 * moved; a wrong end is a case for STAR's data repair.
 */
export function validateMembershipEnd(membership: Membership, end: IsoDate, writer: RegisterWriter, today: IsoDate): void {
  if (membership.end !== null) {
    throw new DomainError(PaymentErrorCode.MEMBERSHIP_ALREADY_ENDED, `The membership already ended on ${membership.end}.`, { membershipId: membership.id ?? null });
  }
  if (end < membership.start) throw new DomainError(ErrorCode.INVALID_DATE_RANGE, `The membership started on ${membership.start}; it cannot end before that.`, { field: 'end' });
  if (writer === 'AKASSE') refuseOutsideDatingWindow(end, 'end', today);
}

/** Member of `akasse` on `date`. */
export function isMemberOn(memberships: readonly Membership[], akasse: string, date: IsoDate): boolean {
  return memberships.some((m) => m.akasse === akasse && m.start <= date && (m.end === null || m.end >= date));
}

/**
 * "Is or has been a member" (001 §5.1): any membership of `akasse` in the person's register, one
 * registered to start later too. It decides who may report (the rule NOT_A_MEMBER_OF_AKASSE then
 * asks for a membership on the period's start); what each may read or change is access.ts's.
 */
export function isPersonsAkasse(memberships: readonly Membership[], akasse: string): boolean {
  return memberships.some((m) => m.akasse === akasse);
}

/** Every a-kasse in the person's register, past, present and future: who hears of the person. */
export function akasserOf(memberships: readonly Membership[]): string[] {
  return [...new Set(memberships.map((m) => m.akasse))].sort();
}
