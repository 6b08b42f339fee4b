// One mutation = one transaction on a clean fork of the request's EntityManager, with loaders bound
// to it, so what a rule reads is what the transaction commits against. Optimistic-lock conflicts
// (two edits of the same order or mediation at once) are retried from the start, so the loser sees
// the winner's result and gets the domain answer (e.g. MEDIATION_STATUS_INVALID), not a crash.
import { OptimisticLockError, type EntityManager } from '@mikro-orm/core';
import { DomainError } from '../../core/errors';
import type { SubgraphContext } from '../../core/subgraph-server';
import { createLoaders, type RecruitmentLoaders } from './loaders';
import { RecruitmentErrorCode } from './rules';

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
