// Recruitment resolvers: thin maps from the schema to mutations/ (parse → authorize → rule → persist
// with its event, in one transaction) and to loaders for reads. Lists go through DataLoaders; every
// field that reveals another record re-checks the caller's right to see it (access-facts.ts), and
// free text is withheld from analysts. Built around the occupation catalog in use, so a full list
// loaded from a file applies everywhere.
import { today } from '../../core/dates';
import { readDay } from '../../core/valid-time';
import { mediationsOn } from './as-of';
import type { Occupation, OccupationCatalog, OccupationClassification } from '../common/occupations';
import { canSeeJobAd, isJobAdOwner, jobAdStateOn, orderFacts, ownerKey, visibleMediations, visibleOrder } from './access-facts';
import { JobAd } from './entities/JobAd';
import { JobOrder } from './entities/JobOrder';
import type { JobOrderEvent } from './entities/JobOrderEvent';
import { Mediation } from './entities/Mediation';
import { CollaborationMember, RecruitmentCollaboration } from './entities/RecruitmentCollaboration';
import { createRecruitmentCollaboration, dissolveRecruitmentCollaboration, updateRecruitmentCollaboration } from './mutations/collaborations';
import type { Context } from './mutations/context';
import { publishJobAd, withdrawJobAd, type PublishJobAdInput } from './mutations/job-ads';
import { briefEmployer, changeJobOrderStatus, createJobOrder, importJobOrder, updateJobOrder } from './mutations/job-orders';
import { approveCandidate, mediateCandidate, removeCandidate, reportMediationResult, type MediateCandidateInput } from './mutations/mediations';
import {
  callerAuthority,
  canEditOrder,
  canSeeOrder,
  eventActionType,
  EVENT_ACTION_TYPES,
  mayReadFreeText,
  parseAuthorityKey,
  type CollaborationInput,
  type ImportJobOrderInput,
  type JobOrderStatus,
  type JobOrderUpdateInput,
  type MediationOutcome,
  type NewJobOrderInput,
} from './rules';

/**
 * The mediations the caller may see (decided on today's facts), as they stood on the day read:
 * today, or the asOf of person(cpr:, asOf:).
 */
async function mediationsOnReadDay(ctx: Context, mediations: Mediation[]): Promise<Mediation[]> {
  return mediationsOn(ctx.loaders, await visibleMediations(ctx.loaders, ctx.identity, mediations, today(ctx.clock)), readDay(ctx), today(ctx.clock));
}

const MAX_PAGE = 200;

/** A page of at most MAX_PAGE rows, 50 unless asked otherwise. */
const page = (args: { first?: number | null; offset?: number | null }) => ({
  limit: Math.min(Math.max(args.first ?? 50, 1), MAX_PAGE),
  offset: Math.max(args.offset ?? 0, 0),
});

const orderOf = async (ctx: Context, id: string) => (await visibleOrder(ctx.loaders, ctx.identity, id))?.order ?? null;

interface JobOrdersArgs {
  filter?: { status?: JobOrderStatus | null; isInternal?: boolean | null } | null;
  first?: number | null;
  offset?: number | null;
}

/** Narrowed in SQL to what the caller may see, then checked order by order like jobOrder(id). */
async function jobOrders(args: JobOrdersArgs, ctx: Context): Promise<JobOrder[]> {
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
  const orders = await ctx.em.find(JobOrder, where, { orderBy: { createdAt: 'desc', id: 'asc' }, ...page(args) });
  orders.forEach((o) => ctx.loaders.jobOrderById.prime(o.id, o));
  const facts = await Promise.all(orders.map((o) => orderFacts(ctx.loaders, identity, o)));
  return orders.filter((_, i) => canSeeOrder(identity, facts[i]));
}

async function jobAd(id: string, ctx: Context): Promise<JobAd | null> {
  const ad = await ctx.loaders.jobAdById.load(id);
  return ad && canSeeJobAd(ctx.identity, ad, today(ctx.clock)) ? ad : null;
}

export function createResolvers(catalog: OccupationCatalog) {
  const occupation = (code: string | null, classification: OccupationClassification | null) => (code && classification ? catalog.find(code, classification) : null);

  return {
    Query: {
      jobOrder: (_: unknown, { id }: { id: string }, ctx: Context) => orderOf(ctx, id),
      jobOrders: (_: unknown, args: JobOrdersArgs, ctx: Context) => jobOrders(args, ctx),
      jobAd: (_: unknown, { id }: { id: string }, ctx: Context) => jobAd(id, ctx),
      jobAds: (_: unknown, args: { first?: number | null; offset?: number | null }, ctx: Context) =>
        ctx.em.find(JobAd, { state: 'PUBLISHED', lastPublicationDate: { $gte: today(ctx.clock) } }, { orderBy: { publishedAt: 'desc', id: 'asc' }, ...page(args) }),
      recruitmentCollaborations: (_: unknown, __: unknown, ctx: Context) => ctx.em.find(RecruitmentCollaboration, {}, { orderBy: { name: 'asc' } }),
      jobOrderEventActionTypes: () => EVENT_ACTION_TYPES,
      occupations: (_: unknown, { search }: { search?: string | null }) => catalog.searchTitles(search ?? undefined),
      occupation: (_: unknown, args: { code: string; classification: OccupationClassification }) => catalog.find(args.code.trim(), args.classification),
    },
    Mutation: {
      createJobOrder: (_: unknown, { input }: { input: NewJobOrderInput }, ctx: Context) => createJobOrder(ctx, input, catalog),
      updateJobOrder: (_: unknown, { input }: { input: JobOrderUpdateInput & { id: string } }, ctx: Context) => updateJobOrder(ctx, input, catalog),
      changeJobOrderStatus: (_: unknown, { input }: { input: { id: string; status: JobOrderStatus } }, ctx: Context) => changeJobOrderStatus(ctx, input),
      briefEmployer: (_: unknown, { jobOrderId }: { jobOrderId: string }, ctx: Context) => briefEmployer(ctx, jobOrderId),
      importJobOrder: (_: unknown, { input }: { input: ImportJobOrderInput }, ctx: Context) => importJobOrder(ctx, input, catalog),
      mediateCandidate: (_: unknown, { input }: { input: MediateCandidateInput }, ctx: Context) => mediateCandidate(ctx, input),
      removeCandidate: (_: unknown, { mediationId }: { mediationId: string }, ctx: Context) => removeCandidate(ctx, mediationId),
      approveCandidate: (_: unknown, { mediationId }: { mediationId: string }, ctx: Context) => approveCandidate(ctx, mediationId),
      reportMediationResult: (_: unknown, { input }: { input: { mediationId: string; outcome: MediationOutcome } }, ctx: Context) => reportMediationResult(ctx, input),
      createRecruitmentCollaboration: (_: unknown, { input }: { input: CollaborationInput }, ctx: Context) => createRecruitmentCollaboration(ctx, input),
      updateRecruitmentCollaboration: (_: unknown, { id, input }: { id: string; input: CollaborationInput }, ctx: Context) => updateRecruitmentCollaboration(ctx, id, input),
      dissolveRecruitmentCollaboration: (_: unknown, { id }: { id: string }, ctx: Context) => dissolveRecruitmentCollaboration(ctx, id),
      publishJobAd: (_: unknown, { input }: { input: PublishJobAdInput }, ctx: Context) => publishJobAd(ctx, input, catalog),
      withdrawJobAd: (_: unknown, { id }: { id: string }, ctx: Context) => withdrawJobAd(ctx, id),
    },
    RecruitmentCollaboration: {
      members: (c: RecruitmentCollaboration, _: unknown, ctx: Context) => ctx.loaders.membersByCollaboration.load(c.id),
    },
    Person: {
      mediations: async (person: { id: string }, _: unknown, ctx: Context) => mediationsOnReadDay(ctx, await ctx.loaders.mediationsByPerson.load(person.id)),
    },
    JobOrder: {
      __resolveReference: (ref: { id: string }, ctx: Context) => orderOf(ctx, ref.id),
      title: (o: JobOrder, _: unknown, ctx: Context) => (mayReadFreeText(ctx.identity) ? o.title : null),
      description: (o: JobOrder, _: unknown, ctx: Context) => (mayReadFreeText(ctx.identity) ? o.description : null),
      occupation: (o: JobOrder) => occupation(o.occupationCode, o.occupationClassification),
      // The DiscoAMS08 original is kept for audit, not shown to citizens or external systems (003).
      originalOccupationCode: (o: JobOrder, _: unknown, ctx: Context) => (ctx.identity.role === 'system' ? o.originalOccupationCode : null),
      coordinator: (o: JobOrder) => (o.coordinatorAuthority ? parseAuthorityKey(o.coordinatorAuthority) : null),
      owner: (o: JobOrder) => parseAuthorityKey(ownerKey(o)),
      collaboration: async (o: JobOrder, _: unknown, ctx: Context) => {
        const id = await ctx.loaders.collaborationIdByMember.load(ownerKey(o));
        return id ? ctx.loaders.collaborationById.load(id) : null;
      },
      editable: async (o: JobOrder, _: unknown, ctx: Context) => canEditOrder(ctx.identity, await orderFacts(ctx.loaders, ctx.identity, o)),
      mediations: async (o: JobOrder, _: unknown, ctx: Context) => mediationsOnReadDay(ctx, await ctx.loaders.mediationsByJobOrder.load(o.id)),
      events: (o: JobOrder, _: unknown, ctx: Context) => ctx.loaders.eventsByJobOrder.load(o.id),
    },
    JobOrderEvent: {
      actionType: (e: JobOrderEvent) => eventActionType(e.actionTypeId),
      performedBy: (e: JobOrderEvent) => parseAuthorityKey(e.performedBy),
      mediation: async (e: JobOrderEvent, _: unknown, ctx: Context) => {
        if (!e.mediationId) return null;
        const mediation = await ctx.loaders.mediationById.load(e.mediationId);
        return mediation && (await visibleMediations(ctx.loaders, ctx.identity, [mediation], today(ctx.clock))).length === 1 ? mediation : null;
      },
    },
    Mediation: {
      jobOrder: (m: Mediation, _: unknown, ctx: Context) => orderOf(ctx, m.jobOrderId),
      person: (m: Mediation) => ({ __typename: 'Person', id: m.personId }),
      mediatedBy: (m: Mediation) => parseAuthorityKey(m.mediatedBy),
    },
    Occupation: {
      escoStar: (o: Occupation) => (o.classification === 'DISCO_AMS08' && o.level === 3 ? catalog.escoStarFor(o.code) : null),
    },
    JobAd: {
      title: (ad: JobAd, _: unknown, ctx: Context) => (mayReadFreeText(ctx.identity) ? ad.title : null),
      text: (ad: JobAd, _: unknown, ctx: Context) => (mayReadFreeText(ctx.identity) ? ad.text : null),
      employerName: (ad: JobAd, _: unknown, ctx: Context) => (mayReadFreeText(ctx.identity) ? ad.employerName : null),
      // An anonymous ad's employer is known to its owner and STAR only: that is the anonymity.
      cvr: (ad: JobAd, _: unknown, ctx: Context) => (!ad.anonymous || isJobAdOwner(ctx.identity, ad) ? ad.cvr : null),
      pNumber: (ad: JobAd, _: unknown, ctx: Context) => (!ad.anonymous || isJobAdOwner(ctx.identity, ad) ? ad.pNumber : null),
      occupation: (ad: JobAd) => catalog.find(ad.occupationCode, 'ESCO_STAR'),
      state: (ad: JobAd, _: unknown, ctx: Context) => jobAdStateOn(ad, today(ctx.clock)),
      jobOrder: (ad: JobAd, _: unknown, ctx: Context) => (ad.jobOrderId ? orderOf(ctx, ad.jobOrderId) : null),
    },
  };
}
