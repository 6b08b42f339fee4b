// Job-search confirmation (bekræft jobsøgning, seed 004): Jobnet records the citizen's confirmation,
// the scheduled job deregisters those whose confirmation is missing, and a cash-benefit recipient so
// deregistered re-registers within 7 days, continuing the contact course. Jobnet calls as the system
// role on the citizen's behalf: the hub has no citizen caller yet.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../../core/clock';
import { today, type IsoDate } from '../../../core/dates';
import { DomainError } from '../../../core/errors';
import type { SubgraphContext } from '../../../core/subgraph-server';
import { uniquely } from '../../../core/write-path';
import { loadAuthorities } from '../authorities';
import { refreshCvRequirement } from '../current-cv-requirement';
import { JobSeekerRegistration } from '../entities/JobSeekerRegistration';
import { PersonCourseEvent } from '../events';
import type { PersonLoaders } from '../loaders';
import { personByCpr } from '../person-lookup';
import { actorFrom, changed, lockPerson, recordChange, systemActor, type Actor } from '../writes';
import { assertMayReregister, authorizeWrite, confirmationDueBy, confirmationMissed, PersonErrorCode } from '../rules';
import { alreadyRegistered, changeRegistration, endRegistration, enterContactGroup, registrationPayload } from './registration';

type Context = SubgraphContext<PersonLoaders>;

/** The citizen confirmed their job search on Jobnet: the next confirmation is due 7 days from today. */
export function confirmJobSearch(ctx: Context, cpr: string): Promise<JobSeekerRegistration> {
  return changeRegistration(ctx, cpr, ['system'], async (_em, _person, open) => {
    if (!open || open.status !== 'ACTIVE') {
      throw new DomainError(PersonErrorCode.NOT_REGISTERED_AS_JOB_SEEKER, 'The person is not registered as a job seeker, so there is no job search to confirm.');
    }
    const day = today(ctx.clock);
    const due = confirmationDueBy(day);
    const changes = [changed('jobSearchConfirmedOn', open.jobSearchConfirmedOn, day), changed('jobSearchConfirmationDueBy', open.jobSearchConfirmationDueBy, due)];
    open.jobSearchConfirmedOn = day;
    open.jobSearchConfirmationDueBy = due;
    return { registration: open, kind: PersonCourseEvent.JOB_SEARCH_CONFIRMED, changes };
  });
}

/**
 * Deregisters one registration whose confirmation is missing, on `day`. The contact group stays
 * open (001 §3.2), so a re-registration continues the course; a dimittend's pending switch to
 * dagpenge is withdrawn, as with every deregistration.
 */
async function deregisterForMissingConfirmation(em: EntityManager, clock: Clock, actor: Actor, registration: JobSeekerRegistration, day: IsoDate): Promise<void> {
  const person = await lockPerson(em, registration.personId);
  await endRegistration(em, clock, actor, person, registration, day);
  registration.deregistrationCause = 'MISSING_JOB_SEARCH_CONFIRMATION';
  registration.updatedAt = clock.now();
  await recordChange(em, clock, actor, {
    kind: PersonCourseEvent.JOB_SEEKER_DEREGISTERED_MISSING_CONFIRMATION,
    person,
    entityType: 'JobSeekerRegistration',
    entityId: registration.id,
    payload: registrationPayload(registration),
    changes: [changed('status', 'ACTIVE', 'DEREGISTERED'), changed('closedOn', null, day), changed('deregistrationCause', null, registration.deregistrationCause)],
  });
  await refreshCvRequirement(em, clock, actor, person);
}

/** The scheduled job: every active registration whose confirmation was due before `day`. Each person in a transaction of its own. */
export async function deregisterMissingConfirmations(ctx: Context, day: IsoDate): Promise<number> {
  const actor = systemActor(`${ctx.identity.subject} deregisterMissingConfirmations`);
  const overdue = await ctx.em.find(JobSeekerRegistration, { status: 'ACTIVE', jobSearchConfirmationDueBy: { $lt: day } });
  let deregistered = 0;
  for (const candidate of overdue) {
    deregistered += await ctx.em.fork().transactional(async (em) => {
      const registration = await em.findOneOrFail(JobSeekerRegistration, { id: candidate.id }, { refresh: true });
      if (!confirmationMissed(registration, day)) return 0;
      await deregisterForMissingConfirmation(em, ctx.clock, actor, registration, day);
      return 1;
    });
  }
  return deregistered;
}

/**
 * 004: "Denne gruppe vil kunne gentilmelde sig fra Jobnet uden henvendelse til jobcentret.
 * Gentilmelding vil blive registreret og kontaktforløbet fortsættes." A new active registration of
 * the same category continues the deregistered one in its contact group (still open, 001 §3.2; opened
 * again from today if the jobcentre closed it meanwhile), with no attendance flag.
 */
export async function reregisterAfterMissingConfirmation(ctx: Context, cpr: string): Promise<JobSeekerRegistration> {
  const found = await personByCpr(ctx.em, cpr);
  authorizeWrite(ctx.identity, await loadAuthorities(ctx.em, found, ctx.clock), ['system']);
  const actor = actorFrom(ctx.identity);
  return uniquely(
    () =>
      ctx.em.transactional(async (em) => {
        const person = await lockPerson(em, found.id);
        if (await em.findOne(JobSeekerRegistration, { personId: person.id, status: { $in: ['AWAITING_ATTENDANCE', 'ACTIVE'] } })) throw alreadyRegistered();
        const previous = await em.findOne(JobSeekerRegistration, { personId: person.id }, { orderBy: { createdAt: 'desc', id: 'desc' } });
        const day = today(ctx.clock);
        assertMayReregister(previous, day);
        const now = ctx.clock.now();
        const registration = em.create(JobSeekerRegistration, {
          id: randomUUID(),
          personId: person.id,
          category: previous.category,
          status: 'ACTIVE',
          registrationDate: day,
          eventDate: null,
          contactGroupId: previous.contactGroupId,
          selfService: true,
          dimittend: false,
          withoutMembership: previous.withoutMembership,
          attendanceDeadline: null,
          dagpengeEntitlementDate: null,
          closedOn: null,
          jobSearchConfirmedOn: null,
          jobSearchConfirmationDueBy: confirmationDueBy(day),
          deregistrationCause: null,
          continuesRegistrationId: previous.id,
          registeredBy: `${actor.role}:${actor.authority}`,
          createdAt: now,
          updatedAt: now,
        });
        await enterContactGroup(em, ctx.clock, actor, person, previous.contactGroupId, day);
        await recordChange(em, ctx.clock, actor, {
          kind: PersonCourseEvent.JOB_SEEKER_REREGISTERED_AFTER_MISSING_CONFIRMATION,
          person,
          entityType: 'JobSeekerRegistration',
          entityId: registration.id,
          payload: registrationPayload(registration),
          changes: [changed('status', null, 'ACTIVE'), changed('registrationDate', null, day), changed('continuesRegistrationId', null, previous.id)],
        });
        await refreshCvRequirement(em, ctx.clock, actor, person);
        return registration;
      }),
    alreadyRegistered,
  );
}
