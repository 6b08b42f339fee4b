// A job ad (jobannonce, JobannonceService v2, 002): GUID id, published on creation (no drafts),
// withdrawn or expired afterwards. Anonymous ads hide the employer but carry a valid CVR and P-number.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { startsAs, startsNull } from '../../../core/entity-defaults';
import type { AuthorityKind } from '../rules/authorities';
import type { StoredJobAdState } from '../rules/job-ads';

export const JobAd = defineEntity({
  name: 'JobAd',
  tableName: 'job_ad',
  indexes: [{ properties: ['state', 'lastPublicationDate'] }],
  properties: {
    id: p.string().length(36).primary(),
    title: p.string().length(200),
    text: p.text(),
    occupationCode: p.string().length(16),
    employerName: startsNull(p.string().length(200)),
    /** CVR number (8 digits, modulus 11). */
    cvr: startsNull(p.string().length(8)),
    /** P-number (production unit, 10 digits). */
    pNumber: startsNull(p.string().length(10)),
    anonymous: p.boolean(),
    lastPublicationDate: p.string().length(10),
    state: p.string().$type<StoredJobAdState>().length(16),
    /** Who published it: `JOBCENTRE:101`, `AKASSE:21` or `SYSTEM` (Jobnet for Arbejdsgivere). */
    ownerKind: p.string().$type<AuthorityKind | 'SYSTEM'>().length(16),
    ownerCode: p.string().length(8),
    jobOrderId: startsNull(p.string().length(36)),
    publishedAt: p.datetime(),
    withdrawnAt: startsNull(p.datetime()),
    version: startsAs(p.integer().version(), 1),
  },
});

export type JobAd = InferEntity<typeof JobAd>;
