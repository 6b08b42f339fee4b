// Who may read and change a person's absences. A jobcentre acts for the persons of its own
// municipality, an a-kasse for its members (current or former, as known from the payment
// subgraph's membership events), the system role for everyone (STAR's repairs). Analysts read
// aggregates only (absencesByTypeAndMonth), never one person's absences: with the person's jobcentre
// they would show who fills a suppressed cell (docs/access.md "Analysts").
import { forbidden } from '../../../core/authorize';
import { DomainError } from '../../../core/errors';
import type { Identity } from '../../../core/identity';
import type { AbsenceTypeRule } from './absence-types';
import { AbsenceErrorCode } from './error-codes';

export interface PersonAuthorities {
  municipalityCode: string;
  akasser: readonly string[];
}

function actsForPerson(identity: Identity, person: PersonAuthorities): boolean {
  if (identity.role === 'caseworker') return identity.authority === person.municipalityCode;
  if (identity.role === 'akasse') return person.akasser.includes(identity.authority);
  return true;
}

/** Reading a person's absences and exemptions. */
export function authorizeRead(identity: Identity, person: PersonAuthorities): void {
  if (identity.role === 'analyst') throw forbidden('Analysts read absences as counts (absencesByTypeAndMonth), not per person.');
  if (!actsForPerson(identity, person)) {
    throw forbidden('Only the person\'s jobcentre and a-kasser can see their absences.');
  }
}

/**
 * Registering, updating or deleting an absence of `type`: the caller must act for the person, and
 * the type must be one its kind of authority registers (79 and 80 are the jobcentre's, 001 §2.1-2.2).
 */
export function authorizeWrite(identity: Identity, person: PersonAuthorities, type: AbsenceTypeRule): void {
  if (identity.role === 'analyst') throw forbidden('Analysts have read-only access.');
  if (identity.role === 'system') return;
  if (!actsForPerson(identity, person)) {
    throw forbidden(identity.role === 'caseworker' ? `Only jobcentre ${person.municipalityCode} can change this person's absences.` : 'Only an a-kasse the person is or was a member of can change their absences.');
  }
  const registrant = identity.role === 'caseworker' ? 'JOBCENTRE' : 'AKASSE';
  if (!type.registeredBy.includes(registrant)) {
    throw new DomainError(
      AbsenceErrorCode.REGISTRANT_NOT_ALLOWED,
      `${type.name} (${type.id}) is registered by the ${type.registeredBy.map((r) => (r === 'JOBCENTRE' ? 'jobcentre' : 'a-kasse')).join(' or ')} only.`,
      { typeId: type.id },
    );
  }
}

/** Free text (deletion comments) may hold personal data: never for analysts. */
export function authorizeFreeText(identity: Identity): void {
  if (identity.role === 'analyst') throw forbidden('Free-text fields are not available to analysts.');
}
