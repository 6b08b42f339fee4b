// Who may read and change a person's absences. A jobcentre acts for the persons of its own
// municipality, an a-kasse for its members (changing: the current fund; reading: the current fund
// and a former one for 13 weeks after it left, common/akasse-access.ts, from the dated memberships
// the payment subgraph's events bring), the system role for everyone (STAR's repairs). Analysts read
// aggregates only (absencesByTypeAndMonth), never one person's absences: with the person's jobcentre
// they would show who fills a suppressed cell (docs/access.md "Analysts").
import { forbidden } from '../../../core/authorize';
import type { IsoDate } from '../../../core/dates';
import { DomainError } from '../../../core/errors';
import type { Identity } from '../../../core/identity';
import { akasseReads, isCurrentAkasse, type DatedMembership } from '../../common/akasse-access';
import type { AbsenceTypeRule } from './absence-types';
import { AbsenceErrorCode } from './error-codes';

export interface PersonAuthorities {
  municipalityCode: string;
  /** The person's a-kasse memberships, dated. */
  memberships: readonly DatedMembership[];
}

/** Reading a person's absences and exemptions. */
export function authorizeRead(identity: Identity, person: PersonAuthorities, today: IsoDate): void {
  if (identity.role === 'analyst') throw forbidden('Analysts read absences as counts (absencesByTypeAndMonth), not per person.');
  const reads =
    identity.role === 'caseworker' ? identity.authority === person.municipalityCode : identity.role === 'akasse' ? akasseReads(person.memberships, identity.authority, today) : true;
  if (!reads) throw forbidden('Only the person\'s jobcentre and a-kasse can see their absences.');
}

/**
 * Registering, updating or deleting an absence of `type`: the caller must act for the person now, and
 * the type must be one its kind of authority registers (79 and 80 are the jobcentre's, 001 §2.1-2.2).
 */
export function authorizeWrite(identity: Identity, person: PersonAuthorities, type: AbsenceTypeRule, today: IsoDate): void {
  if (identity.role === 'analyst') throw forbidden('Analysts have read-only access.');
  if (identity.role === 'system') return;
  if (identity.role === 'caseworker' && identity.authority !== person.municipalityCode) {
    throw forbidden(`Only jobcentre ${person.municipalityCode} can change this person's absences.`);
  }
  if (identity.role === 'akasse' && !isCurrentAkasse(person.memberships, identity.authority, today)) {
    throw forbidden('Only the a-kasse the person is a member of can change their absences.');
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
