// Job orders: create, update (incl. release to the national list and back), status, employer
// briefing and the pre-v3 import. parse → authorize → rule → persist → event.
import { randomUUID } from 'node:crypto';
import { forbidden, requireRole } from '../../../core/authorize';
import { toIsoDate } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import { uniquely } from '../../../core/write-path';
import type { OccupationCatalog } from '../../common/occupations';
import { visibleOrder } from '../access-facts';
import { JobOrder } from '../entities/JobOrder';
import { RecruitmentEvent } from '../events';
import {
  actorKey,
  canEditOrder,
  EventActionType,
  planJobOrderUpdate,
  RecruitmentErrorCode,
  requireOpen,
  statusChangeActionType,
  validateImport,
  validateNewJobOrder,
  type ImportJobOrderInput,
  type JobOrderStatus,
  type JobOrderUpdateInput,
  type NewJobOrderInput,
} from '../rules';
import { inTransaction, recordOrderEvent, type UnitOfWork } from '../writes';
import type { Context } from './context';

/** Outsiders must not learn that an internal order exists, so "not yours" reads as "not found". */
export function orderNotFound(): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, 'No job order with that id is visible to you.');
}

/** The order for an edit: NOT_FOUND when invisible, FORBIDDEN when visible but not the caller's to edit. */
async function editableOrder(uow: UnitOfWork, ctx: Context, id: string): Promise<JobOrder> {
  const found = await visibleOrder(uow.loaders, ctx.identity, id);
  if (!found) throw orderNotFound();
  if (!canEditOrder(ctx.identity, found.facts)) {
    throw forbidden('Only the owning authority and its recruitment collaboration may change this job order; you may read it.');
  }
  return found.order;
}

export async function createJobOrder(ctx: Context, input: NewJobOrderInput, catalog: OccupationCatalog): Promise<JobOrder> {
  requireRole(ctx.identity, 'caseworker', 'akasse', 'system');
  const valid = validateNewJobOrder(input, ctx.identity, catalog);
  return inTransaction(ctx, async (uow) => {
    const now = ctx.clock.now();
    const order = uow.em.create(JobOrder, {
      id: randomUUID(),
      title: valid.title,
      description: valid.description,
      occupationCode: valid.occupation?.code ?? null,
      occupationClassification: valid.occupation?.classification ?? null,
      originalOccupationCode: valid.occupation?.originalCode ?? null,
      isInternal: valid.isInternal,
      numberOfPositions: valid.numberOfPositions,
      caseWorkerAllowed: valid.caseWorkerAllowed,
      coordinatorAuthority: valid.coordinatorKey,
      origin: valid.origin,
      status: 'OPEN',
      owningKind: valid.owner.kind,
      owningAuthority: valid.owner.code,
      createdBy: actorKey(ctx.identity),
      createdAt: now,
      updatedAt: now,
    });
    await recordOrderEvent(uow, ctx, order, EventActionType.JOB_ORDER_CREATED);
    return order;
  });
}

export async function updateJobOrder(ctx: Context, input: JobOrderUpdateInput & { id: string }, catalog: OccupationCatalog): Promise<JobOrder> {
  requireRole(ctx.identity, 'caseworker', 'akasse', 'system');
  return inTransaction(ctx, async (uow) => {
    const order = await editableOrder(uow, ctx, input.id);
    const { changes, actionTypes } = planJobOrderUpdate(
      { ...order, coordinatorKey: order.coordinatorAuthority },
      input,
      ctx.identity,
      catalog,
    );
    if (actionTypes.length === 0) return order;
    const { coordinatorKey, ...fields } = changes;
    Object.assign(order, fields, coordinatorKey !== undefined ? { coordinatorAuthority: coordinatorKey } : {}, { updatedAt: ctx.clock.now() });
    for (const actionType of actionTypes) await recordOrderEvent(uow, ctx, order, actionType);
    return order;
  });
}

export async function changeJobOrderStatus(ctx: Context, input: { id: string; status: JobOrderStatus }): Promise<JobOrder> {
  requireRole(ctx.identity, 'caseworker', 'akasse', 'system');
  return inTransaction(ctx, async (uow) => {
    const order = await editableOrder(uow, ctx, input.id);
    if (order.status === input.status) return order;
    const actionType = statusChangeActionType(order.status, input.status);
    Object.assign(order, { status: input.status, updatedAt: ctx.clock.now() });
    await recordOrderEvent(uow, ctx, order, actionType, { payload: { status: input.status } });
    return order;
  });
}

export async function briefEmployer(ctx: Context, jobOrderId: string): Promise<JobOrder> {
  requireRole(ctx.identity, 'caseworker', 'akasse', 'system');
  return inTransaction(ctx, async (uow) => {
    const order = await editableOrder(uow, ctx, jobOrderId);
    requireOpen(order.status);
    // The event row is the change: bump the version so the order's history has one writer at a time.
    order.updatedAt = ctx.clock.now();
    await recordOrderEvent(uow, ctx, order, EventActionType.EMPLOYER_BRIEFED);
    return order;
  });
}

/** The unique legacy id makes a second import of one order, even a parallel one, JOB_ORDER_ALREADY_IMPORTED. */
export async function importJobOrder(ctx: Context, input: ImportJobOrderInput, catalog: OccupationCatalog): Promise<JobOrder> {
  requireRole(ctx.identity, 'system');
  const valid = validateImport(input, catalog, toIsoDate);
  return uniquely(
    () =>
      inTransaction(ctx, async (uow) => {
        const order = uow.em.create(JobOrder, {
          id: randomUUID(),
          title: valid.title,
          description: valid.description,
          occupationCode: valid.occupation?.code ?? null,
          occupationClassification: valid.occupation?.classification ?? null,
          originalOccupationCode: valid.occupation?.originalCode ?? null,
          isInternal: valid.isInternal,
          numberOfPositions: null,
          caseWorkerAllowed: valid.caseWorkerAllowed,
          coordinatorAuthority: valid.coordinatorKey,
          origin: valid.origin,
          status: 'OPEN',
          owningKind: valid.owner.kind,
          owningAuthority: valid.owner.code,
          legacyId: input.legacyId,
          createdBy: actorKey(ctx.identity),
          createdAt: input.createdAt,
          updatedAt: ctx.clock.now(),
        });
        await recordOrderEvent(uow, ctx, order, EventActionType.JOB_ORDER_CREATED, { kind: RecruitmentEvent.JOB_ORDER_IMPORTED, occurredAt: input.createdAt, payload: { imported: true } });
        return order;
      }),
    () => new DomainError(RecruitmentErrorCode.JOB_ORDER_ALREADY_IMPORTED, `The order ${input.legacyId} was imported already.`, { field: 'legacyId' }),
  );
}
