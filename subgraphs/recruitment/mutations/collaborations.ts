// Recruitment collaborations, managed by the system role (STAR's registry of which jobcentres and
// a-kasser recruit together). Members gain and lose the primary-authority rights at once.
import { randomUUID } from 'node:crypto';
import { requireRole } from '../../../core/authorize';
import { DomainError, ErrorCode } from '../../../core/errors';
import { uniquely } from '../../../core/write-path';
import { CollaborationMember, RecruitmentCollaboration } from '../entities/RecruitmentCollaboration';
import { authorityKey, RecruitmentErrorCode, validateCollaboration, type CollaborationInput } from '../rules';
import { inTransaction, recordCollaborationChange, type UnitOfWork } from '../writes';
import type { Context } from './context';

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
  recordCollaborationChange(uow, ctx, collaboration, [...wanted.keys()], [...had]);
}

/**
 * A concurrent writer took a member or the name first: the unique keys decide, we explain. One
 * commit can break either of two keys; the violation's message names the index.
 */
function takenFirst(violation: Error): DomainError {
  // The member table's key is the authority; the only other unique key is the collaboration's name.
  return violation.message.includes('collaboration_member')
    ? new DomainError(RecruitmentErrorCode.AUTHORITY_IN_OTHER_COLLABORATION, 'An authority joined another recruitment collaboration at the same moment; read them again.')
    : new DomainError(RecruitmentErrorCode.COLLABORATION_INVALID, 'A recruitment collaboration with that name exists already.', { field: 'name' });
}

function collaborationNotFound(): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, 'No recruitment collaboration with that id.');
}

export async function createRecruitmentCollaboration(ctx: Context, input: CollaborationInput): Promise<RecruitmentCollaboration> {
  requireRole(ctx.identity, 'system');
  const create = () =>
    inTransaction(ctx, async (uow) => {
      const now = ctx.clock.now();
      const collaboration = uow.em.create(RecruitmentCollaboration, { id: randomUUID(), name: input.name.trim(), createdAt: now, updatedAt: now });
      await saveMembers(uow, ctx, collaboration, input, []);
      return collaboration;
    });
  return uniquely(create, takenFirst);
}

export async function updateRecruitmentCollaboration(ctx: Context, id: string, input: CollaborationInput): Promise<RecruitmentCollaboration> {
  requireRole(ctx.identity, 'system');
  const update = () =>
    inTransaction(ctx, async (uow) => {
      const collaboration = await uow.em.findOne(RecruitmentCollaboration, { id });
      if (!collaboration) throw collaborationNotFound();
      await saveMembers(uow, ctx, collaboration, input, await uow.em.find(CollaborationMember, { collaborationId: id }));
      return collaboration;
    });
  return uniquely(update, takenFirst);
}

/** Ends a collaboration: its members keep their own orders and lose each other's internal ones. */
export async function dissolveRecruitmentCollaboration(ctx: Context, id: string): Promise<boolean> {
  requireRole(ctx.identity, 'system');
  return inTransaction(ctx, async (uow) => {
    const collaboration = await uow.em.findOne(RecruitmentCollaboration, { id });
    if (!collaboration) throw collaborationNotFound();
    const members = await uow.em.find(CollaborationMember, { collaborationId: id });
    members.forEach((m) => uow.em.remove(m));
    uow.em.remove(collaboration);
    recordCollaborationChange(uow, ctx, collaboration, [], members.map((m) => authorityKey(m)));
    return true;
  });
}
