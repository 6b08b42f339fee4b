// Writing the a-kasse register: register a membership, end one. Each change and its event
// (AKASSE_MEMBERSHIP_STARTED / _ENDED, which every person directory consumes) commit together.
import { randomUUID } from 'node:crypto';
import { requireRole } from '../../../core/authorize';
import { today } from '../../../core/dates';
import { DomainError } from '../../../core/errors';
import type { SubgraphContext } from '../../../core/subgraph-server';
import { findPersonByCpr } from '../../common/person-directory';
import { AkasseMembership } from '../entities/AkasseMembership';
import { PaymentEvent } from '../events';
import type { PaymentLoaders } from '../loaders';
import { lockPerson, personMemberships, recordMembershipEvent } from '../writes';
import { PaymentErrorCode, authorizeMembershipWrite, decideNewMembership, findTargetMembership, parseAkasseNumber, parseMembershipTarget, validateMembershipEnd, type RegisterWriter } from '../rules';

type Context = SubgraphContext<PaymentLoaders>;

export interface MembershipInput {
  cpr: string;
  akasse: string;
  start: string;
  end?: string | null;
}

export interface EndMembershipInput {
  membershipId?: string | null;
  cpr?: string | null;
  akasse?: string | null;
  end: string;
}

const actor = (ctx: Context) => `${ctx.identity.role}:${ctx.identity.authority}`;

export async function registerAkasseMembership(ctx: Context, input: MembershipInput): Promise<AkasseMembership> {
  const akasse = parseAkasseNumber(input.akasse);
  const writer = authorizeMembershipWrite(ctx.identity, akasse);
  const known = await findPersonByCpr(ctx.em, input.cpr);
  return ctx.em.transactional(async (em) => {
    const person = await lockPerson(em, known.id);
    const memberships = await personMemberships(em, person.id);
    const candidate = { akasse, start: input.start, end: input.end ?? null };
    const decision = decideNewMembership(memberships, candidate, writer, today(ctx.clock));
    if (decision.action === 'ALREADY_REGISTERED') return decision.membership;
    const now = ctx.clock.now();
    const membership = em.create(AkasseMembership, {
      id: randomUUID(),
      personId: person.id,
      ...candidate,
      registeredBy: actor(ctx),
      endedBy: null,
      createdAt: now,
      updatedAt: now,
    });
    const register = [...memberships, membership];
    recordMembershipEvent(em, ctx.clock, PaymentEvent.AKASSE_MEMBERSHIP_STARTED, membership, person, register);
    // A membership registered with its end (a late register entry) has both started and ended.
    if (membership.end !== null) recordMembershipEvent(em, ctx.clock, PaymentEvent.AKASSE_MEMBERSHIP_ENDED, membership, person, register);
    return membership;
  });
}

/** Udmeldelse: the membership named by id, or the person's latest membership of the a-kasse named. */
export async function endAkasseMembership(ctx: Context, input: EndMembershipInput): Promise<AkasseMembership> {
  requireRole(ctx.identity, 'akasse', 'system');
  const target = parseMembershipTarget(input);
  let personId: string;
  let writer: RegisterWriter;
  if ('membershipId' in target) {
    const found = await ctx.em.findOne(AkasseMembership, { id: target.membershipId });
    if (!found) throw new DomainError(PaymentErrorCode.MEMBERSHIP_NOT_FOUND, 'No a-kasse membership with that id is registered.', { field: 'membershipId' });
    writer = authorizeMembershipWrite(ctx.identity, found.akasse);
    personId = found.personId;
  } else {
    writer = authorizeMembershipWrite(ctx.identity, target.akasse);
    personId = (await findPersonByCpr(ctx.em, target.cpr)).id;
  }
  return ctx.em.transactional(async (em) => {
    const person = await lockPerson(em, personId);
    const memberships = await personMemberships(em, person.id);
    const membership = findTargetMembership(memberships, target);
    validateMembershipEnd(membership, input.end, writer, today(ctx.clock));
    Object.assign(membership, { end: input.end, endedBy: actor(ctx), updatedAt: ctx.clock.now() });
    recordMembershipEvent(em, ctx.clock, PaymentEvent.AKASSE_MEMBERSHIP_ENDED, membership, person, memberships);
    return membership;
  });
}
