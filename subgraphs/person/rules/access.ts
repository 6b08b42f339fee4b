// Who may read and change what in the person subgraph. A jobcentre acts for the persons who belong
// to it, an a-kasse for its members (reading: current, or former for 13 weeks after it left, as
// common/akasse-access.ts decides; changing: current), the system role for everyone (Jobnet on the
// citizen's behalf, STAR's jobs and repairs). Analysts read aggregates, never a person (docs/access.md
// "Analysts"): anything about one person, even pseudonymised, would let them see behind a suppressed
// cell. Looking a person up by CPR is open to every other role: it is how a jobcentre finds a person
// to take over, and the fields below decide what the answer shows.
import { forbidden } from '../../../core/authorize';
import type { Identity } from '../../../core/identity';

export interface PersonAuthorities {
  municipalityCode: string;
  /** The a-kasser that read the person today: the current one, and former ones within their read window. */
  akasser: readonly string[];
  /** The a-kasser the person is a member of today. */
  currentAkasser: readonly string[];
}

export type WriterRole = 'caseworker' | 'akasse' | 'system';

function readsFor(identity: Identity, person: PersonAuthorities): boolean {
  if (identity.role === 'caseworker') return identity.authority === person.municipalityCode;
  if (identity.role === 'akasse') return person.akasser.includes(identity.authority);
  return identity.role === 'system';
}

/**
 * Analysts get counts with small cells suppressed. A person's record, found by CPR, listed by
 * jobcentre or reached through another subgraph, would tell them who fills a suppressed cell (the one
 * person in contact group 7 of jobcentre 101), so every person-level read refuses them, whatever
 * exists: the refusal itself reveals nothing. Only `Person.pseudonym` (no attributes) stays theirs.
 */
export function refuseAnalysts(identity: Identity): void {
  if (identity.role === 'analyst') throw forbidden('Analysts read aggregates (personsByContactGroup, absencesByTypeAndMonth), not persons.');
}

/** Reading the person's contact course: contact group, registration, visitation, CV requirement, meetings. */
export function authorizeRead(identity: Identity, person: PersonAuthorities): void {
  refuseAnalysts(identity);
  if (!readsFor(identity, person)) {
    throw forbidden("Only the person's jobcentre and a-kasser can see the person's contact course.");
  }
}

/** History and other answers that name caseworkers or hold free text: never for analysts. */
export function authorizeSensitiveRead(identity: Identity, person: PersonAuthorities): void {
  if (identity.role === 'analyst') throw forbidden('Analysts do not see who changed what; ask for aggregates instead.');
  authorizeRead(identity, person);
}

/**
 * Health-related answers (the screening trial): the person's jobcentre and the system only; the
 * seed makes them a tool for jobcentre caseworkers, not for a-kasser or analysts.
 */
export function authorizeHealthRead(identity: Identity, person: PersonAuthorities): void {
  if (identity.role === 'system') return;
  if (identity.role !== 'caseworker' || identity.authority !== person.municipalityCode) {
    throw forbidden("Only the person's jobcentre can see screening results.");
  }
}

/**
 * Changing the person: the caller's role must be one of `roles`, a caseworker must be the person's
 * jobcentre, and an a-kasse a current member's.
 */
export function authorizeWrite(identity: Identity, person: PersonAuthorities, roles: readonly WriterRole[]): void {
  if (identity.role === 'analyst') throw forbidden('Analysts have read-only access.');
  if (!(roles as readonly string[]).includes(identity.role)) {
    throw forbidden(`This change is not available to the ${identity.role} role.`);
  }
  if (identity.role === 'caseworker' && identity.authority !== person.municipalityCode) {
    throw forbidden(`Only jobcentre ${person.municipalityCode} can change this person.`);
  }
  if (identity.role === 'akasse' && !person.currentAkasser.includes(identity.authority)) {
    throw forbidden('Only an a-kasse the person is a member of can change this person.');
  }
}

/** Who-did-it as the history records it. */
export function actorOf(identity: Identity): string {
  return `${identity.role}:${identity.authority}`;
}
