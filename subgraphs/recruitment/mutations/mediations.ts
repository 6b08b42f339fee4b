// Mediation of candidates (formidling): mediate (action type 1), remove (6), approve by the
// coordinator (8), result (9). A mediation to an internal order of a citizen whose jobcentre is
// outside the collaboration lets that jobcentre read the order, and tells it (001 §5.1).
import { randomUUID } from 'node:crypto';
import { forbidden, requireRole } from '../../../core/authorize';
import { today } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import { uniquely } from '../../../core/write-path';
import { isCurrentAkasse } from '../../common/akasse-access';
import { findPersonByCpr } from '../../common/person-directory';
import { isMediationVisible, mediationFacts, orderFacts, visibleOrder } from '../access-facts';
import { Mediation } from '../entities/Mediation';
import {
  actorKey,
  authorityKey,
  canMediateTo,
  canRemoveCandidate,
  canReopen,
  EventActionType,
  isCoordinator,
  isPrimaryAuthority,
  mediationGrantsReadAccess,
  planMediationStep,
  RecruitmentErrorCode,
  requireOpen,
  type MediationOutcome,
  type MediationStep,
} from '../rules';
import { inTransaction, recordOrderEvent, type UnitOfWork } from '../writes';
import type { Context } from './context';
import { orderNotFound } from './job-orders';

function mediationNotFound(): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, 'No mediation with that id is visible to you.');
}

function citizensJobcentre(mediation: Mediation): string {
  return authorityKey({ kind: 'JOBCENTRE', code: mediation.personJobcentre });
}

export interface MediateCandidateInput {
  jobOrderId: string;
  cpr: string;
}

/** One mediation per person and order: a parallel second one reads ALREADY_MEDIATED, like a late one. */
export async function mediateCandidate(ctx: Context, input: MediateCandidateInput): Promise<Mediation> {
  requireRole(ctx.identity, 'caseworker', 'akasse', 'system');
  return uniquely(() => inTransaction(ctx, async (uow) => {
    const found = await visibleOrder(uow.loaders, ctx.identity, input.jobOrderId);
    if (!found) throw orderNotFound();
    const { order, facts } = found;
    if (!canMediateTo(ctx.identity, facts)) {
      throw forbidden('Candidates for an internal job order are mediated by its recruitment collaboration; you may read the order only.');
    }
    requireOpen(order.status);
    const person = await findPersonByCpr(uow.em, input.cpr);
    if (ctx.identity.role === 'akasse' && !isCurrentAkasse(person.memberships, ctx.identity.authority, today(ctx.clock))) {
      throw new DomainError(RecruitmentErrorCode.PERSON_NOT_MEMBER, 'An a-kasse mediates its own members only.', { field: 'cpr' });
    }
    const now = ctx.clock.now();
    const existing = await uow.em.findOne(Mediation, { jobOrderId: order.id, personId: person.id });
    if (existing && !canReopen(existing.status)) throw alreadyMediated();
    const mediation =
      existing ??
      uow.em.create(Mediation, {
        id: randomUUID(),
        jobOrderId: order.id,
        personId: person.id,
        personJobcentre: person.municipalityCode,
        status: 'MEDIATED',
        mediatedBy: actorKey(ctx.identity),
        createdAt: now,
        updatedAt: now,
      });
    if (existing) Object.assign(existing, { status: 'MEDIATED', outcome: null, personJobcentre: person.municipalityCode, mediatedBy: actorKey(ctx.identity), updatedAt: now });
    // The citizen's jobcentre is always told; outside the circle of primary authorities it also gains
    // read access to an internal order (it now counts among mediatedCitizensJobcentres).
    const citizensCollaboration = await uow.loaders.collaborationIdByMember.load(citizensJobcentre(mediation));
    await recordOrderEvent(uow, ctx, order, EventActionType.MEDIATION, {
      mediation,
      alsoTell: [citizensJobcentre(mediation), mediation.mediatedBy],
      payload: { grantsReadAccessTo: mediationGrantsReadAccess(facts, person.municipalityCode, citizensCollaboration) ? person.municipalityCode : null },
    });
    return mediation;
  }), alreadyMediated);
}

function alreadyMediated(): DomainError {
  return new DomainError(RecruitmentErrorCode.ALREADY_MEDIATED, 'This person is already mediated to that job order.', { field: 'cpr' });
}

/** Loads a mediation and its order for a step; NOT_FOUND unless the caller may see both. */
async function loadForStep(uow: UnitOfWork, ctx: Context, mediationId: string) {
  const mediation = await uow.loaders.mediationById.load(mediationId);
  if (!mediation || !(await isMediationVisible(uow.loaders, ctx.identity, mediation, today(ctx.clock)))) throw mediationNotFound();
  const order = (await uow.loaders.jobOrderById.load(mediation.jobOrderId))!;
  const facts = await orderFacts(uow.loaders, ctx.identity, order);
  return { mediation, order, facts };
}

const STEP_GUARDS: Record<MediationStep, (ctx: Context, step: Awaited<ReturnType<typeof loadForStep>>, uow: UnitOfWork) => Promise<void>> = {
  async REMOVE(ctx, { mediation, facts }, uow) {
    if (!canRemoveCandidate(ctx.identity, facts, await mediationFacts(uow.loaders, mediation, today(ctx.clock)))) {
      throw forbidden('Only the order\'s recruitment collaboration or whoever mediated the candidate may remove them.');
    }
  },
  async APPROVE(ctx, { order, facts }) {
    if (order.caseWorkerAllowed && !isCoordinator(ctx.identity, facts)) {
      throw new DomainError(RecruitmentErrorCode.NOT_COORDINATOR, "Only the order's coordinator (tovholder) approves candidates.");
    }
  },
  async REPORT_RESULT(ctx, { facts }) {
    if (ctx.identity.role !== 'system' && !isPrimaryAuthority(ctx.identity, facts)) {
      throw forbidden("The result of a mediation is reported by the order's recruitment collaboration.");
    }
  },
};

async function step(ctx: Context, mediationId: string, which: MediationStep, outcome: MediationOutcome | null = null): Promise<Mediation> {
  requireRole(ctx.identity, 'caseworker', 'akasse', 'system');
  return inTransaction(ctx, async (uow) => {
    const loaded = await loadForStep(uow, ctx, mediationId);
    await STEP_GUARDS[which](ctx, loaded, uow);
    const { mediation, order } = loaded;
    const planned = planMediationStep(which, mediation.status, order.caseWorkerAllowed);
    Object.assign(mediation, { status: planned.to, updatedAt: ctx.clock.now() }, which === 'REPORT_RESULT' ? { outcome } : {});
    await recordOrderEvent(uow, ctx, order, planned.actionType, { mediation, alsoTell: [citizensJobcentre(mediation), mediation.mediatedBy] });
    return mediation;
  });
}

export const removeCandidate = (ctx: Context, mediationId: string) => step(ctx, mediationId, 'REMOVE');
export const approveCandidate = (ctx: Context, mediationId: string) => step(ctx, mediationId, 'APPROVE');
export const reportMediationResult = (ctx: Context, input: { mediationId: string; outcome: MediationOutcome }) => step(ctx, input.mediationId, 'REPORT_RESULT', input.outcome);
