// The look-ups every person mutation starts from: the person by CPR number (PERSON_NOT_FOUND when
// DFDG has none) and the contact group in force on a day (today, for a write).
import type { EntityManager } from '@mikro-orm/core';
import type { IsoDate } from '../../core/dates';
import { DomainError, ErrorCode } from '../../core/errors';
import { parseCpr } from '../common/cpr';
import { ContactGroupRegistration } from './entities/ContactGroupRegistration';
import { Person } from './entities/Person';

export async function personByCpr(em: EntityManager, cpr: string): Promise<Person> {
  const person = await em.findOne(Person, { cpr: parseCpr(cpr) });
  if (!person) throw new DomainError(ErrorCode.PERSON_NOT_FOUND, 'No person with that CPR number is registered in DFDG.');
  return person;
}

/**
 * The contact-group registration in force on `day`: the latest one started on or before it that
 * has not ended before it. A change recorded for a later day is not in force yet, so "the person's
 * current group" in a write is this with today.
 */
export async function registrationInForce(em: EntityManager, personId: string, day: IsoDate): Promise<ContactGroupRegistration | null> {
  return em.findOne(
    ContactGroupRegistration,
    { personId, start: { $lte: day }, $or: [{ end: null }, { end: { $gte: day } }] },
    { orderBy: { start: 'desc' } },
  );
}

/** The latest registration that starts before `day`: the one a change dated `day` closes. */
export async function registrationBefore(em: EntityManager, personId: string, day: IsoDate): Promise<ContactGroupRegistration | null> {
  return em.findOne(ContactGroupRegistration, { personId, start: { $lt: day } }, { orderBy: { start: 'desc' } });
}

/** Registrations recorded for after `day` (scheduled, not yet in force), earliest first. */
export async function scheduledRegistrations(em: EntityManager, personId: string, day: IsoDate): Promise<ContactGroupRegistration[]> {
  return em.find(ContactGroupRegistration, { personId, start: { $gt: day } }, { orderBy: { start: 'asc' } });
}
