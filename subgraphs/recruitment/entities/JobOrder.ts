// A job order (jobordre, CompanyRecruitmentService v3, 001 §5.1). Internal orders are visible only to
// the owning authority and its recruitment collaboration, and read-only to jobcentres whose citizen
// is mediated to it.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { startsAs, startsNull } from '../../../core/entity-defaults';
import type { AuthorityKind } from '../rules/authorities';
import type { JobOrderOrigin, JobOrderStatus } from '../rules/job-orders';
import type { OccupationClassification } from '../../common/occupations';

export const JobOrder = defineEntity({
  name: 'JobOrder',
  tableName: 'job_order',
  indexes: [{ properties: ['owningKind', 'owningAuthority'] }, { properties: ['isInternal', 'createdAt'] }],
  properties: {
    id: p.string().length(36).primary(),
    title: p.string().length(200),
    /** Task description (beskrivelse af arbejdsopgaven), at most 5000 characters. */
    description: p.text(),
    /** The title the order carries now: ESCO-STAR, or a retired DiscoAMS08 title nobody has replaced. */
    occupationCode: startsNull(p.string().length(16)),
    occupationClassification: startsNull(p.string().$type<OccupationClassification>().length(16)),
    /** The title as first given when it was converted (DiscoAMS08 → ESCO-STAR), kept for audit (003). */
    originalOccupationCode: startsNull(p.string().length(16)),
    /** RecruitmentIsInternal. */
    isInternal: p.boolean(),
    /** NumberOfPositions, optional. */
    numberOfPositions: startsNull(p.integer()),
    /** RecruitmentCaseWorkerAllowed: a coordinator (tovholder) is attached. */
    caseWorkerAllowed: p.boolean(),
    /** The authority whose caseworker coordinates (screens candidates), `JOBCENTRE:101`. */
    coordinatorAuthority: startsNull(p.string().length(16)),
    origin: p.string().$type<JobOrderOrigin>().length(32),
    status: p.string().$type<JobOrderStatus>().length(16),
    owningKind: p.string().$type<AuthorityKind>().length(16),
    owningAuthority: p.string().length(8),
    /** The order's id in the system it was imported from (orders existing before v3). */
    legacyId: startsNull(p.string().length(64).unique()),
    createdBy: p.string().length(80),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    // Two parallel edits of one order: the second fails instead of silently overwriting the first.
    version: startsAs(p.integer().version(), 1),
  },
});

export type JobOrder = InferEntity<typeof JobOrder>;
