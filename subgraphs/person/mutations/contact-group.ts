// Contact groups: changeContactGroup, where a caseworker system (or an a-kasse for dagpenge/'Uden
// ydelse', e.g. on a recovery it reports) opens the next contact group, and openContactGroup, the
// step it shares with registration as a job seeker: close the group before it the day before and
// open the next, with its event. Valid time: a change dated after today is stored and announced as
// scheduled (CONTACT_GROUP_CHANGE_SCHEDULED) and takes effect on its day through a scheduled effect
// (mutations/effects.ts); a change dated on or before a pending one withdraws it.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../../core/clock';
import { addDays, today, type IsoDate } from '../../../core/dates';
import { cancelPendingEffects, scheduleEffect, ScheduledEffect } from '../../../core/effectuation';
import { DomainError, ErrorCode } from '../../../core/errors';
import type { SubgraphContext } from '../../../core/subgraph-server';
import { uniquely } from '../../../core/write-path';
import { loadAuthorities } from '../authorities';
import { refreshCvRequirement } from '../current-cv-requirement';
import { ContactGroupRegistration } from '../entities/ContactGroupRegistration';
import { JobSeekerRegistration } from '../entities/JobSeekerRegistration';
import type { Person } from '../entities/Person';
import { SickLeaveReturnExpectation } from '../entities/SickLeaveReturnExpectation';
import { PersonCourseEvent, PersonEvent, type ContactGroupChangedPayload, type SickLeaveReturnExpectationPayload } from '../events';
import type { PersonLoaders } from '../loaders';
import { personByCpr, registrationBefore } from '../person-lookup';
import { AKASSE_CONTACT_GROUPS, assertNotTooFarAhead, authorizeWrite, contactGroup, endOnRecovery, nextContactGroup, PersonErrorCode } from '../rules';
import { actorFrom, changed, lockPerson, recordChange, type Actor } from '../writes';

type Context = SubgraphContext<PersonLoaders>;

/** The kind of scheduled effect that puts a contact-group change in force on its start day. */
export const CONTACT_GROUP_CHANGE_EFFECT = 'CONTACT_GROUP_CHANGE';
/** The kind that recomputes the CV requirement on the day a registration as job seeker starts. */
export const CV_REQUIREMENT_REFRESH_EFFECT = 'CV_REQUIREMENT_REFRESH';
export const REGISTRATION_ENTITY = 'ContactGroupRegistration';

/** What the effect carries besides the change itself: the dimittend registration it switches (004). */
export interface ContactGroupEffectPayload extends ContactGroupChangedPayload {
  dimittendRegistrationId?: string | null;
}

export interface ChangeContactGroupInput {
  cpr: string;
  contactGroupId: number;
  start: string;
  registrationId?: string | null;
  recoveryCauseId?: number | null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function changeContactGroup(ctx: Context, input: ChangeContactGroupInput): Promise<ContactGroupRegistration> {
  contactGroup(input.contactGroupId);
  if (input.registrationId != null && !GUID.test(input.registrationId)) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'registrationId must be a GUID.', { field: 'registrationId' });
  }
  if (input.recoveryCauseId != null && (!Number.isInteger(input.recoveryCauseId) || input.recoveryCauseId < 1)) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'recoveryCauseId is a positive DFDG code.', { field: 'recoveryCauseId' });
  }
  assertNotTooFarAhead('CONTACT_GROUP_CHANGE', input.start, today(ctx.clock), 'start');
  const found = await personByCpr(ctx.em, input.cpr);
  authorizeWrite(ctx.identity, await loadAuthorities(ctx.em, found, ctx.clock), ['caseworker', 'akasse', 'system']);
  const actor = actorFrom(ctx.identity);
  return uniquely(
    () =>
      ctx.em.transactional(async (em) => {
        const person = await lockPerson(em, found.id);
        // The group the person leaves: the one in force the day before the change starts (a pending
        // change dated before this one included), not necessarily today's.
        const left = await registrationBefore(em, person.id, input.start);
        const groupId = nextContactGroup({ requestedGroupId: input.contactGroupId, leftGroupId: left?.contactGroupId ?? null, recoveryCauseId: input.recoveryCauseId ?? null });
        if (ctx.identity.role === 'akasse' && !AKASSE_CONTACT_GROUPS.has(groupId)) {
          throw new DomainError(PersonErrorCode.CONTACT_GROUP_NOT_ALLOWED_FOR_AKASSE, 'An a-kasse can register its members in dagpenge (1) or Uden ydelse only; the jobcentre registers other groups.', { contactGroupId: groupId });
        }
        const registration = await openContactGroup(em, ctx.clock, actor, person, {
          contactGroupId: groupId,
          start: input.start,
          registrationId: input.registrationId,
          recoveryCauseId: input.recoveryCauseId,
        });
        // A change in force already (today or back-dated) moves the requirement from its start; a
        // scheduled one moves nothing today (its effect recomputes on the day).
        const day = today(ctx.clock);
        await refreshCvRequirement(em, ctx.clock, actor, person, input.start <= day ? input.start : undefined);
        return registration;
      }),
    () => new DomainError(ErrorCode.CONFLICT, 'Another change of this person\'s contact group was made at the same moment; read the person again and retry.'),
  );
}

export interface OpenGroup {
  contactGroupId: number;
  start: IsoDate;
  registrationId?: string | null;
  recoveryCauseId?: number | null;
  /** A dimittend's registration that switches to dagpenge with this change (004). */
  dimittendRegistrationId?: string | null;
}

/**
 * Closes the group before `start` the day before and opens the new one. In force at once when
 * `start` is today or earlier (CONTACT_GROUP_CHANGED, dated `start`); otherwise stored, announced as
 * scheduled and put in force on its day by the CONTACT_GROUP_CHANGE effect. Changes still pending on
 * or after `start` are withdrawn first. A registration id that belongs to another registration is
 * refused (001 §1.5). Leaving a sick group ends its "back within week 13" metadata when the recovery
 * comes first (002), on the day the recovery is in force.
 */
export async function openContactGroup(em: EntityManager, clock: Clock, actor: Actor, person: Person, group: OpenGroup): Promise<ContactGroupRegistration> {
  const day = today(clock);
  assertNotTooFarAhead('CONTACT_GROUP_CHANGE', group.start, day, 'start');
  const registrationId = group.registrationId ?? randomUUID();
  if (await em.findOne(ContactGroupRegistration, { id: registrationId })) {
    // 001 §1.5: re-using the sick group's id when reporting recovery left group 25 open beside group 1.
    throw new DomainError(PersonErrorCode.REGISTRATION_ID_BELONGS_TO_ANOTHER_REGISTRATION, 'That registration id belongs to another contact-group registration; send a new GUID or none.', { registrationId });
  }
  // A registration already in force on or after the new start cannot be replaced; a pending one is withdrawn.
  const inForceLater = await em.findOne(ContactGroupRegistration, { personId: person.id, start: { $gte: group.start, $lte: day } }, { orderBy: { start: 'desc' } });
  if (inForceLater) {
    throw new DomainError(ErrorCode.INVALID_DATE_RANGE, `The new contact group must start after the one in force (started ${inForceLater.start}).`, { field: 'start' });
  }
  await withdrawScheduledChanges(em, clock, actor, person, group.start);
  const previous = await registrationBefore(em, person.id, group.start);
  const scheduled = group.start > day;
  if (previous) {
    previous.end = addDays(group.start, -1);
    if (!scheduled) await endReturnExpectation(em, clock, actor, person, previous.id, group.start);
  }
  // The close must reach the database before the insert: the one-open-per-person index checks each statement.
  await em.flush();
  const registration = em.create(ContactGroupRegistration, {
    id: registrationId,
    personId: person.id,
    contactGroupId: group.contactGroupId,
    start: group.start,
    end: null,
    recoveryCauseId: group.recoveryCauseId ?? null,
    registeredBy: `${actor.role}:${actor.authority}`,
    createdAt: clock.now(),
  });
  const payload: ContactGroupChangedPayload = {
    personId: person.id,
    registrationId,
    contactGroupId: group.contactGroupId,
    start: group.start,
    previousContactGroupId: previous?.contactGroupId ?? null,
    recoveryCauseId: group.recoveryCauseId ?? null,
  };
  await recordChange(em, clock, actor, {
    kind: scheduled ? PersonEvent.CONTACT_GROUP_CHANGE_SCHEDULED : PersonEvent.CONTACT_GROUP_CHANGED,
    person,
    entityType: REGISTRATION_ENTITY,
    entityId: registrationId,
    payload,
    effectiveDate: group.start,
    changes: [changed('contactGroup', previous?.contactGroupId, group.contactGroupId), changed('start', null, group.start), ...(group.recoveryCauseId ? [changed('recoveryCause', null, group.recoveryCauseId)] : [])],
  });
  if (scheduled) {
    const effect: ContactGroupEffectPayload = { ...payload, dimittendRegistrationId: group.dimittendRegistrationId ?? null };
    scheduleEffect(em, clock, { kind: CONTACT_GROUP_CHANGE_EFFECT, personId: person.id, entityType: REGISTRATION_ENTITY, entityId: registrationId, effectiveOn: group.start, payload: effect });
  }
  return registration;
}

/**
 * Withdraws the person's changes that are still pending (dated after today) and start on or after
 * `from`: their effects are cancelled, their registrations removed (they never were in force), and
 * each withdrawal is announced (CONTACT_GROUP_CHANGE_CANCELLED) and kept in the history. A pending
 * dimittend switch that is withdrawn takes its reported entitlement date with it.
 */
export async function withdrawScheduledChanges(em: EntityManager, clock: Clock, actor: Actor, person: Person, from: IsoDate): Promise<number> {
  const day = today(clock);
  const first = from > day ? from : addDays(day, 1);
  const pending = await em.find(ContactGroupRegistration, { personId: person.id, start: { $gte: first } }, { orderBy: { start: 'desc' } });
  for (const registration of pending) {
    const effects = await em.find(ScheduledEffect, { entityType: REGISTRATION_ENTITY, entityId: registration.id, effectedAt: null, cancelledAt: null });
    for (const effect of effects) {
      const dimittendId = (effect.payload as Partial<ContactGroupEffectPayload>).dimittendRegistrationId;
      const dimittend = dimittendId ? await em.findOne(JobSeekerRegistration, { id: dimittendId }) : null;
      if (dimittend && dimittend.dagpengeEntitlementDate === registration.start) {
        dimittend.dagpengeEntitlementDate = null;
        dimittend.updatedAt = clock.now();
      }
    }
    await cancelPendingEffects(em, clock, REGISTRATION_ENTITY, registration.id);
    const previous = await registrationBefore(em, person.id, registration.start);
    const payload = contactGroupPayload(registration, previous);
    await recordChange(em, clock, actor, {
      kind: PersonEvent.CONTACT_GROUP_CHANGE_CANCELLED,
      person,
      entityType: REGISTRATION_ENTITY,
      entityId: registration.id,
      payload,
      effectiveDate: registration.start,
      changes: [changed('contactGroup', registration.contactGroupId, previous?.contactGroupId), changed('start', registration.start, null)],
    });
    await em.nativeDelete(ContactGroupRegistration, { id: registration.id });
    em.getUnitOfWork().unsetIdentity(registration);
    // The group before runs on until another change closes it.
    if (previous) previous.end = null;
  }
  if (pending.length > 0) await em.flush();
  return pending.length;
}

/** Ends the sick registration's "back within week 13" metadata on a recovery in force on `recoveryDay` (002). */
export async function endReturnExpectation(em: EntityManager, clock: Clock, actor: Actor, person: Person, sickRegistrationId: string, recoveryDay: IsoDate): Promise<void> {
  const metadata = await em.findOne(SickLeaveReturnExpectation, { registrationId: sickRegistrationId, end: null });
  if (!metadata) return;
  const end = endOnRecovery(metadata, recoveryDay);
  if (end === null) return;
  metadata.end = end;
  metadata.endCause = 'RECOVERED';
  const payload: SickLeaveReturnExpectationPayload = {
    personId: person.id,
    expectationId: metadata.id,
    registrationId: metadata.registrationId,
    firstFollowUpMeeting: metadata.firstFollowUpMeeting,
    returnBy: metadata.returnBy,
    end,
    endCause: 'RECOVERED',
  };
  await recordChange(em, clock, actor, {
    kind: PersonCourseEvent.SICK_LEAVE_RETURN_EXPECTATION_ENDED,
    person,
    entityType: 'SickLeaveReturnExpectation',
    entityId: metadata.id,
    payload,
    effectiveDate: recoveryDay,
    changes: [changed('end', null, end), changed('endCause', null, 'RECOVERED')],
  });
}

/** The payload every contact-group event of a stored registration carries (scheduled, changed, cancelled). */
export function contactGroupPayload(registration: ContactGroupRegistration, previous: Pick<ContactGroupRegistration, 'contactGroupId'> | null): ContactGroupChangedPayload {
  return {
    personId: registration.personId,
    registrationId: registration.id,
    contactGroupId: registration.contactGroupId,
    start: registration.start,
    previousContactGroupId: previous?.contactGroupId ?? null,
    recoveryCauseId: registration.recoveryCauseId,
  };
}
