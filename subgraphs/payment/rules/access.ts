// Who may read and change the a-kasse register and EEA benefit periods (001 §5.1; DOMAIN.md
// "Subgraph: payment"). Authority comes from the register itself (this subgraph's own memberships,
// committed in the same database), not from the person directory, which learns of memberships a
// moment later from the bus: a right granted by a membership is never a step behind it.
import { forbidden } from '../../../core/authorize';
import type { Identity } from '../../../core/identity';
import { isPersonsAkasse, type Membership } from './membership';

export interface PersonAccessFacts {
  /** The person's jobcentre (CPR address municipality), from the person directory. */
  municipalityCode: string;
  /** The person's memberships in the a-kasse register. */
  memberships: readonly Membership[];
}

/**
 * Reading a person's memberships, EEA periods and EEA weeks: the person's own jobcentre (another
 * municipality's caseworker has no case on the person), any a-kasse in the person's register
 * (current or former: it may have to interrupt or correct a period it paid) and STAR. Analysts read
 * no person's register: a person-level record, even without a CPR, would show who fills a
 * suppressed cell (docs/access.md "Analysts").
 */
export function authorizeRead(identity: Identity, person: PersonAccessFacts): void {
  if (identity.role === 'analyst') throw forbidden("Analysts read no person's a-kasse or EEA benefit data; ask for aggregates.");
  if (identity.role === 'caseworker' && identity.authority !== person.municipalityCode) {
    throw forbidden(`Only jobcentre ${person.municipalityCode} can see this person's a-kasse and EEA benefit data.`);
  }
  if (identity.role === 'akasse' && !isPersonsAkasse(person.memberships, identity.authority)) {
    throw forbidden('Only an a-kasse the person is or has been a member of can see their a-kasse and EEA benefit data.');
  }
}

/**
 * Writing the a-kasse register: the register feed (system role) for any a-kasse, and an a-kasse for
 * its own memberships only (it enrols and removes its members; 004 asks the a-kasse to register a
 * missing membership). Jobcentres and analysts never write it.
 */
export function authorizeMembershipWrite(identity: Identity, akasse: string): void {
  if (identity.role === 'system') return;
  if (identity.role === 'akasse' && identity.authority === akasse) return;
  throw forbidden(identity.role === 'akasse' ? 'An a-kasse can only register and end memberships of its own.' : 'Only the a-kasse register feed (STAR) and a-kasser write a-kasse memberships.');
}

/**
 * Reporting a period: an a-kasse in the person's register, since the reporting a-kasse is the one
 * paying; a fund the person never belonged to learns nothing but FORBIDDEN. Whether it is the
 * member a-kasse on the period's start is a rule (NOT_A_MEMBER_OF_AKASSE, eea-period.ts). STAR does
 * not report on a fund's behalf, and jobcentres and analysts only read.
 */
export function authorizeReport(identity: Identity, memberships: readonly Membership[]): void {
  if (identity.role !== 'akasse') throw forbidden('Only an a-kasse reports EEA benefit periods.');
  if (!isPersonsAkasse(memberships, identity.authority)) {
    throw forbidden('Only the a-kasse the person is a member of can report EEA benefit periods for them.');
  }
}

/**
 * Interrupting, changing or deleting a period: every a-kasse the person is or has been a member of,
 * not only the one that reported it (001 §5.1 loosened delete from "the creating a-kasse" to this),
 * and STAR for data repairs. Jobcentres and analysts only read.
 */
export function authorizePeriodChange(identity: Identity, memberships: readonly Membership[]): void {
  if (identity.role === 'system') return;
  if (identity.role === 'akasse' && isPersonsAkasse(memberships, identity.authority)) return;
  throw forbidden(
    identity.role === 'akasse'
      ? 'Only an a-kasse the person is or has been a member of can change or delete this EEA period.'
      : 'Only a-kasser change EEA benefit periods; jobcentres and analysts read them.',
  );
}
