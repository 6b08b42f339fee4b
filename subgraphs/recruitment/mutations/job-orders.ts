// Job orders: create, update (incl. release to the national list and back), status, employer
// briefing, pre-v3 import, and the queries. parse → authorize → rule → persist → event.
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { forbidden, requireRole } from '../../../core/authorize';
import { toIsoDate } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import type { OccupationCatalog } from '../../common/occupations';
import { orderFacts, visibleOrder } from '../access-facts';
import { JobOrder } from '../entities/JobOrder';
import { Mediation } from '../entities/Mediation';
import { CollaborationMember } from '../entities/RecruitmentCollaboration';
import { RecruitmentEvent } from '../events';
import { recordOrderEvent } from '../writes';
import {
  actorKey,
  callerAuthority,
  canEditOrder,
  canSeeOrder,
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
import { inTransaction, type Context, type UnitOfWork } from '../writes';

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

export function jobOrderMutations(catalog: OccupationCatalog) {
  return {
    async createJobOrder(_: unknown, { input }: { input: NewJobOrderInput }, ctx: Context): Promise<JobOrder> {
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
    },

    async updateJobOrder(_: unknown, { input }: { input: JobOrderUpdateInput & { id: string } }, ctx: Context): Promise<JobOrder> {
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
    },

    async changeJobOrderStatus(_: unknown, { input }: { input: { id: string; status: JobOrderStatus } }, ctx: Context): Promise<JobOrder> {
      requireRole(ctx.identity, 'caseworker', 'akasse', 'system');
      return inTransaction(ctx, async (uow) => {
        const order = await editableOrder(uow, ctx, input.id);
        if (order.status === input.status) return order;
        const actionType = statusChangeActionType(order.status, input.status);
        Object.assign(order, { status: input.status, updatedAt: ctx.clock.now() });
        await recordOrderEvent(uow, ctx, order, actionType, { payload: { status: input.status } });
        return order;
      });
    },

    async briefEmployer(_: unknown, { jobOrderId }: { jobOrderId: string }, ctx: Context): Promise<JobOrder> {
      requireRole(ctx.identity, 'caseworker', 'akasse', 'system');
      return inTransaction(ctx, async (uow) => {
        const order = await editableOrder(uow, ctx, jobOrderId);
        requireOpen(order.status);
        // The event row is the change: bump the version so the order's history has one writer at a time.
        order.updatedAt = ctx.clock.now();
        await recordOrderEvent(uow, ctx, order, EventActionType.EMPLOYER_BRIEFED);
        return order;
      });
    },

    async importJobOrder(_: unknown, { input }: { input: ImportJobOrderInput }, ctx: Context): Promise<JobOrder> {
      requireRole(ctx.identity, 'system');
      const valid = validateImport(input, catalog, toIsoDate);
      try {
        return await inTransaction(ctx, async (uow) => {
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
        });
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) {
          throw new DomainError(RecruitmentErrorCode.JOB_ORDER_ALREADY_IMPORTED, `The order ${input.legacyId} was imported already.`, { field: 'legacyId' });
        }
        throw error;
      }
    },
  };
}

const MAX_PAGE = 200;

export const jobOrderQueries = {
  async jobOrder(_: unknown, { id }: { id: string }, ctx: Context): Promise<JobOrder | null> {
    return (await visibleOrder(ctx.loaders, ctx.identity, id))?.order ?? null;
  },

  /** Narrowed in SQL to what the caller may see, then checked order by order like jobOrder(id). */
  async jobOrders(
    _: unknown,
    args: { filter?: { status?: JobOrderStatus | null; isInternal?: boolean | null } | null; first?: number | null; offset?: number | null },
    ctx: Context,
  ): Promise<JobOrder[]> {
    const { identity } = ctx;
    const where: Record<string, unknown> = {};
    if (args.filter?.status) where.status = args.filter.status;
    if (args.filter?.isInternal !== undefined && args.filter?.isInternal !== null) where.isInternal = args.filter.isInternal;
    const caller = callerAuthority(identity);
    if (identity.role === 'analyst') where.isInternal = false;
    if (caller) {
      const collaborationId = await ctx.loaders.collaborationIdByMember.load(`${caller.kind}:${caller.code}`);
      const owners = collaborationId ? await ctx.em.find(CollaborationMember, { collaborationId }) : [caller];
      // A fork, so these partially loaded rows never stand in for full ones in the request's identity map.
      const mediated = caller.kind === 'JOBCENTRE' ? await ctx.em.fork().find(Mediation, { personJobcentre: caller.code }, { fields: ['jobOrderId'] }) : [];
      where.$or = [
        { isInternal: false },
        ...owners.map((o) => ({ owningKind: o.kind, owningAuthority: o.code })),
        ...(mediated.length > 0 ? [{ id: { $in: [...new Set(mediated.map((m) => m.jobOrderId))] } }] : []),
      ];
    }
    const orders = await ctx.em.find(JobOrder, where, {
      orderBy: { createdAt: 'desc', id: 'asc' },
      limit: Math.min(Math.max(args.first ?? 50, 1), MAX_PAGE),
      offset: Math.max(args.offset ?? 0, 0),
    });
    orders.forEach((o) => ctx.loaders.jobOrderById.prime(o.id, o));
    const facts = await Promise.all(orders.map((o) => orderFacts(ctx.loaders, identity, o)));
    return orders.filter((_, i) => canSeeOrder(identity, facts[i]));
  },
};
