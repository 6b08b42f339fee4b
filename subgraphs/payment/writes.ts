// The writes every payment change shares: serialise on the person, read their register and
// periods fresh, and queue the change's event in the same unit of work (the outbox).
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../core/clock';
import { recordEvent } from '../../core/outbox';
import { lockRow } from '../../core/write-path';
import { addressEvent, type PaymentEventKind } from './dispatch';
import { KnownPerson } from '../common/person-directory';
import { AkasseMembership } from './entities/AkasseMembership';
import { EeaBenefitPeriod } from './entities/EeaBenefitPeriod';
import { PaymentEvent, type AkasseMembershipPayload, type EeaBenefitPeriodPayload } from './events';
import { akasserOf } from './rules';

/**
 * Locks the person's directory row for the rest of the transaction and returns it fresh. Every
 * write to a person's memberships or EEA periods takes this lock first, so "memberships never
 * overlap" and "EEA periods never overlap" are checked against every committed row and none in
 * flight: two overlapping requests sent at once queue on the row, and the second sees the first.
 * A lock row rather than SERIALIZABLE isolation: nothing to retry, and it is the same row the
 * other subgraphs lock for their per-person rules. core's lockRow: SELECT … FOR UPDATE on
 * PostgreSQL; SQLite has a single writer connection, so the transaction itself is the lock.
 */
export function lockPerson(em: EntityManager, personId: string): Promise<KnownPerson> {
  return lockRow(em, KnownPerson, { id: personId });
}

/** The person's memberships as committed now, oldest first. */
export function personMemberships(em: EntityManager, personId: string): Promise<AkasseMembership[]> {
  return em.find(AkasseMembership, { personId }, { refresh: true, orderBy: { start: 'asc' } });
}

/** The person's EEA periods as committed now, oldest first. */
export function personPeriods(em: EntityManager, personId: string): Promise<EeaBenefitPeriod[]> {
  return em.find(EeaBenefitPeriod, { personId }, { refresh: true, orderBy: { start: 'asc' } });
}

/** Whom an event about the person reaches: their jobcentre and every a-kasse in their register. */
function recipients(kind: PaymentEventKind, person: KnownPerson, memberships: readonly AkasseMembership[]) {
  return addressEvent(kind, { municipalityCode: person.municipalityCode, akasser: akasserOf(memberships) });
}

/**
 * A membership event carries the day it is in force from as its effective date: the start for
 * AKASSE_MEMBERSHIP_STARTED, the last day of membership (the end) for AKASSE_MEMBERSHIP_ENDED. A
 * membership dated ahead is emitted when recorded, its effective date telling the day it takes effect.
 */
export function recordMembershipEvent(em: EntityManager, clock: Clock, kind: PaymentEventKind, membership: AkasseMembership, person: KnownPerson, memberships: readonly AkasseMembership[]): void {
  const payload: AkasseMembershipPayload = { personId: person.id, membershipId: membership.id, akasse: membership.akasse, start: membership.start, end: membership.end };
  const effectiveDate = kind === PaymentEvent.AKASSE_MEMBERSHIP_ENDED && membership.end !== null ? membership.end : membership.start;
  recordEvent(em, clock, {
    kind,
    effectiveDate,
    personId: person.id,
    entityType: 'AkasseMembership',
    entityId: membership.id,
    authorities: recipients(kind, person, memberships),
    payload,
  });
}

/** The day an EEA period change is in force from: a report from its start, an interruption from its date; others today. */
function periodEffectiveDate(kind: PaymentEventKind, period: EeaBenefitPeriod): string | undefined {
  if (kind === PaymentEvent.EEA_BENEFIT_PERIOD_REPORTED) return period.start;
  if (kind === PaymentEvent.EEA_BENEFIT_PERIOD_INTERRUPTED) return period.interruptionDate ?? undefined;
  return undefined;
}

export function recordPeriodEvent(
  em: EntityManager,
  clock: Clock,
  kind: PaymentEventKind,
  period: EeaBenefitPeriod,
  changedBy: string,
  person: KnownPerson,
  memberships: readonly AkasseMembership[],
): void {
  const payload: EeaBenefitPeriodPayload = {
    personId: period.personId,
    paymentId: period.paymentId,
    country: period.country,
    start: period.start,
    end: period.end,
    interruptionDate: period.interruptionDate,
    interruptionCauseId: period.interruptionCauseId,
    reportedBy: period.reportedBy,
    changedBy,
  };
  recordEvent(em, clock, {
    kind,
    effectiveDate: periodEffectiveDate(kind, period),
    personId: period.personId,
    entityType: 'EeaBenefitPeriod',
    entityId: period.paymentId,
    authorities: recipients(kind, person, memberships),
    payload,
  });
}
