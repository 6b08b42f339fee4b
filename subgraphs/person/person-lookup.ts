// The look-ups every person mutation starts from: the person by CPR number (PERSON_NOT_FOUND when
// DFDG has none) and their open contact group.
import type { EntityManager } from '@mikro-orm/core';
import { DomainError, ErrorCode } from '../../core/errors';
import { parseCpr } from '../common/cpr';
import { ContactGroupRegistration } from './entities/ContactGroupRegistration';
import { Person } from './entities/Person';

export async function personByCpr(em: EntityManager, cpr: string): Promise<Person> {
  const person = await em.findOne(Person, { cpr: parseCpr(cpr) });
  if (!person) throw new DomainError(ErrorCode.PERSON_NOT_FOUND, 'No person with that CPR number is registered in DFDG.');
  return person;
}

export async function openRegistrationOf(em: EntityManager, personId: string): Promise<ContactGroupRegistration | null> {
  return em.findOne(ContactGroupRegistration, { personId, end: null });
}
