// Who may see and do what with a job order (001 §5.1). An internal order (RecruitmentIsInternal =
// TRUE) is visible and editable only for the owning jobcentre/a-kasse and the primary authorities
// of its recruitment collaboration; a jobcentre whose citizen is mediated to it may read it, not
// edit it. A public order is visible to every jobcentre and a-kasse and open to their mediations
// ("offentlig synlighed og håndtering"), while its content stays the primary authorities' to edit.
//
// Outsiders must not learn that an internal order exists, so the resolvers turn "may not see" into
// NOT_FOUND, exactly as for an unknown id, and only someone who may see an order is ever FORBIDDEN.
import type { Identity } from '../../../core/identity';
import { authorityKey, callerAuthority } from './authorities';

export interface OrderAccessFacts {
  isInternal: boolean;
  /** `JOBCENTRE:101` */
  ownerKey: string;
  coordinatorKey: string | null;
  /** The collaboration the owner belongs to now, if any. */
  ownerCollaborationId: string | null;
  /** The collaboration the caller belongs to now, if any. */
  callerCollaborationId: string | null;
  /** Jobcentres of citizens mediated to the order (they may read it). */
  mediatedCitizensJobcentres: readonly string[];
}

/** Owner or a member of the owner's recruitment collaboration: a primary authority. */
export function isPrimaryAuthority(identity: Identity, facts: OrderAccessFacts): boolean {
  const caller = callerAuthority(identity);
  return caller !== null && authorityIsPrimary(authorityKey(caller), facts.callerCollaborationId, facts);
}

/** The same question for any authority, given the collaboration it belongs to. */
export function authorityIsPrimary(key: string, collaborationId: string | null, facts: Pick<OrderAccessFacts, 'ownerKey' | 'ownerCollaborationId'>): boolean {
  if (key === facts.ownerKey) return true;
  return facts.ownerCollaborationId !== null && facts.ownerCollaborationId === collaborationId;
}

/**
 * Mediating a citizen to an internal order lets the citizen's jobcentre read it (not edit it) when
 * that jobcentre is not a primary authority already; it is then notified of it (001 §5.1).
 */
export function mediationGrantsReadAccess(facts: OrderAccessFacts, citizensJobcentre: string, citizensJobcentreCollaborationId: string | null): boolean {
  return facts.isInternal && !authorityIsPrimary(authorityKey({ kind: 'JOBCENTRE', code: citizensJobcentre }), citizensJobcentreCollaborationId, facts);
}

export function canSeeOrder(identity: Identity, facts: OrderAccessFacts): boolean {
  if (identity.role === 'system') return true;
  if (!facts.isInternal) return true;
  // Analysts explore the national picture; internal orders belong to their collaboration alone.
  if (identity.role === 'analyst') return false;
  if (isPrimaryAuthority(identity, facts)) return true;
  return identity.role === 'caseworker' && facts.mediatedCitizensJobcentres.includes(identity.authority);
}

/** Edit content, release/make internal, change status, brief the employer. */
export function canEditOrder(identity: Identity, facts: OrderAccessFacts): boolean {
  return identity.role === 'system' || isPrimaryAuthority(identity, facts);
}

/** Internal orders take candidates from the primary authorities; public ones from everyone. */
export function canMediateTo(identity: Identity, facts: OrderAccessFacts): boolean {
  if (identity.role === 'analyst') return false;
  return canEditOrder(identity, facts) || (!facts.isInternal && callerAuthority(identity) !== null);
}

/** Approving a candidate (action type 8) is the coordinator's (tovholder) alone, or STAR's. */
export function isCoordinator(identity: Identity, facts: OrderAccessFacts): boolean {
  if (identity.role === 'system') return true;
  const caller = callerAuthority(identity);
  return caller !== null && facts.coordinatorKey === authorityKey(caller);
}

export interface MediationAccessFacts {
  personJobcentre: string;
  mediatedBy: string;
  /** The citizen's a-kasser that read them today: the current one, a former one within its read window. */
  personAkasser: readonly string[];
}

/**
 * A mediation names a citizen, so besides seeing the order one must have a reason to see it: a
 * primary authority sees every candidate, a jobcentre its own citizens, an a-kasse its members,
 * everyone the candidates it mediated itself; analysts see public orders' mediations (CPR masked
 * by the person subgraph).
 */
export function canSeeMediation(identity: Identity, order: OrderAccessFacts, mediation: MediationAccessFacts): boolean {
  if (!canSeeOrder(identity, order)) return false;
  if (identity.role === 'system' || identity.role === 'analyst') return true;
  if (isPrimaryAuthority(identity, order)) return true;
  const caller = callerAuthority(identity)!;
  if (mediation.mediatedBy === authorityKey(caller)) return true;
  if (identity.role === 'caseworker') return mediation.personJobcentre === identity.authority;
  return mediation.personAkasser.includes(identity.authority);
}

/** Removing a candidate: the order's primary authorities, or whoever mediated the candidate. */
export function canRemoveCandidate(identity: Identity, order: OrderAccessFacts, mediation: MediationAccessFacts): boolean {
  if (canEditOrder(identity, order)) return true;
  const caller = callerAuthority(identity);
  return caller !== null && mediation.mediatedBy === authorityKey(caller);
}

/** Free text may hold personal data: analysts never get it. */
export function mayReadFreeText(identity: Identity): boolean {
  return identity.role !== 'analyst';
}
