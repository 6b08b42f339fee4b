// Who may read and change a person's Min plan. Every resolver and mutation of this subgraph asks
// here, so the access matrix in docs/subgraphs/plan.md is this file.
import { forbidden, requireRole } from '../../../core/authorize';
import type { IsoDate } from '../../../core/dates';
import type { Identity } from '../../../core/identity';
import { akasseReads, isCurrentAkasse } from '../../common/akasse-access';
import type { KnownPerson } from '../../common/person-directory';

/**
 * Reading: the person's own jobcentre (the municipality the person belongs to now), the person's
 * a-kasse, and a former one for 13 weeks after it left (common/akasse-access.ts: it follows up on
 * availability, and NUPH and jobrettet uddannelse are its; an old or self-claimed membership opens
 * nothing), and the system role. Another municipality's caseworker or an a-kasse outside that sees
 * nothing: Min plan describes a citizen's situation and is personal data. Analysts read no person's
 * plan (docs/access.md "Analysts": a person-level record would show who fills a suppressed cell);
 * `hidesFreeText` stays as a second line should that ever change.
 */
export function mayRead(identity: Identity, person: KnownPerson, today: IsoDate): boolean {
  switch (identity.role) {
    case 'caseworker':
      return identity.authority === person.municipalityCode;
    case 'akasse':
      return akasseReads(person.memberships, identity.authority, today);
    case 'analyst':
      return false;
    case 'system':
      return true;
  }
}

export function assertMayRead(identity: Identity, person: KnownPerson, today: IsoDate): void {
  if (identity.role === 'analyst') throw forbidden('Analysts read no person-level Min plan; ask for aggregates.');
  if (!mayRead(identity, person, today)) throw forbidden("Only the person's jobcentre and a-kasse can read this person's Min plan.");
}

/**
 * Free text (other requirements, the plan description, the education goal) may describe the
 * citizen's health, family or circumstances in a caseworker's own words. Analysts explore data in
 * aggregate and must never meet personal data in clear, so these fields read as null for them.
 */
export function hidesFreeText(identity: Identity): boolean {
  return identity.role === 'analyst';
}

/**
 * Changing the plan: the person's own jobcentre, or the system role (STAR's data repairs). Job-search
 * requirements and goals are the jobcentre's alone.
 */
export function assertJobcentreMayWrite(identity: Identity, person: KnownPerson): void {
  requireRole(identity, 'caseworker', 'system');
  if (identity.role === 'caseworker' && identity.authority !== person.municipalityCode) {
    throw forbidden(`Only jobcentre ${person.municipalityCode} can change this person's Min plan.`);
  }
}

/**
 * Activities: as above, and also the person's current a-kasse (002: a-kasser register jobrettet
 * uddannelse in the whole unemployment period, not only while they hold the contact course; a fund
 * the person has left acts for them no more). Which categories an a-kasse may touch is a rule
 * (rules/activities.ts), checked after this; any other a-kasse is refused here, before any rule runs.
 */
export function assertMayWriteActivities(identity: Identity, person: KnownPerson, today: IsoDate): void {
  requireRole(identity, 'caseworker', 'akasse', 'system');
  if (identity.role === 'caseworker' && identity.authority !== person.municipalityCode) {
    throw forbidden(`Only jobcentre ${person.municipalityCode} can change this person's activities.`);
  }
  if (identity.role === 'akasse' && !isCurrentAkasse(person.memberships, identity.authority, today)) {
    throw forbidden("Only the person's a-kasse can register this person's activities.");
  }
}
