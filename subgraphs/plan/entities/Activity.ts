// An activity (indsats/aktivitet) in Min plan as it stands now. Every change to it also writes a
// plan version holding a copy, so the history is in plan_version and this row is the current state.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Role } from '../../../core/identity';
import { startsNull } from '../../../core/entity-defaults';
import type { ActivityStatus } from '../rules';

export const Activity = defineEntity({
  name: 'Activity',
  tableName: 'activity',
  properties: {
    id: p.string().length(36).primary(),
    personId: p.string().length(36).index(),
    /** Bevillingsramme; null when the activity is not funded from an allocation frame. */
    frameId: startsNull(p.integer()),
    categoryId: p.integer(),
    start: p.string().length(10),
    end: startsNull(p.string().length(10)),
    /** Planned hours per ISO week (required for work-obligation categories). */
    // double precision, read back as a number: 'float' is a 4-byte real on PostgreSQL (3.3 would read 3.2999…).
    hoursPerWeek: startsNull(p.type('double').$type<number>().runtimeType('number')),
    status: p.string().$type<ActivityStatus>().length(16),
    /** The cancel/interrupt cause, once ended. */
    endingCauseId: startsNull(p.integer()),
    registeredByRole: p.string().$type<Role>().length(16),
    registeredByAuthority: p.string().length(8),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export type Activity = InferEntity<typeof Activity>;

/** The fields a plan version copies; the row adds its bookkeeping. */
export type ActivityRecord = Omit<Activity, 'createdAt' | 'updatedAt'>;

/** The copy a plan version keeps. */
export function activityRecord(activity: ActivityRecord): ActivityRecord {
  const { id, personId, frameId, categoryId, start, end, hoursPerWeek, status, endingCauseId, registeredByRole, registeredByAuthority } = activity;
  return { id, personId, frameId, categoryId, start, end, hoursPerWeek, status, endingCauseId, registeredByRole, registeredByAuthority };
}
