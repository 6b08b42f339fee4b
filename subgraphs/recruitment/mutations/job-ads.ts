// Job ads (JobannonceService v2, 002): publish (no drafts) and withdraw. Published ads are public;
// withdrawn and expired ones, and the CVR/P-number behind an anonymous ad, are their owner's
// (access-facts.ts).
import { randomUUID } from 'node:crypto';
import { forbidden, requireRole } from '../../../core/authorize';
import { today } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import { uniquely } from '../../../core/write-path';
import type { OccupationCatalog } from '../../common/occupations';
import { canSeeJobAd, isJobAdOwner, jobAdStateOn, visibleOrder } from '../access-facts';
import { JobAd } from '../entities/JobAd';
import { RecruitmentEvent } from '../events';
import { callerAuthority, canEditOrder, RecruitmentErrorCode, validateJobAd, validateWithdrawal, type JobAdInput } from '../rules';
import { inTransaction, recordJobAdEvent } from '../writes';
import type { Context } from './context';

export type PublishJobAdInput = JobAdInput & { jobOrderId?: string | null };

function adNotFound(): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, 'No job ad with that id is visible to you.');
}

function idTaken(id: string): DomainError {
  return new DomainError(RecruitmentErrorCode.JOB_AD_ID_TAKEN, `A job ad with the id ${id} exists already; choose another GUID or leave the id out.`, { field: 'id' });
}

/** A GUID taken by a parallel publisher reads as taken, like one taken before. */
export async function publishJobAd(ctx: Context, input: PublishJobAdInput, catalog: OccupationCatalog): Promise<JobAd> {
  requireRole(ctx.identity, 'caseworker', 'akasse', 'system');
  const valid = validateJobAd(input, today(ctx.clock), catalog);
  const id = valid.id ?? randomUUID();
  return uniquely(
    () =>
      inTransaction(ctx, async (uow) => {
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
        await recordJobAdEvent(uow, ctx, ad, RecruitmentEvent.JOB_AD_PUBLISHED);
        return ad;
      }),
    () => idTaken(id),
  );
}

export async function withdrawJobAd(ctx: Context, id: string): Promise<JobAd> {
  requireRole(ctx.identity, 'caseworker', 'akasse', 'system');
  return inTransaction(ctx, async (uow) => {
    const ad = await uow.loaders.jobAdById.load(id);
    const day = today(ctx.clock);
    if (!ad || !canSeeJobAd(ctx.identity, ad, day)) throw adNotFound();
    if (!isJobAdOwner(ctx.identity, ad)) throw forbidden('Only whoever published the job ad may withdraw it.');
    validateWithdrawal(jobAdStateOn(ad, day));
    Object.assign(ad, { state: 'WITHDRAWN', withdrawnAt: ctx.clock.now() });
    await recordJobAdEvent(uow, ctx, ad, RecruitmentEvent.JOB_AD_WITHDRAWN);
    return ad;
  });
}
