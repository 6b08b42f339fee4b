// One immutable version of a person's Min plan. A change never edits a version: it writes the next
// one, carrying the change-notification codes that say what changed and a full copy of the plan.
// Two times per version: createdAt, when it was recorded, and effectiveOn, the day it is in force
// from (the day it was recorded, or the start of a change it follows from, e.g. code 82).
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { JobSearchRequirements, PlanGoals } from '../rules';
import type { ActivityRecord } from './Activity';
import { startsNull } from '../../../core/entity-defaults';

export const PlanVersion = defineEntity({
  name: 'PlanVersion',
  tableName: 'plan_version',
  // Two parallel changes cannot both become version N.
  uniques: [{ properties: ['personId', 'version'] }],
  properties: {
    id: p.string().length(36).primary(),
    personId: p.string().length(36),
    version: p.integer(),
    changeCodes: p.json<number[]>(),
    jobSearchRequirements: startsNull(p.json<JobSearchRequirements>()),
    goals: startsNull(p.json<PlanGoals>()),
    /** The person's activities as they stood in this version (cancelled and interrupted ones included). */
    activities: p.json<ActivityRecord[]>().onCreate(() => []),
    /** The activity this version is about, when it is about one. */
    activityId: startsNull(p.string().length(36)),
    createdBy: p.string().length(64),
    createdAt: p.datetime(),
    /** Valid time: the first day this version is in force; null on versions from before valid time (their createdAt's day). */
    effectiveOn: startsNull(p.string().length(10)),
  },
});

export type PlanVersion = InferEntity<typeof PlanVersion>;

