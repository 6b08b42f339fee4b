// Valid time in the payment subgraph: which membership and EEA period is in force on a day. Reads
// answer for their day (today, or the asOf of person(cpr:, asOf:)); who may read stays on today
// (access.ts), and so does every rule a write is judged by.
import type { IsoDate } from '../../../core/dates';
import { inForceAt, inForceOn, isScheduled } from '../../../core/valid-time';
import { coverageEnd, type EeaPeriod } from './eea-period';
import type { Membership } from './membership';

/** The membership in force on `day`: the person's a-kasse that day, or null (memberships never overlap). */
export function membershipOn<M extends Membership>(memberships: readonly M[], day: IsoDate): M | null {
  return inForceAt(memberships, day);
}

/** In force on `day`: `day` lies within start through end (an open end runs on). */
export function membershipInForceOn(membership: Membership, day: IsoDate): boolean {
  return inForceOn(membership, day);
}

/** Registered ahead: starting after `day` (an a-kasse dates at most 13 weeks ahead). */
export function membershipScheduledOn(membership: Membership, day: IsoDate): boolean {
  return isScheduled(membership, day);
}

/** Paying on `day`: from its start through its last covered day (the day before an interruption). */
export function periodInForceOn(period: Pick<EeaPeriod, 'start' | 'end' | 'interruptionDate'>, day: IsoDate): boolean {
  return inForceOn({ start: period.start, end: coverageEnd(period) }, day);
}

/** Reported ahead: starting after `day`. */
export function periodScheduledOn(period: Pick<EeaPeriod, 'start'>, day: IsoDate): boolean {
  return isScheduled(period, day);
}
