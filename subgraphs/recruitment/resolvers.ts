// Recruitment resolvers: parse → authorize → rule → persist (with its event, in one transaction).
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { requireRole } from '../../core/authorize';
import { DomainError, ErrorCode } from '../../core/errors';
import { recordEvent } from '../../core/outbox';
import type { SubgraphContext } from '../../core/subgraph-server';
import { addressEvent } from '../common/dispatch-rules';
import { findPersonByCpr } from '../common/person-directory';
import { JobOrder } from './entities/JobOrder';
import { Mediation } from './entities/Mediation';
import { RecruitmentEvent } from './events';
import type { RecruitmentLoaders } from './loaders';
import { canSee, EventActionTypeId, validateNewJobOrder, type NewJobOrderInput } from './rules';

type Context = SubgraphContext<RecruitmentLoaders>;

/** Outsiders must not learn that an internal order exists, so "not yours" reads as "not found". */
function notFound(): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, 'No job order with that id is visible to you.');
}

function ownerAuthorities(order: JobOrder) {
  return order.owningRole === 'akasse' ? { akasser: [order.owningAuthority] } : { jobcentres: [order.owningAuthority] };
}

async function visibleOrder(ctx: Context, id: string): Promise<JobOrder | null> {
  const order = await ctx.loaders.jobOrderById.load(id);
  if (!order) return null;
  const mediations = await ctx.loaders.mediationsByJobOrder.load(id);
  return canSee(order, ctx.identity, { mediatedCitizensJobcentres: mediations.map((m) => m.personJobcentre) }) ? order : null;
}

async function createJobOrder(ctx: Context, input: NewJobOrderInput): Promise<JobOrder> {
  requireRole(ctx.identity, 'caseworker', 'akasse', 'system');
  const valid = validateNewJobOrder(input, ctx.identity);
  return ctx.em.transactional(async (em) => {
    const now = ctx.clock.now();
    const order = em.create(JobOrder, {
      id: randomUUID(),
      title: valid.title,
      description: valid.description,
      occupationCode: valid.occupationCode ?? null,
      isInternal: valid.isInternal,
      numberOfPositions: valid.numberOfPositions ?? null,
      owningRole: ctx.identity.role,
      owningAuthority: ctx.identity.authority,
      collaborationAuthorities: [],
      createdAt: now,
      updatedAt: now,
    });
    recordEvent(em, ctx.clock, {
      kind: RecruitmentEvent.JOB_ORDER_CREATED,
      entityType: 'JobOrder',
      entityId: order.id,
      authorities: addressEvent(RecruitmentEvent.JOB_ORDER_CREATED, null, ownerAuthorities(order)),
      payload: { jobOrderId: order.id, actionTypeId: EventActionTypeId.JOB_ORDER_CREATED, isInternal: order.isInternal },
    });
    return order;
  });
}

async function mediateCandidate(ctx: Context, input: { jobOrderId: string; cpr: string }): Promise<Mediation> {
  requireRole(ctx.identity, 'caseworker', 'akasse', 'system');
  const person = await findPersonByCpr(ctx.em, input.cpr);
  const order = await visibleOrder(ctx, input.jobOrderId);
  if (!order) throw notFound();
  try {
    return await ctx.em.transactional(async (em) => {
      const mediation = em.create(Mediation, {
        id: randomUUID(),
        jobOrderId: order.id,
        personId: person.id,
        personJobcentre: person.municipalityCode,
        status: 'MEDIATED',
        mediatedBy: `${ctx.identity.role}:${ctx.identity.authority}`,
        createdAt: ctx.clock.now(),
      });
      recordEvent(em, ctx.clock, {
        kind: RecruitmentEvent.CANDIDATE_MEDIATED,
        personId: person.id,
        entityType: 'Mediation',
        entityId: mediation.id,
        // The citizen's jobcentre must hear of a mediation to another authority's internal order.
        authorities: addressEvent(RecruitmentEvent.CANDIDATE_MEDIATED, person, ownerAuthorities(order)),
        payload: { jobOrderId: order.id, mediationId: mediation.id, actionTypeId: EventActionTypeId.MEDIATION, isInternal: order.isInternal },
      });
      return mediation;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new DomainError('ALREADY_MEDIATED', 'This person is already mediated to that job order.');
    }
    throw error;
  }
}

export const resolvers = {
  Query: {
    jobOrder: (_: unknown, args: { id: string }, ctx: Context) => visibleOrder(ctx, args.id),
  },
  Mutation: {
    createJobOrder: (_: unknown, args: { input: NewJobOrderInput }, ctx: Context) => createJobOrder(ctx, args.input),
    mediateCandidate: (_: unknown, args: { input: { jobOrderId: string; cpr: string } }, ctx: Context) => mediateCandidate(ctx, args.input),
  },
  Person: {
    mediations: (person: { id: string }, _: unknown, ctx: Context) => ctx.loaders.mediationsByPerson.load(person.id),
  },
  JobOrder: {
    __resolveReference: (ref: { id: string }, ctx: Context) => visibleOrder(ctx, ref.id),
  },
  Mediation: {
    jobOrder: (mediation: Mediation, _: unknown, ctx: Context) => visibleOrder(ctx, mediation.jobOrderId),
    person: (mediation: Mediation) => ({ __typename: 'Person', id: mediation.personId }),
  },
};
