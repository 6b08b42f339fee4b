// The person's a-kasse memberships (projected from payment's events by consumers.ts) and what they
// decide: which authorities read and act for the person (judged by rules/access.ts), and whether
// the person was a member on a day (dagpenge without membership → 'Uden ydelse', 004).
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../core/clock';
import { today, type IsoDate } from '../../core/dates';
import { akasseReads, isCurrentAkasse } from '../common/akasse-access';
import { AkasseMembership } from './entities/AkasseMembership';
import type { Person } from './entities/Person';
import type { PersonAuthorities } from './rules';

function inForce(membership: AkasseMembership, day: IsoDate): boolean {
  return membership.start <= day && (membership.end === null || membership.end >= day);
}

export async function membershipsOf(em: EntityManager, personId: string): Promise<AkasseMembership[]> {
  return em.find(AkasseMembership, { personId });
}

export function authoritiesOf(person: Person, memberships: readonly AkasseMembership[], day: IsoDate): PersonAuthorities {
  const inRegister = [...new Set(memberships.map((m) => m.akasse))].sort();
  return {
    municipalityCode: person.municipalityCode,
    akasser: inRegister.filter((akasse) => akasseReads(memberships, akasse, day)),
    currentAkasser: inRegister.filter((akasse) => isCurrentAkasse(memberships, akasse, day)),
  };
}

export async function loadAuthorities(em: EntityManager, person: Person, clock: Clock): Promise<PersonAuthorities> {
  return authoritiesOf(person, await membershipsOf(em, person.id), today(clock));
}

export function hasMembershipOn(memberships: readonly AkasseMembership[], day: IsoDate, akasse?: string): boolean {
  return memberships.some((m) => inForce(m, day) && (akasse === undefined || m.akasse === akasse));
}
