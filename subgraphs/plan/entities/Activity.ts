// An activity (indsats/aktivitet) in Min plan as it stands now. Every change to it also writes a
// plan version holding a copy, so the history is in plan_version and this row is the current state.
import { EntitySchema } from '@mikro-orm/core';
import type { Role } from '../../../core/identity';
import type { ActivityStatus } from '../rules';

/** The fields a plan version copies; the row adds its bookkeeping. */
export interface ActivityRecord {
  id: string;
  personId: string;
  /** Bevillingsramme; null when the activity is not funded from an allocation frame. */
  frameId: number | null;
  categoryId: number;
  start: string;
  end: string | null;
  /** Planned hours per ISO week (required for work-obligation categories). */
  hoursPerWeek: number | null;
  status: ActivityStatus;
  /** The cancel/interrupt cause, once ended. */
  endingCauseId: number | null;
  registeredByRole: Role;
  registeredByAuthority: string;
}

export class Activity implements ActivityRecord {
  id!: string;
  personId!: string;
  frameId: number | null = null;
  categoryId!: number;
  start!: string;
  end: string | null = null;
  hoursPerWeek: number | null = null;
  status!: ActivityStatus;
  endingCauseId: number | null = null;
  registeredByRole!: Role;
  registeredByAuthority!: string;
  createdAt!: Date;
  updatedAt!: Date;
}

export const ActivitySchema = new EntitySchema<Activity>({
  class: Activity,
  tableName: 'activity',
  properties: {
    id: { type: 'string', length: 36, primary: true },
    personId: { type: 'string', length: 36, index: true },
    frameId: { type: 'integer', nullable: true },
    categoryId: { type: 'integer' },
    start: { type: 'string', length: 10 },
    end: { type: 'string', length: 10, nullable: true },
    // double precision, read back as a number: 'float' is a 4-byte real on PostgreSQL (3.3 would read 3.2999…).
    hoursPerWeek: { type: 'double', runtimeType: 'number', nullable: true },
    status: { type: 'string', length: 16 },
    endingCauseId: { type: 'integer', nullable: true },
    registeredByRole: { type: 'string', length: 16 },
    registeredByAuthority: { type: 'string', length: 8 },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});

/** The copy a plan version keeps. */
export function activityRecord(activity: ActivityRecord): ActivityRecord {
  const { id, personId, frameId, categoryId, start, end, hoursPerWeek, status, endingCauseId, registeredByRole, registeredByAuthority } = activity;
  return { id, personId, frameId, categoryId, start, end, hoursPerWeek, status, endingCauseId, registeredByRole, registeredByAuthority };
}
