// Who may read and change the a-kasse register and EEA benefit periods (001 §5.1; DOMAIN.md
// "Subgraph: payment"). Authority comes from the register itself (this subgraph's own memberships,
// committed in the same database), not from the person directory, which learns of memberships a
// moment later from the bus: a right granted by a membership is never a step behind it.
import { forbidden } from '../../../core/authorize';
import type { IsoDate } from '../../../core/dates';
import type { Identity } from '../../../core/identity';
import { akasseRelation, withinMemberships, withinRelation, type AkasseRelation } from '../../common/akasse-access';
import type { EeaPeriod } from './eea-period';
import { isPersonsAkasse, type Membership, type RegisterWriter } from './membership';

export interface PersonAccessFacts {
  /** The person's jobcentre (CPR address municipality), from the person directory. */
  municipalityCode: string;
  /** The person's memberships in the a-kasse register. */
  memberships: readonly Membership[];
}

/** What a caller reads of one person's register and periods: all of it, or a former a-kasse's own share (`relation`). */
export type ReadScope = { kind: 'ALL' } | { kind: 'OWN'; akasse: string; relation: AkasseRelation };

/**
 * Reading a person's memberships, EEA periods and EEA weeks: the person's own jobcentre (another
 * municipality's caseworker has no case on the person), the current a-kasse, a former one for
 * FORMER_AKASSE_READ_WEEKS after it left (it may have to interrupt or correct a period it paid), and
 * STAR. A former a-kasse sees its own memberships and the periods it reported or that share a day
 * with them, not the funds that came before or after (`visibleMemberships`, `visiblePeriods`).
 * Analysts read no person's register: a person-level record, even without a CPR, would show who
 * fills a suppressed cell (docs/access.md "Analysts").
 */
export function authorizeRead(identity: Identity, person: PersonAccessFacts, today: IsoDate): ReadScope {
  if (identity.role === 'analyst') throw forbidden("Analysts read no person's a-kasse or EEA benefit data; ask for aggregates.");
  if (identity.role === 'caseworker' && identity.authority !== person.municipalityCode) {
    throw forbidden(`Only jobcentre ${person.municipalityCode} can see this person's a-kasse and EEA benefit data.`);
  }
  if (identity.role !== 'akasse') return { kind: 'ALL' };
  const relation = akasseRelation(person.memberships, identity.authority, today);
  if (relation.kind === 'NONE') {
    throw forbidden('Only the person\'s a-kasse, or a former one for a while after the person left, can see their a-kasse and EEA benefit data.');
  }
  return relation.kind === 'CURRENT' ? { kind: 'ALL' } : { kind: 'OWN', akasse: identity.authority, relation };
}

/**
 * Looking a period up by its PaymentIdentifier: refused to analysts before the look-up, so that an
 * existing id (which would be FORBIDDEN) and an unknown one (null) cannot be told apart.
 */
export function authorizePeriodLookup(identity: Identity): void {
  if (identity.role === 'analyst') throw forbidden("Analysts read no person's EEA benefit periods; ask for aggregates.");
}

export function visibleMemberships<M extends Membership>(scope: ReadScope, memberships: readonly M[]): M[] {
  return scope.kind === 'ALL' ? [...memberships] : memberships.filter((m) => m.akasse === scope.akasse);
}

export function visiblePeriods<P extends Pick<EeaPeriod, 'start' | 'end'> & { reportedBy: string }>(scope: ReadScope, periods: readonly P[]): P[] {
  return scope.kind === 'ALL' ? [...periods] : periods.filter((p) => p.reportedBy === scope.akasse || withinRelation(scope.relation, p));
}

/**
 * Writing the a-kasse register: the register feed (system role) for any a-kasse, and an a-kasse for
 * its own memberships only (it enrols and removes its members; 004 asks the a-kasse to register a
 * missing membership). Jobcentres and analysts never write it. Returns which of the two writes, since
 * only the feed dates history (membership.ts).
 */
export function authorizeMembershipWrite(identity: Identity, akasse: string): RegisterWriter {
  if (identity.role === 'system') return 'REGISTER_FEED';
  if (identity.role === 'akasse' && identity.authority === akasse) return 'AKASSE';
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
 * Interrupting, changing or deleting a period: an a-kasse the person is or has been a member of
 * (001 §5.1 loosened delete from "the creating a-kasse" to this), for a period it reported itself
 * or one that falls within one of its memberships: the fund the person moved to may interrupt a
 * period still running when it took over, but a fund's membership never reaches another fund's
 * periods from before or after it (issue 16). STAR for data repairs; jobcentres and analysts read.
 */
export function authorizePeriodChange(identity: Identity, memberships: readonly Membership[], period: Pick<EeaPeriod, 'start' | 'end'> & { reportedBy: string }): void {
  if (identity.role === 'system') return;
  if (identity.role !== 'akasse') throw forbidden('Only a-kasser change EEA benefit periods; jobcentres and analysts read them.');
  if (!isPersonsAkasse(memberships, identity.authority)) throw forbidden('Only an a-kasse the person is or has been a member of can change or delete this EEA period.');
  const own = memberships.filter((m) => m.akasse === identity.authority);
  if (period.reportedBy !== identity.authority && !withinMemberships(own, period)) {
    throw forbidden('Another a-kasse reported this EEA period and it lies outside your memberships of the person; only that fund, or one the person belonged to during the period, can change it.');
  }
}
