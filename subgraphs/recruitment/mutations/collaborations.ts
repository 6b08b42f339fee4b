// Recruitment collaborations, managed by the system role (STAR's registry of which jobcentres and
// a-kasser recruit together). Members gain and lose the primary-authority rights at once.
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { requireRole } from '../../../core/authorize';
import { DomainError, ErrorCode } from '../../../core/errors';
import { recordEvent } from '../../../core/outbox';
import { addressEvent } from '../dispatch';
import { toEventAuthorities } from '../access-facts';
import { CollaborationMember, RecruitmentCollaboration } from '../entities/RecruitmentCollaboration';
import { RecruitmentEvent, type CollaborationChangedPayload } from '../events';
import { authorityKey, RecruitmentErrorCode, validateCollaboration, type CollaborationInput } from '../rules';
import { inTransaction, type Context, type UnitOfWork } from '../writes';

function inOtherCollaboration(keys: string[]): DomainError {
  return new DomainError(RecruitmentErrorCode.AUTHORITY_IN_OTHER_COLLABORATION, `${keys.join(', ')} belong(s) to another recruitment collaboration; remove them there first.`, { authorities: keys });
}

async function saveMembers(uow: UnitOfWork, ctx: Context, collaboration: RecruitmentCollaboration, input: CollaborationInput, previous: CollaborationMember[]) {
  const valid = validateCollaboration(input);
  const wanted = new Map(valid.members.map((m) => [authorityKey(m), m]));
  const elsewhere = await uow.em.find(CollaborationMember, { $or: valid.members.map((m) => ({ kind: m.kind, code: m.code })), collaborationId: { $ne: collaboration.id } });
  if (elsewhere.length > 0) throw inOtherCollaboration(elsewhere.map((m) => authorityKey(m)));
  const had = new Set(previous.map((m) => authorityKey(m)));
  previous.filter((m) => !wanted.has(authorityKey(m))).forEach((m) => uow.em.remove(m));
  for (const [key, ref] of wanted) if (!had.has(key)) uow.em.create(CollaborationMember, { ...ref, collaborationId: collaboration.id });
  Object.assign(collaboration, { name: valid.name, updatedAt: ctx.clock.now() });
  recordChange(uow, ctx, collaboration, [...wanted.keys()], [...had]);
}

/** Old and new members hear of it: their rights on each other's internal orders changed. */
function recordChange(uow: UnitOfWork, ctx: Context, collaboration: RecruitmentCollaboration, members: string[], previousMembers: string[]) {
  const payload: CollaborationChangedPayload = { collaborationId: collaboration.id, name: collaboration.name, members: members.sort(), previousMembers: previousMembers.sort() };
  const kind = RecruitmentEvent.RECRUITMENT_COLLABORATION_CHANGED;
  const authorities = addressEvent(kind, null, toEventAuthorities([...members, ...previousMembers]));
  recordEvent(uow.em, ctx.clock, { kind, entityType: 'RecruitmentCollaboration', entityId: collaboration.id, authorities, payload: { ...payload } });
}

/** A concurrent writer took a member or the name first: the unique keys decide, we explain. */
function translate(error: unknown): never {
  if (error instanceof UniqueConstraintViolationException) {
    // The member table's key is the authority; the only other unique key is the collaboration's name.
    throw error.message.includes('collaboration_member')
      ? new DomainError(RecruitmentErrorCode.AUTHORITY_IN_OTHER_COLLABORATION, 'An authority joined another recruitment collaboration at the same moment; read them again.')
      : new DomainError(RecruitmentErrorCode.COLLABORATION_INVALID, 'A recruitment collaboration with that name exists already.', { field: 'name' });
  }
  throw error;
}

export const collaborationMutations = {
  async createRecruitmentCollaboration(_: unknown, { input }: { input: CollaborationInput }, ctx: Context): Promise<RecruitmentCollaboration> {
    requireRole(ctx.identity, 'system');
    return inTransaction(ctx, async (uow) => {
      const now = ctx.clock.now();
      const collaboration = uow.em.create(RecruitmentCollaboration, { id: randomUUID(), name: input.name.trim(), createdAt: now, updatedAt: now });
      await saveMembers(uow, ctx, collaboration, input, []);
      return collaboration;
    }).catch(translate);
  },
  async updateRecruitmentCollaboration(_: unknown, { id, input }: { id: string; input: CollaborationInput }, ctx: Context): Promise<RecruitmentCollaboration> {
    requireRole(ctx.identity, 'system');
    return inTransaction(ctx, async (uow) => {
      const collaboration = await uow.em.findOne(RecruitmentCollaboration, { id });
      if (!collaboration) throw new DomainError(ErrorCode.NOT_FOUND, 'No recruitment collaboration with that id.');
      await saveMembers(uow, ctx, collaboration, input, await uow.em.find(CollaborationMember, { collaborationId: id }));
      return collaboration;
    }).catch(translate);
  },
  /** Ends a collaboration: its members keep their own orders and lose each other's internal ones. */
  async dissolveRecruitmentCollaboration(_: unknown, { id }: { id: string }, ctx: Context): Promise<boolean> {
    requireRole(ctx.identity, 'system');
    return inTransaction(ctx, async (uow) => {
      const collaboration = await uow.em.findOne(RecruitmentCollaboration, { id });
      if (!collaboration) throw new DomainError(ErrorCode.NOT_FOUND, 'No recruitment collaboration with that id.');
      const members = await uow.em.find(CollaborationMember, { collaborationId: id });
      members.forEach((m) => uow.em.remove(m));
      uow.em.remove(collaboration);
      recordChange(uow, ctx, collaboration, [], members.map((m) => authorityKey(m)));
      return true;
    });
  },
};

export const collaborationQueries = {
  recruitmentCollaborations: (_: unknown, __: unknown, ctx: Context) => ctx.em.find(RecruitmentCollaboration, {}, { orderBy: { name: 'asc' } }),
};

export const collaborationFields = {
  members: (c: RecruitmentCollaboration, _: unknown, ctx: Context) => ctx.loaders.membersByCollaboration.load(c.id),
};
