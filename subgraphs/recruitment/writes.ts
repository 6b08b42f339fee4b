// The recruitment subgraph's write module. One mutation = one transaction on a clean fork of the
// request's EntityManager, with loaders bound to it, so what a rule reads is what the transaction
// commits against; and the recorders that write each change's event in that same transaction,
// addressed by the dispatch table.
import { randomUUID } from 'node:crypto';
import { OptimisticLockError, type EntityManager } from '@mikro-orm/core';
import { DomainError } from '../../core/errors';
import { recordEvent } from '../../core/outbox';
import { retryOnLostRace } from '../../core/write-path';
import { primaryAuthorities, toEventAuthorities } from './access-facts';
import { addressEvent } from './dispatch';
import type { JobAd } from './entities/JobAd';
import type { JobOrder } from './entities/JobOrder';
import { JobOrderEvent } from './entities/JobOrderEvent';
import type { Mediation } from './entities/Mediation';
import type { RecruitmentCollaboration } from './entities/RecruitmentCollaboration';
import { EVENT_KIND_BY_ACTION_TYPE, RecruitmentEvent, type CollaborationChangedPayload, type JobAdPayload, type JobOrderEventPayload, type RecruitmentEventKind } from './events';
import { createLoaders, type RecruitmentLoaders } from './loaders';
import type { Context } from './mutations/context';
import { actorKey, RecruitmentErrorCode, type EventActionTypeId } from './rules';

export interface UnitOfWork {
  em: EntityManager;
  loaders: RecruitmentLoaders;
}

/**
 * Optimistic-lock conflicts (two edits of the same order or mediation at once) are retried from the
 * start, 5 attempts in all, so the loser sees the winner's result and gets the domain answer (e.g.
 * MEDIATION_STATUS_INVALID), not a crash; after the fifth, CONCURRENT_MODIFICATION. Nothing else is
 * retried: a unique violation goes to the caller, which maps it to its domain error.
 */
export function inTransaction<T>(ctx: Context, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  return retryOnLostRace(() => ctx.em.fork({ clear: true }).transactional((em) => work({ em, loaders: createLoaders(em) })), {
    lostRace: (error) => error instanceof OptimisticLockError,
    attempts: 5,
    exhausted: () => new DomainError(RecruitmentErrorCode.CONCURRENT_MODIFICATION, 'Someone else changed this at the same moment; read it again and retry.'),
  });
}

export interface OrderEventOptions {
  mediation?: Mediation;
  /** Authority keys besides the primary authorities, e.g. the mediated citizen's jobcentre. */
  alsoTell?: string[];
  payload?: Partial<JobOrderEventPayload>;
  occurredAt?: Date;
  /** The outbox kind when it is not the action type's usual one (an import is still action type 3). */
  kind?: RecruitmentEventKind;
}

/**
 * Writes one job-order event twice in the caller's unit of work: as a JobOrderEvent row (the order's
 * own history, JobOrder.events) and as an outbox event for the bus.
 */
export async function recordOrderEvent(uow: UnitOfWork, ctx: Context, order: JobOrder, actionTypeId: EventActionTypeId, options: OrderEventOptions = {}): Promise<void> {
  const { mediation } = options;
  uow.em.create(JobOrderEvent, {
    id: randomUUID(),
    jobOrderId: order.id,
    actionTypeId,
    mediationId: mediation?.id ?? null,
    performedBy: actorKey(ctx.identity),
    occurredAt: options.occurredAt ?? ctx.clock.now(),
  });
  const kind = options.kind ?? EVENT_KIND_BY_ACTION_TYPE[actionTypeId];
  const tell = [...(await primaryAuthorities(uow.loaders, order)), ...(options.alsoTell ?? [])];
  const payload: JobOrderEventPayload = {
    jobOrderId: order.id,
    actionTypeId,
    isInternal: order.isInternal,
    status: order.status,
    ...(mediation ? { mediationId: mediation.id, mediationStatus: mediation.status, outcome: mediation.outcome } : {}),
    ...options.payload,
  };
  recordEvent(uow.em, ctx.clock, {
    kind,
    personId: mediation?.personId ?? null,
    entityType: mediation ? 'Mediation' : 'JobOrder',
    entityId: mediation?.id ?? order.id,
    authorities: addressEvent(kind, null, toEventAuthorities(tell)),
    payload,
  });
}

/** A job ad published or withdrawn: its owner and the primary authorities of its job order hear of it. */
export async function recordJobAdEvent(uow: UnitOfWork, ctx: Context, ad: JobAd, kind: typeof RecruitmentEvent.JOB_AD_PUBLISHED | typeof RecruitmentEvent.JOB_AD_WITHDRAWN): Promise<void> {
  const owner = ad.ownerKind === 'SYSTEM' ? [] : [`${ad.ownerKind}:${ad.ownerCode}`];
  const order = ad.jobOrderId ? await uow.loaders.jobOrderById.load(ad.jobOrderId) : null;
  const tell = [...owner, ...(order ? await primaryAuthorities(uow.loaders, order) : [])];
  const payload: JobAdPayload = { jobAdId: ad.id, state: ad.state, jobOrderId: ad.jobOrderId };
  recordEvent(uow.em, ctx.clock, { kind, entityType: 'JobAd', entityId: ad.id, authorities: addressEvent(kind, null, toEventAuthorities(tell)), payload: { ...payload } });
}

/** Old and new members hear of a collaboration's change: their rights on each other's internal orders changed. */
export function recordCollaborationChange(uow: UnitOfWork, ctx: Context, collaboration: RecruitmentCollaboration, members: string[], previousMembers: string[]): void {
  const payload: CollaborationChangedPayload = { collaborationId: collaboration.id, name: collaboration.name, members: members.sort(), previousMembers: previousMembers.sort() };
  const kind = RecruitmentEvent.RECRUITMENT_COLLABORATION_CHANGED;
  const authorities = addressEvent(kind, null, toEventAuthorities([...members, ...previousMembers]));
  recordEvent(uow.em, ctx.clock, { kind, entityType: 'RecruitmentCollaboration', entityId: collaboration.id, authorities, payload: { ...payload } });
}
