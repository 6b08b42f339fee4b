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
import { actorKey } from './rules';
import type { Context, UnitOfWork } from './unit-of-work';

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
