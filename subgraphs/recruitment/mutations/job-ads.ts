// Job ads (JobannonceService v2, 002): publish (no drafts), withdraw, read. Published ads are public;
// withdrawn and expired ones, and the CVR/P-number behind an anonymous ad, are their owner's.
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { forbidden, requireRole } from '../../../core/authorize';
import { today } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import type { Identity } from '../../../core/identity';
import { recordEvent } from '../../../core/outbox';
import type { OccupationCatalog } from '../../common/occupations';
import { addressEvent } from '../dispatch';
import { primaryAuthorities, toEventAuthorities, visibleOrder } from '../access-facts';
import { JobAd } from '../entities/JobAd';
import { RecruitmentEvent, type JobAdPayload } from '../events';
import { callerAuthority, canEditOrder, jobAdState, RecruitmentErrorCode, validateJobAd, validateWithdrawal, type JobAdInput } from '../rules';
import { inTransaction, type Context, type UnitOfWork } from '../writes';

export function isJobAdOwner(identity: Identity, ad: JobAd): boolean {
  if (identity.role === 'system') return true;
  const caller = callerAuthority(identity);
  return caller !== null && caller.kind === ad.ownerKind && caller.code === ad.ownerCode;
}

export function stateOf(ad: JobAd, ctx: Context) {
  return jobAdState(ad.state, ad.lastPublicationDate, today(ctx.clock));
}

/** Published ads are for everyone; withdrawn and expired ones only for their owner (else NOT_FOUND). */
export function canSeeJobAd(ad: JobAd, ctx: Context): boolean {
  return stateOf(ad, ctx) === 'PUBLISHED' || isJobAdOwner(ctx.identity, ad);
}

function adNotFound(): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, 'No job ad with that id is visible to you.');
}

async function recordAdEvent(uow: UnitOfWork, ctx: Context, ad: JobAd, kind: typeof RecruitmentEvent.JOB_AD_PUBLISHED | typeof RecruitmentEvent.JOB_AD_WITHDRAWN) {
  const owner = ad.ownerKind === 'SYSTEM' ? [] : [`${ad.ownerKind}:${ad.ownerCode}`];
  const order = ad.jobOrderId ? await uow.loaders.jobOrderById.load(ad.jobOrderId) : null;
  const tell = [...owner, ...(order ? await primaryAuthorities(uow.loaders, order) : [])];
  const payload: JobAdPayload = { jobAdId: ad.id, state: ad.state, jobOrderId: ad.jobOrderId };
  recordEvent(uow.em, ctx.clock, { kind, entityType: 'JobAd', entityId: ad.id, authorities: addressEvent(kind, null, toEventAuthorities(tell)), payload: { ...payload } });
}

export function jobAdMutations(catalog: OccupationCatalog) {
  return {
    async publishJobAd(_: unknown, { input }: { input: JobAdInput & { jobOrderId?: string | null } }, ctx: Context): Promise<JobAd> {
      requireRole(ctx.identity, 'caseworker', 'akasse', 'system');
      const valid = validateJobAd(input, today(ctx.clock), catalog);
      const id = valid.id ?? randomUUID();
      try {
        return await inTransaction(ctx, async (uow) => {
          if (input.jobOrderId) {
            const found = await visibleOrder(uow.loaders, ctx.identity, input.jobOrderId);
            if (!found) throw new DomainError(ErrorCode.NOT_FOUND, 'No job order with that id is visible to you.', { field: 'jobOrderId' });
            if (!canEditOrder(ctx.identity, found.facts)) throw forbidden("Only the job order's recruitment collaboration advertises it.");
          }
          if (await uow.em.findOne(JobAd, { id })) throw idTaken(id);
          const caller = callerAuthority(ctx.identity);
          const ad = uow.em.create(JobAd, {
            ...valid,
            id,
            state: 'PUBLISHED',
            ownerKind: caller?.kind ?? 'SYSTEM',
            ownerCode: caller?.code ?? 'STAR',
            jobOrderId: input.jobOrderId ?? null,
            publishedAt: ctx.clock.now(),
          });
          await recordAdEvent(uow, ctx, ad, RecruitmentEvent.JOB_AD_PUBLISHED);
          return ad;
        });
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw idTaken(id);
        throw error;
      }
    },

    async withdrawJobAd(_: unknown, { id }: { id: string }, ctx: Context): Promise<JobAd> {
      requireRole(ctx.identity, 'caseworker', 'akasse', 'system');
      return inTransaction(ctx, async (uow) => {
        const ad = await uow.loaders.jobAdById.load(id);
        if (!ad || !canSeeJobAd(ad, ctx)) throw adNotFound();
        if (!isJobAdOwner(ctx.identity, ad)) throw forbidden('Only whoever published the job ad may withdraw it.');
        validateWithdrawal(stateOf(ad, ctx));
        Object.assign(ad, { state: 'WITHDRAWN', withdrawnAt: ctx.clock.now() });
        await recordAdEvent(uow, ctx, ad, RecruitmentEvent.JOB_AD_WITHDRAWN);
        return ad;
      });
    },
  };
}

function idTaken(id: string): DomainError {
  return new DomainError(RecruitmentErrorCode.JOB_AD_ID_TAKEN, `A job ad with the id ${id} exists already; choose another GUID or leave the id out.`, { field: 'id' });
}

export const jobAdQueries = {
  async jobAd(_: unknown, { id }: { id: string }, ctx: Context): Promise<JobAd | null> {
    const ad = await ctx.loaders.jobAdById.load(id);
    return ad && canSeeJobAd(ad, ctx) ? ad : null;
  },
  async jobAds(_: unknown, args: { first?: number | null; offset?: number | null }, ctx: Context): Promise<JobAd[]> {
    return ctx.em.find(
      JobAd,
      { state: 'PUBLISHED', lastPublicationDate: { $gte: today(ctx.clock) } },
      { orderBy: { publishedAt: 'desc', id: 'asc' }, limit: Math.min(Math.max(args.first ?? 50, 1), 200), offset: Math.max(args.offset ?? 0, 0) },
    );
  },
};
