// The recruitment subgraph's write module.
// One mutation = one transaction on a clean fork of the request's EntityManager, with loaders bound
// to it, so what a rule reads is what the transaction commits against. Optimistic-lock conflicts
// (two edits of the same order or mediation at once) are retried from the start, so the loser sees
// the winner's result and gets the domain answer (e.g. MEDIATION_STATUS_INVALID), not a crash.
//
// Writes one job-order event twice in the caller's unit of work: as a JobOrderEvent row (the order's
// own history, JobOrder.events) and as an outbox event for the bus, addressed by the dispatch table.
import { randomUUID } from 'node:crypto';
import { recordEvent } from '../../core/outbox';
import { addressEvent } from './dispatch';
import { primaryAuthorities, toEventAuthorities } from './access-facts';
import type { JobOrder } from './entities/JobOrder';
import { JobOrderEvent } from './entities/JobOrderEvent';
import type { Mediation } from './entities/Mediation';
import { EVENT_KIND_BY_ACTION_TYPE, type JobOrderEventPayload, type RecruitmentEventKind } from './events';
import type { EventActionTypeId } from './rules';
import { actorKey, RecruitmentErrorCode } from './rules';
import { OptimisticLockError, type EntityManager } from '@mikro-orm/core';
import { DomainError } from '../../core/errors';
import type { SubgraphContext } from '../../core/subgraph-server';
import { createLoaders, type RecruitmentLoaders } from './loaders';

export interface OrderEventOptions {
  mediation?: Mediation;
  /** Authority keys besides the primary authorities, e.g. the mediated citizen's jobcentre. */
  alsoTell?: string[];
  payload?: Partial<JobOrderEventPayload>;
  occurredAt?: Date;
  /** The outbox kind when it is not the action type's usual one (an import is still action type 3). */
  kind?: RecruitmentEventKind;
}

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
    payload: payload as unknown as Record<string, unknown>,
  });
}

export type Context = SubgraphContext<RecruitmentLoaders>;

export interface UnitOfWork {
  em: EntityManager;
  loaders: RecruitmentLoaders;
}

const ATTEMPTS = 5;

export async function inTransaction<T>(ctx: Context, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.em.fork({ clear: true }).transactional((em) => work({ em, loaders: createLoaders(em) }));
    } catch (error) {
      if (!(error instanceof OptimisticLockError)) throw error;
      if (attempt === ATTEMPTS) {
        throw new DomainError(RecruitmentErrorCode.CONCURRENT_MODIFICATION, 'Someone else changed this at the same moment; read it again and retry.');
      }
    }
  }
}
