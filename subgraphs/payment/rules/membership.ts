// The a-kasse register: dated memberships. A person is a member of one a-kasse at a time, so
// memberships never overlap; ending one is how a person leaves (or moves to another a-kasse).
import { rangesOverlap, type IsoDate } from '../../../core/dates';
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

export type NewMembershipDecision<M extends Membership> = { action: 'CREATE' } | { action: 'ALREADY_REGISTERED'; membership: M };

/**
 * A new membership: a valid a-kasse number, end not before start, no overlap with another (one
 * a-kasse at a time). The same membership sent again (the register feed re-delivering) is answered
 * with the stored one and changes nothing.
 */
export function decideNewMembership<M extends Membership>(existing: readonly M[], membership: Membership): NewMembershipDecision<M> {
  parseAkasseNumber(membership.akasse);
  if (membership.end !== null && membership.end < membership.start) {
    throw new DomainError(ErrorCode.INVALID_DATE_RANGE, 'The membership ends before it starts.', { field: 'end' });
  }
  const same = existing.find((m) => m.akasse === membership.akasse && m.start === membership.start && m.end === membership.end);
  if (same) return { action: 'ALREADY_REGISTERED', membership: same };
  refuseOverlap(existing, membership);
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
export function validateMembershipEnd(membership: Membership, end: IsoDate): void {
  if (membership.end !== null) {
    throw new DomainError(PaymentErrorCode.MEMBERSHIP_ALREADY_ENDED, `The membership already ended on ${membership.end}.`, { membershipId: membership.id ?? null });
  }
  if (end < membership.start) throw new DomainError(ErrorCode.INVALID_DATE_RANGE, `The membership started on ${membership.start}; it cannot end before that.`, { field: 'end' });
}

/** Member of `akasse` on `date`. */
export function isMemberOn(memberships: readonly Membership[], akasse: string, date: IsoDate): boolean {
  return memberships.some((m) => m.akasse === akasse && m.start <= date && (m.end === null || m.end >= date));
}

/**
 * "Is or has been a member" (001 §5.1): any membership of `akasse` in the person's register. One
 * registered to start later counts too: the person has joined, and the same a-kasser are the ones
 * every payment event is addressed to (akasserOf), so who hears of a person is who may act on it.
 */
export function isPersonsAkasse(memberships: readonly Membership[], akasse: string): boolean {
  return memberships.some((m) => m.akasse === akasse);
}

/** Every a-kasse in the person's register, past, present and future: who hears of the person. */
export function akasserOf(memberships: readonly Membership[]): string[] {
  return [...new Set(memberships.map((m) => m.akasse))].sort();
}
