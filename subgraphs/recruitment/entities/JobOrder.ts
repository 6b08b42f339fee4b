// A job order (jobordre, CompanyRecruitmentService v3, 001 §5.1). Internal orders are visible only to
// the owning authority and its recruitment collaboration, and read-only to jobcentres whose citizen
// is mediated to it.
import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { AuthorityKind } from '../rules/authorities';
import type { JobOrderOrigin, JobOrderStatus } from '../rules/job-orders';
import type { OccupationClassification } from '../../common/occupations';

export class JobOrder {
  [OptionalProps]?: 'version' | 'occupationCode' | 'occupationClassification' | 'originalOccupationCode' | 'numberOfPositions' | 'coordinatorAuthority' | 'legacyId';
  id!: string;
  title!: string;
  /** Task description (beskrivelse af arbejdsopgaven), at most 5000 characters. */
  description!: string;
  /** The title the order carries now: ESCO-STAR, or a retired DiscoAMS08 title nobody has replaced. */
  occupationCode: string | null = null;
  occupationClassification: OccupationClassification | null = null;
  /** The title as first given when it was converted (DiscoAMS08 → ESCO-STAR), kept for audit (003). */
  originalOccupationCode: string | null = null;
  /** RecruitmentIsInternal. */
  isInternal!: boolean;
  /** NumberOfPositions, optional. */
  numberOfPositions: number | null = null;
  /** RecruitmentCaseWorkerAllowed: a coordinator (tovholder) is attached. */
  caseWorkerAllowed!: boolean;
  /** The authority whose caseworker coordinates (screens candidates), `JOBCENTRE:101`. */
  coordinatorAuthority: string | null = null;
  origin!: JobOrderOrigin;
  status!: JobOrderStatus;
  owningKind!: AuthorityKind;
  owningAuthority!: string;
  /** The order's id in the system it was imported from (orders existing before v3). */
  legacyId: string | null = null;
  createdBy!: string;
  createdAt!: Date;
  updatedAt!: Date;
  version = 1;
}

export const JobOrderSchema = new EntitySchema<JobOrder>({
  class: JobOrder,
  tableName: 'job_order',
  indexes: [{ properties: ['owningKind', 'owningAuthority'] }, { properties: ['isInternal', 'createdAt'] }],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    title: { type: 'string', length: 200 },
    description: { type: 'text' },
    occupationCode: { type: 'string', length: 16, nullable: true },
    occupationClassification: { type: 'string', length: 16, nullable: true },
    originalOccupationCode: { type: 'string', length: 16, nullable: true },
    isInternal: { type: 'boolean' },
    numberOfPositions: { type: 'integer', nullable: true },
    caseWorkerAllowed: { type: 'boolean' },
    coordinatorAuthority: { type: 'string', length: 16, nullable: true },
    origin: { type: 'string', length: 32 },
    status: { type: 'string', length: 16 },
    owningKind: { type: 'string', length: 16 },
    owningAuthority: { type: 'string', length: 8 },
    legacyId: { type: 'string', length: 64, nullable: true, unique: true },
    createdBy: { type: 'string', length: 80 },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    // Two parallel edits of one order: the second fails instead of silently overwriting the first.
    version: { type: 'integer', version: true },
  },
});
