// Recruitment resolvers: parse → authorize → rule → persist (with its event, in one transaction).
// Built around the occupation catalog in use, so a full list loaded from a file applies everywhere.
// Field resolvers of the recruitment types: lists go through DataLoaders; every field that reveals
// another record re-checks the caller's right to see it, and free text is withheld from analysts.
import { today } from '../../core/dates';
import type { OccupationCatalog, OccupationClassification, Occupation } from '../common/occupations';
import { orderFacts, ownerKey, visibleMediations, visibleOrder } from './access-facts';
import type { JobAd } from './entities/JobAd';
import type { JobOrder } from './entities/JobOrder';
import type { JobOrderEvent } from './entities/JobOrderEvent';
import type { Mediation } from './entities/Mediation';
import { canEditOrder, EVENT_ACTION_TYPES, eventActionType, mayReadFreeText, parseAuthorityKey } from './rules';
import type { Context } from './writes';
import { collaborationFields, collaborationMutations, collaborationQueries } from './mutations/collaborations';
import { isJobAdOwner, jobAdMutations, jobAdQueries, stateOf } from './mutations/job-ads';
import { jobOrderMutations, jobOrderQueries } from './mutations/job-orders';
import { mediationMutations } from './mutations/mediations';

const orderOf = async (ctx: Context, id: string) => (await visibleOrder(ctx.loaders, ctx.identity, id))?.order ?? null;

function fieldResolvers(catalog: OccupationCatalog) {
  const occupation = (code: string | null, classification: OccupationClassification | null) => (code && classification ? catalog.find(code, classification) : null);

  return {
    Person: {
      mediations: async (person: { id: string }, _: unknown, ctx: Context) => visibleMediations(ctx.loaders, ctx.identity, await ctx.loaders.mediationsByPerson.load(person.id), today(ctx.clock)),
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
      mediations: async (o: JobOrder, _: unknown, ctx: Context) => visibleMediations(ctx.loaders, ctx.identity, await ctx.loaders.mediationsByJobOrder.load(o.id), today(ctx.clock)),
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
      state: (ad: JobAd, _: unknown, ctx: Context) => stateOf(ad, ctx),
      jobOrder: (ad: JobAd, _: unknown, ctx: Context) => (ad.jobOrderId ? orderOf(ctx, ad.jobOrderId) : null),
    },
  };
}

export function createResolvers(catalog: OccupationCatalog) {
  return {
    Query: {
      ...jobOrderQueries,
      ...jobAdQueries,
      ...collaborationQueries,
      jobOrderEventActionTypes: () => EVENT_ACTION_TYPES,
      occupations: (_: unknown, { search }: { search?: string | null }) => catalog.searchTitles(search ?? undefined),
      occupation: (_: unknown, args: { code: string; classification: OccupationClassification }) => catalog.find(args.code.trim(), args.classification),
    },
    Mutation: {
      ...jobOrderMutations(catalog),
      ...mediationMutations,
      ...collaborationMutations,
      ...jobAdMutations(catalog),
    },
    RecruitmentCollaboration: collaborationFields,
    ...fieldResolvers(catalog),
  };
}
