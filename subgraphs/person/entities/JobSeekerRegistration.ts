// Registration as a job seeker (tilmelding, seed 004 and 002). At most one is open (awaiting
// attendance or active) per person; a partial unique index enforces it under concurrency.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { startsAs, startsNull } from '../../../core/entity-defaults';
import type { JobSeekerCategory, JobSeekerStatus } from '../rules/registration';
import type { DeregistrationCause } from '../rules/job-search-confirmation';

export const JobSeekerRegistration = defineEntity({
  name: 'JobSeekerRegistration',
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
    id: p.string().length(36).primary(),
    personId: p.string().length(36),
    category: p.string().$type<JobSeekerCategory>().length(20),
    status: p.string().$type<JobSeekerStatus>().length(24),
    /** The day the registration was made; never in the past. */
    registrationDate: p.string().length(10),
    /** Hændelsesdato: when it should have taken effect (002); null when it took effect on the registration date. */
    eventDate: startsNull(p.string().length(10)),
    /** The contact group it put the person in; null while a self-registration awaits attendance. */
    contactGroupId: startsNull(p.integer()),
    /** Registered through Jobnet by the citizen (the system role on their behalf). */
    selfService: startsAs(p.boolean(), false),
    dimittend: startsAs(p.boolean(), false),
    /** Dagpenge asked for, but the a-kasse register held no membership: registered 'Uden ydelse' (004). */
    withoutMembership: startsAs(p.boolean(), false),
    /** Kontanthjælp self-registrations: the last day the person may show up at the jobcentre (004). */
    attendanceDeadline: startsNull(p.string().length(10)),
    /** A dimittend's dagpenge entitlement date as the a-kasse reported it (004): the switch to dagpenge takes effect on it. */
    dagpengeEntitlementDate: startsNull(p.string().length(10)),
    /** The day it stopped: deregistered, or the annulment day. */
    closedOn: startsNull(p.string().length(10)),
    /** The last day the job search was confirmed (bekræft jobsøgning, 004). */
    jobSearchConfirmedOn: startsNull(p.string().length(10)),
    /** The last day to confirm by; null while awaiting attendance, and on registrations from before the duty was recorded. */
    jobSearchConfirmationDueBy: startsNull(p.string().length(10)),
    /** Set when the system deregistered it (a missing job-search confirmation). */
    deregistrationCause: startsNull(p.string().$type<DeregistrationCause>().length(40)),
    /** A self re-registration after a missing confirmation: the registration whose contact course it continues (004). */
    continuesRegistrationId: startsNull(p.string().length(36)),
    registeredBy: p.string().length(64),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export type JobSeekerRegistration = InferEntity<typeof JobSeekerRegistration>;
