// Registration as a job seeker (tilmelding, seed 004 and 002). At most one is open (awaiting
// attendance or active) per person; a partial unique index enforces it under concurrency.
import { EntitySchema } from '@mikro-orm/core';
import type { JobSeekerCategory, JobSeekerStatus } from '../rules/registration';

export class JobSeekerRegistration {
  id!: string;
  personId!: string;
  category!: JobSeekerCategory;
  status!: JobSeekerStatus;
  /** The day the registration was made; never in the past. */
  registrationDate!: string;
  /** Hændelsesdato: when it should have taken effect (002); null when it took effect on the registration date. */
  eventDate: string | null = null;
  /** The contact group it put the person in; null while a self-registration awaits attendance. */
  contactGroupId: number | null = null;
  /** Registered through Jobnet by the citizen (the system role on their behalf). */
  selfService = false;
  dimittend = false;
  /** Dagpenge asked for, but the a-kasse register held no membership: registered 'Uden ydelse' (004). */
  withoutMembership = false;
  /** Kontanthjælp self-registrations: the last day the person may show up at the jobcentre (004). */
  attendanceDeadline: string | null = null;
  /** The day it stopped: deregistered, or the annulment day. */
  closedOn: string | null = null;
  registeredBy!: string;
  createdAt!: Date;
  updatedAt!: Date;
}

export const JobSeekerRegistrationSchema = new EntitySchema<JobSeekerRegistration>({
  class: JobSeekerRegistration,
  tableName: 'job_seeker_registration',
  indexes: [
    { properties: ['personId', 'createdAt'] },
    { properties: ['status', 'attendanceDeadline'] },
    {
      name: 'job_seeker_registration_one_open',
      expression:
        'create unique index "job_seeker_registration_one_open" on "job_seeker_registration" ("person_id") where "status" in (\'AWAITING_ATTENDANCE\', \'ACTIVE\')',
    },
  ],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    personId: { type: 'string', length: 36 },
    category: { type: 'string', length: 20 },
    status: { type: 'string', length: 24 },
    registrationDate: { type: 'string', length: 10 },
    eventDate: { type: 'string', length: 10, nullable: true },
    contactGroupId: { type: 'integer', nullable: true },
    selfService: { type: 'boolean' },
    dimittend: { type: 'boolean' },
    withoutMembership: { type: 'boolean' },
    attendanceDeadline: { type: 'string', length: 10, nullable: true },
    closedOn: { type: 'string', length: 10, nullable: true },
    registeredBy: { type: 'string', length: 64 },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
