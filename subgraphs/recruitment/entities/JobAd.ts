// A job ad (jobannonce, JobannonceService v2, 002): GUID id, published on creation (no drafts),
// withdrawn or expired afterwards. Anonymous ads hide the employer but carry a valid CVR and P-number.
import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { AuthorityKind } from '../rules/authorities';
import type { StoredJobAdState } from '../rules/job-ads';

export class JobAd {
  [OptionalProps]?: 'version' | 'employerName' | 'cvr' | 'pNumber' | 'jobOrderId' | 'withdrawnAt';
  id!: string;
  title!: string;
  text!: string;
  occupationCode!: string;
  employerName: string | null = null;
  /** CVR number (8 digits, modulus 11). */
  cvr: string | null = null;
  /** P-number (production unit, 10 digits). */
  pNumber: string | null = null;
  anonymous!: boolean;
  lastPublicationDate!: string;
  state!: StoredJobAdState;
  /** Who published it: `JOBCENTRE:101`, `AKASSE:21` or `SYSTEM` (Jobnet for Arbejdsgivere). */
  ownerKind!: AuthorityKind | 'SYSTEM';
  ownerCode!: string;
  jobOrderId: string | null = null;
  publishedAt!: Date;
  withdrawnAt: Date | null = null;
  version = 1;
}

export const JobAdSchema = new EntitySchema<JobAd>({
  class: JobAd,
  tableName: 'job_ad',
  indexes: [{ properties: ['state', 'lastPublicationDate'] }],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    title: { type: 'string', length: 200 },
    text: { type: 'text' },
    occupationCode: { type: 'string', length: 16 },
    employerName: { type: 'string', length: 200, nullable: true },
    cvr: { type: 'string', length: 8, nullable: true },
    pNumber: { type: 'string', length: 10, nullable: true },
    anonymous: { type: 'boolean' },
    lastPublicationDate: { type: 'string', length: 10 },
    state: { type: 'string', length: 16 },
    ownerKind: { type: 'string', length: 16 },
    ownerCode: { type: 'string', length: 8 },
    jobOrderId: { type: 'string', length: 36, nullable: true },
    publishedAt: { type: 'datetime' },
    withdrawnAt: { type: 'datetime', nullable: true },
    version: { type: 'integer', version: true },
  },
});
