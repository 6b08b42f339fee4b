// One immutable version of a person's Min plan. A change never edits a version: it writes the next
// one, carrying the change-notification codes that say what changed and a full copy of the plan.
import { EntitySchema } from '@mikro-orm/core';
import type { JobSearchRequirements, PlanGoals } from '../rules';
import type { ActivityRecord } from './Activity';

export class PlanVersion {
  id!: string;
  personId!: string;
  version!: number;
  changeCodes!: number[];
  jobSearchRequirements: JobSearchRequirements | null = null;
  goals: PlanGoals | null = null;
  /** The person's activities as they stood in this version (cancelled and interrupted ones included). */
  activities: ActivityRecord[] = [];
  /** The activity this version is about, when it is about one. */
  activityId: string | null = null;
  createdBy!: string;
  createdAt!: Date;
}

export const PlanVersionSchema = new EntitySchema<PlanVersion>({
  class: PlanVersion,
  tableName: 'plan_version',
  // Two parallel changes cannot both become version N.
  uniques: [{ properties: ['personId', 'version'] }],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    personId: { type: 'string', length: 36 },
    version: { type: 'integer' },
    changeCodes: { type: 'json' },
    jobSearchRequirements: { type: 'json', nullable: true },
    goals: { type: 'json', nullable: true },
    activities: { type: 'json' },
    activityId: { type: 'string', length: 36, nullable: true },
    createdBy: { type: 'string', length: 64 },
    createdAt: { type: 'datetime' },
  },
});
