// Registration as a job seeker (tilmelding, 004 and 002): register, attendance that effectuates a
// kontanthjælp self-registration, the a-kasse's dimittend report, and deregistration.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../../core/clock';
import { addDays, today, type IsoDate } from '../../../core/dates';
import { DomainError } from '../../../core/errors';
import type { SubgraphContext } from '../../../core/subgraph-server';
import { JobSeekerRegistration } from '../entities/JobSeekerRegistration';
import type { Person } from '../entities/Person';
import type { PersonLoaders } from '../loaders';
import { PersonCourseEvent, type JobSeekerRegistrationPayload } from '../events';
import type { PersonEventKind } from '../dispatch';
import { scheduleEffect } from '../../../core/effectuation';
import { uniquely } from '../../../core/write-path';
import { hasMembershipOn, loadAuthorities, membershipsOf } from '../authorities';
import { refreshCvRequirement } from '../current-cv-requirement';
import { personByCpr, registrationBefore, registrationInForce } from '../person-lookup';
import { actorFrom, changed, lockPerson, recordChange, type Actor } from '../writes';
import { CV_REQUIREMENT_REFRESH_EFFECT, openContactGroup, withdrawScheduledChanges } from './contact-group';
import { assertNotTooFarAhead, authorizeWrite, confirmationDueBy, DAGPENGE, decideRegistration, JOB_SEEKER_CATEGORIES, PersonErrorCode, WITHOUT_BENEFIT, type JobSeekerCategory, type Registrant } from '../rules';

type Context = SubgraphContext<PersonLoaders>;

export interface RegisterJobSeekerInput {
  cpr: string;
  category: JobSeekerCategory;
  registrationDate: string;
  eventDate?: string | null;
  selfService?: boolean | null;
}

const REGISTRANT: Record<string, Registrant> = { caseworker: 'JOBCENTRE', akasse: 'AKASSE', system: 'SYSTEM' };

export function registrationPayload(r: JobSeekerRegistration): JobSeekerRegistrationPayload {
  return {
    personId: r.personId,
    registrationId: r.id,
    category: r.category,
    status: r.status,
    registrationDate: r.registrationDate,
    eventDate: r.eventDate,
    contactGroupId: r.contactGroupId,
    selfService: r.selfService,
    dimittend: r.dimittend,
    withoutMembership: r.withoutMembership,
    attendanceDeadline: r.attendanceDeadline,
    closedOn: r.closedOn,
    jobSearchConfirmationDueBy: r.jobSearchConfirmationDueBy,
    deregistrationCause: r.deregistrationCause,
    continuesRegistrationId: r.continuesRegistrationId,
  };
}

export const alreadyRegistered = () =>
  new DomainError(PersonErrorCode.ALREADY_REGISTERED_AS_JOB_SEEKER, 'The person is already registered as a job seeker (or a self-registration awaits attendance); deregister first or change the contact group.');

/** Opens the registration's contact group from `start` unless the person is in it on that day already. */
export async function enterContactGroup(em: EntityManager, clock: Clock, actor: Actor, person: Person, contactGroupId: number, start: IsoDate): Promise<void> {
  const current = await registrationBefore(em, person.id, addDays(start, 1));
  if (current?.contactGroupId === contactGroupId) return;
  await openContactGroup(em, clock, actor, person, { contactGroupId, start });
}

export async function registerJobSeeker(ctx: Context, input: RegisterJobSeekerInput): Promise<JobSeekerRegistration> {
  const found = await personByCpr(ctx.em, input.cpr);
  authorizeWrite(ctx.identity, await loadAuthorities(ctx.em, found, ctx.clock), ['caseworker', 'akasse', 'system']);
  if (input.selfService && ctx.identity.role !== 'system') {
    throw new DomainError('FORBIDDEN', 'Self-registrations come from Jobnet (the system role) only.');
  }
  const actor = actorFrom(ctx.identity);
  return uniquely(
    () =>
      ctx.em.transactional(async (em) => {
        const person = await lockPerson(em, found.id);
        if (await em.findOne(JobSeekerRegistration, { personId: person.id, status: { $in: ['AWAITING_ATTENDANCE', 'ACTIVE'] } })) throw alreadyRegistered();
        const memberships = await membershipsOf(em, person.id);
        const decision = decideRegistration({
          category: input.category,
          registrationDate: input.registrationDate,
          eventDate: input.eventDate ?? null,
          registrant: REGISTRANT[ctx.identity.role],
          selfService: Boolean(input.selfService),
          livesAbroad: person.livesAbroad,
          openContactGroupId: (await registrationInForce(em, person.id, today(ctx.clock)))?.contactGroupId ?? null,
          personCategory: person.category,
          hasMembership: hasMembershipOn(memberships, input.registrationDate),
          memberOfCaller: hasMembershipOn(memberships, input.registrationDate, ctx.identity.authority),
          today: today(ctx.clock),
        });
        const now = ctx.clock.now();
        const registration = em.create(JobSeekerRegistration, {
          id: randomUUID(),
          personId: person.id,
          category: input.category,
          status: decision.status,
          registrationDate: input.registrationDate,
          eventDate: input.eventDate ?? null,
          contactGroupId: decision.contactGroupId,
          selfService: Boolean(input.selfService),
          dimittend: decision.dimittend,
          withoutMembership: decision.withoutMembership,
          attendanceDeadline: decision.attendanceDeadline,
          dagpengeEntitlementDate: null,
          closedOn: null,
          // 004: an active registration's job search is confirmed every 7 days from the day it takes effect.
          jobSearchConfirmationDueBy: decision.status === 'ACTIVE' ? confirmationDueBy(decision.effectiveFrom > today(ctx.clock) ? decision.effectiveFrom : today(ctx.clock)) : null,
          registeredBy: `${actor.role}:${actor.authority}`,
          createdAt: now,
          updatedAt: now,
        });
        if (decision.contactGroupId !== null) await enterContactGroup(em, ctx.clock, actor, person, decision.contactGroupId, decision.effectiveFrom);
        await recordChange(em, ctx.clock, actor, {
          kind: PersonCourseEvent.JOB_SEEKER_REGISTERED,
          person,
          entityType: 'JobSeekerRegistration',
          entityId: registration.id,
          payload: registrationPayload(registration),
          // Valid time: in force from its event date, else its registration date (which may be later than today).
          effectiveDate: decision.effectiveFrom,
          changes: [
            changed('category', null, registration.category),
            changed('status', null, registration.status),
            changed('registrationDate', null, registration.registrationDate),
            ...(registration.eventDate ? [changed('eventDate', null, registration.eventDate)] : []),
            ...(registration.withoutMembership ? [changed('withoutMembership', null, true)] : []),
          ],
        });
        await refreshCvRequirement(em, ctx.clock, actor, person);
        // A registration from a later day moves the CV requirement on that day, even when the
        // contact group it needs is open already (no group change would announce it then).
        if (registration.status === 'ACTIVE' && decision.effectiveFrom > today(ctx.clock)) {
          scheduleEffect(em, ctx.clock, { kind: CV_REQUIREMENT_REFRESH_EFFECT, personId: person.id, entityType: 'JobSeekerRegistration', entityId: registration.id, effectiveOn: decision.effectiveFrom, payload: {} });
        }
        return registration;
      }),
    alreadyRegistered,
  );
}

/** Changes the person's open registration (awaiting attendance or active) under the person's lock, with its event and the CV requirement. */
export async function changeRegistration(
  ctx: Context,
  cpr: string,
  roles: Parameters<typeof authorizeWrite>[2],
  change: (em: EntityManager, person: Person, registration: JobSeekerRegistration | null, actor: Actor) => Promise<{ registration: JobSeekerRegistration; kind: PersonEventKind; changes: ReturnType<typeof changed>[] }>,
): Promise<JobSeekerRegistration> {
  const found = await personByCpr(ctx.em, cpr);
  authorizeWrite(ctx.identity, await loadAuthorities(ctx.em, found, ctx.clock), roles);
  const actor = actorFrom(ctx.identity);
  return ctx.em.transactional(async (em) => {
    const person = await lockPerson(em, found.id);
    const open = await em.findOne(JobSeekerRegistration, { personId: person.id, status: { $in: ['AWAITING_ATTENDANCE', 'ACTIVE'] } });
    const { registration, kind, changes } = await change(em, person, open, actor);
    registration.updatedAt = ctx.clock.now();
    await recordChange(em, ctx.clock, actor, { kind, person, entityType: 'JobSeekerRegistration', entityId: registration.id, payload: registrationPayload(registration), changes });
    await refreshCvRequirement(em, ctx.clock, actor, person);
    return registration;
  });
}

/** 004: the applicant showed up at the jobcentre; the flag goes and the registration takes effect today. */
export function confirmAttendance(ctx: Context, cpr: string): Promise<JobSeekerRegistration> {
  return changeRegistration(ctx, cpr, ['caseworker', 'system'], async (em, person, open, actor) => {
    if (open?.status !== 'AWAITING_ATTENDANCE') {
      throw new DomainError(PersonErrorCode.NO_SELF_REGISTRATION_AWAITING_ATTENDANCE, 'The person has no self-registration awaiting attendance; register them instead.');
    }
    const day = today(ctx.clock);
    open.status = 'ACTIVE';
    open.contactGroupId = open.contactGroupId ?? JOB_SEEKER_CATEGORIES[open.category].contactGroupId;
    open.jobSearchConfirmationDueBy = confirmationDueBy(day);
    await enterContactGroup(em, ctx.clock, actor, person, open.contactGroupId, day);
    return { registration: open, kind: PersonCourseEvent.JOB_SEEKER_REGISTRATION_CHANGED, changes: [changed('status', 'AWAITING_ATTENDANCE', 'ACTIVE')] };
  });
}

/**
 * 004: a dimittend registered 'Uden ydelse' switches to dagpenge when the a-kasse's report has
 * arrived AND the entitlement date is reached, and only if still registered as dimittend when the
 * report arrives. An entitlement date after today is stored and shown (dagpengeEntitlementDate),
 * the person stays in 'Uden ydelse' and the switch to group 1 is scheduled for that day (the
 * registration switches with it, mutations/effects.ts). A later report replaces a pending one.
 */
export function reportDimittendEntitlement(ctx: Context, cpr: string, entitlementDate: IsoDate): Promise<JobSeekerRegistration> {
  return changeRegistration(ctx, cpr, ['akasse', 'system'], async (em, person, open, actor) => {
    if (!open || open.status !== 'ACTIVE' || !open.dimittend || open.contactGroupId !== WITHOUT_BENEFIT) {
      throw new DomainError(PersonErrorCode.NOT_REGISTERED_AS_DIMITTEND, 'The person is not registered as a dimittend now, so the registration is not changed.');
    }
    const day = today(ctx.clock);
    assertNotTooFarAhead('DIMITTEND_ENTITLEMENT', entitlementDate, day, 'entitlementDate');
    const reported = open.dagpengeEntitlementDate;
    if (reported !== null && reported > day) await withdrawScheduledChanges(em, ctx.clock, actor, person, reported < entitlementDate ? reported : entitlementDate);
    if (entitlementDate > day) {
      await openContactGroup(em, ctx.clock, actor, person, { contactGroupId: DAGPENGE, start: entitlementDate, dimittendRegistrationId: open.id });
      open.dagpengeEntitlementDate = entitlementDate;
      return {
        registration: open,
        kind: PersonCourseEvent.JOB_SEEKER_REGISTRATION_CHANGED,
        changes: [changed('dagpengeEntitlementDate', reported, entitlementDate)],
      };
    }
    open.category = 'DAGPENGE';
    open.dimittend = false;
    open.contactGroupId = DAGPENGE;
    open.dagpengeEntitlementDate = entitlementDate;
    await enterContactGroup(em, ctx.clock, actor, person, DAGPENGE, entitlementDate);
    return {
      registration: open,
      kind: PersonCourseEvent.JOB_SEEKER_REGISTRATION_CHANGED,
      changes: [changed('category', 'DIMITTEND', 'DAGPENGE'), changed('contactGroup', WITHOUT_BENEFIT, DAGPENGE), changed('entitlementDate', null, entitlementDate)],
    };
  });
}

/**
 * Ends an active registration on `day`, however it came to end (a caseworker's deregistration, a
 * missing job-search confirmation): a dimittend's switch to dagpenge still pending is withdrawn
 * with it, since 004 switches only a registration that is a dimittend's.
 */
export async function endRegistration(em: EntityManager, clock: Clock, actor: Actor, person: Person, registration: JobSeekerRegistration, day: IsoDate): Promise<void> {
  if (registration.dimittend && registration.dagpengeEntitlementDate !== null && registration.dagpengeEntitlementDate > day) {
    await withdrawScheduledChanges(em, clock, actor, person, registration.dagpengeEntitlementDate);
  }
  registration.status = 'DEREGISTERED';
  registration.closedOn = day;
}

/**
 * Afmelding: the registration ends; the contact group stays until the jobcentre closes it (001 §3.2).
 * A dimittend's switch to dagpenge still pending is withdrawn with it: 004 switches only a
 * registration that is a dimittend's, and this one ends before the entitlement date.
 */
export function deregisterJobSeeker(ctx: Context, cpr: string, date: IsoDate): Promise<JobSeekerRegistration> {
  return changeRegistration(ctx, cpr, ['caseworker', 'akasse', 'system'], async (em, person, open, actor) => {
    if (!open || open.status !== 'ACTIVE') {
      throw new DomainError(PersonErrorCode.NOT_REGISTERED_AS_JOB_SEEKER, 'The person is not registered as a job seeker.');
    }
    const now = today(ctx.clock);
    if (date < now) {
      throw new DomainError(PersonErrorCode.REGISTRATION_DATE_IN_PAST, 'A deregistration cannot be dated in the past.', { field: 'date' });
    }
    // A deregistration ends the registration and the CV requirement at once; accepting a later date
    // would show the person deregistered before the day it was meant for. Nothing here waits for a
    // day to come, so the date must be today: send the deregistration on the day it takes effect.
    if (date > now) {
      throw new DomainError(PersonErrorCode.DEREGISTRATION_DATE_IN_FUTURE, 'A deregistration takes effect at once; send it on the day it should take effect.', { field: 'date' });
    }
    await endRegistration(em, ctx.clock, actor, person, open, date);
    return { registration: open, kind: PersonCourseEvent.JOB_SEEKER_DEREGISTERED, changes: [changed('status', 'ACTIVE', 'DEREGISTERED'), changed('closedOn', null, date)] };
  });
}

/**
 * 004: a kontanthjælp self-registration nobody attended to within the deadline is annulled silently
 * (no deregistration letter, no notification to anyone but the system role).
 */
export async function annulUnattended(em: EntityManager, clock: Clock, actor: Actor, registration: JobSeekerRegistration, asOf: IsoDate): Promise<void> {
  const person = await lockPerson(em, registration.personId);
  registration.status = 'ANNULLED';
  registration.closedOn = asOf;
  registration.updatedAt = clock.now();
  await recordChange(em, clock, actor, {
    kind: PersonCourseEvent.JOB_SEEKER_REGISTRATION_ANNULLED,
    person,
    entityType: 'JobSeekerRegistration',
    entityId: registration.id,
    payload: registrationPayload(registration),
    changes: [changed('status', 'AWAITING_ATTENDANCE', 'ANNULLED')],
  });
}
