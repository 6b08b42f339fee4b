// Retention (slettepolitikker): data kinds and how long each is kept, run as a job that deletes in
// batches and records what it deleted as counts, never the data. The table is each subgraph's
// (the kinds it holds); the machinery is here.
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type EntityManager, type InferEntity } from '@mikro-orm/core';
import { subtractPeriod, type Period } from './dates';

/** How long a kind is kept: calendar years, months and days (core/dates.ts does the arithmetic). */
export type RetentionPeriod = Period;

export interface RetentionPolicy {
  /** Stable name of the data kind, e.g. `screening-result`. */
  kind: string;
  description: string;
  keepFor: RetentionPeriod | null;
  /** Where the rule comes from: a seed, or our own decision with its reason. */
  source: string;
  /**
   * Deletes at most `limit` rows of this kind older than `cutoff` (YYYY-MM-DD), in transactions of
   * its own, and returns how many it deleted; null when this system does not hold the kind.
   */
  purge: ((tx: EntityManager, cutoff: string, limit: number) => Promise<number>) | null;
}

export const RetentionRun = defineEntity({
  name: 'RetentionRun',
  tableName: 'retention_run',
  indexes: [{ properties: ['kind', 'ranAt'] }],
  properties: {
    id: p.string().length(36).primary(),
    kind: p.string().length(64),
    ranAt: p.datetime(),
    cutoff: p.string().length(10),
    deleted: p.integer(),
  },
});

export type RetentionRun = InferEntity<typeof RetentionRun>;

/** The day before which data of this period is deleted, as of `today`. */
export function retentionCutoff(today: string, period: RetentionPeriod): string {
  return subtractPeriod(today, period);
}

export interface RetentionResult {
  kind: string;
  held: boolean;
  cutoff: string | null;
  deleted: number;
}

/**
 * Runs every policy as of `today`: batches of `batchSize` until a batch comes back short, so a large backlog never holds one long transaction. Idempotent: a second
 * run on the same day finds nothing left to delete. Each run of a held kind leaves a RetentionRun.
 */
export async function runRetention(em: EntityManager, policies: readonly RetentionPolicy[], today: string, now: Date, batchSize = 500): Promise<RetentionResult[]> {
  const results: RetentionResult[] = [];
  for (const policy of policies) {
    if (!policy.purge || !policy.keepFor) {
      results.push({ kind: policy.kind, held: false, cutoff: null, deleted: 0 });
      continue;
    }
    const cutoff = retentionCutoff(today, policy.keepFor);
    let deleted = 0;
    for (;;) {
      const batch = await policy.purge(em.fork(), cutoff, batchSize);
      deleted += batch;
      if (batch < batchSize) break;
    }
    const log = em.fork();
    log.create(RetentionRun, { id: randomUUID(), kind: policy.kind, ranAt: now, cutoff, deleted });
    await log.flush();
    results.push({ kind: policy.kind, held: true, cutoff, deleted });
  }
  return results;
}
