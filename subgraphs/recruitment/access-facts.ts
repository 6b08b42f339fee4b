// Loads what the access rules (rules/access.ts) decide on, through the DataLoaders, and answers the
// recurring questions: may the caller see this order, this mediation, this job ad; who must hear of
// a change. Reads and writes (resolvers.ts, mutations/, writes.ts) ask here alike.
import type { IsoDate } from '../../core/dates';
import type { EventAuthorities } from '../../core/events';
import type { Identity } from '../../core/identity';
import { akasseReads } from '../common/akasse-access';
import type { JobAd } from './entities/JobAd';
import type { JobOrder } from './entities/JobOrder';
import type { Mediation } from './entities/Mediation';
import type { RecruitmentLoaders } from './loaders';
import { authorityKey, callerAuthority, canSeeMediation, canSeeOrder, jobAdState, parseAuthorityKey, type MediationAccessFacts, type OrderAccessFacts } from './rules';

export function ownerKey(order: JobOrder): string {
  return authorityKey({ kind: order.owningKind, code: order.owningAuthority });
}

export async function orderFacts(loaders: RecruitmentLoaders, identity: Identity, order: JobOrder): Promise<OrderAccessFacts> {
  const caller = callerAuthority(identity);
  const [ownerCollaborationId, callerCollaborationId, mediations] = await Promise.all([
    loaders.collaborationIdByMember.load(ownerKey(order)),
    caller ? loaders.collaborationIdByMember.load(authorityKey(caller)) : Promise.resolve(null),
    loaders.mediationsByJobOrder.load(order.id),
  ]);
  return {
    isInternal: order.isInternal,
    ownerKey: ownerKey(order),
    coordinatorKey: order.coordinatorAuthority,
    ownerCollaborationId,
    callerCollaborationId,
    mediatedCitizensJobcentres: mediations.map((m) => m.personJobcentre),
  };
}

/** The order when the caller may see it; null for unknown and invisible alike. */
export async function visibleOrder(loaders: RecruitmentLoaders, identity: Identity, id: string): Promise<{ order: JobOrder; facts: OrderAccessFacts } | null> {
  const order = await loaders.jobOrderById.load(id);
  if (!order) return null;
  const facts = await orderFacts(loaders, identity, order);
  return canSeeOrder(identity, facts) ? { order, facts } : null;
}

/** `today` decides which of the person's a-kasser still read them (common/akasse-access.ts). */
export async function mediationFacts(loaders: RecruitmentLoaders, mediation: Mediation, today: IsoDate): Promise<MediationAccessFacts> {
  const person = await loaders.knownPersonById.load(mediation.personId);
  const personAkasser = person ? person.akasser.filter((akasse) => akasseReads(person.memberships, akasse, today)) : [];
  return { personJobcentre: mediation.personJobcentre, mediatedBy: mediation.mediatedBy, personAkasser };
}

export async function isMediationVisible(loaders: RecruitmentLoaders, identity: Identity, mediation: Mediation, today: IsoDate): Promise<boolean> {
  const order = await loaders.jobOrderById.load(mediation.jobOrderId);
  if (!order) return false;
  const [facts, mFacts] = await Promise.all([orderFacts(loaders, identity, order), mediationFacts(loaders, mediation, today)]);
  return canSeeMediation(identity, facts, mFacts);
}

export async function visibleMediations(loaders: RecruitmentLoaders, identity: Identity, mediations: Mediation[], today: IsoDate): Promise<Mediation[]> {
  const visible = await Promise.all(mediations.map((m) => isMediationVisible(loaders, identity, m, today)));
  return mediations.filter((_, i) => visible[i]);
}

/** Whoever published the ad, and the system role: they see an anonymous ad's employer and may withdraw it. */
export function isJobAdOwner(identity: Identity, ad: JobAd): boolean {
  if (identity.role === 'system') return true;
  const caller = callerAuthority(identity);
  return caller !== null && caller.kind === ad.ownerKind && caller.code === ad.ownerCode;
}

/** The ad's state on `today`: a published ad past its last publication date reads as expired. */
export function jobAdStateOn(ad: JobAd, today: IsoDate) {
  return jobAdState(ad.state, ad.lastPublicationDate, today);
}

/** Published ads are for everyone; withdrawn and expired ones only for their owner (else NOT_FOUND). */
export function canSeeJobAd(identity: Identity, ad: JobAd, today: IsoDate): boolean {
  return jobAdStateOn(ad, today) === 'PUBLISHED' || isJobAdOwner(identity, ad);
}

/** Owner and the members of its collaboration: the order's primary authorities, as event addressees. */
export async function primaryAuthorities(loaders: RecruitmentLoaders, order: JobOrder): Promise<string[]> {
  const collaborationId = await loaders.collaborationIdByMember.load(ownerKey(order));
  const members = collaborationId ? await loaders.membersByCollaboration.load(collaborationId) : [];
  return [...new Set([ownerKey(order), ...members.map((m) => authorityKey(m))])];
}

/** Authority keys (`JOBCENTRE:101`) as the envelope's jobcentres and akasser. */
export function toEventAuthorities(keys: Iterable<string>): EventAuthorities {
  const jobcentres = new Set<string>();
  const akasser = new Set<string>();
  for (const key of keys) {
    const ref = parseAuthorityKey(key);
    if (ref?.kind === 'JOBCENTRE') jobcentres.add(ref.code);
    if (ref?.kind === 'AKASSE') akasser.add(ref.code);
  }
  return { jobcentres: [...jobcentres].sort(), akasser: [...akasser].sort() };
}
