// Contact groups: changeContactGroup, where a caseworker system (or an a-kasse for dagpenge/'Uden
// ydelse', e.g. on a recovery it reports) opens the next contact group, and openContactGroup, the
// step it shares with registration as a job seeker: close the open group the day before and open
// the next, with its event.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../../core/clock';
import { addDays, type IsoDate } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import type { SubgraphContext } from '../../../core/subgraph-server';
import { uniquely } from '../../../core/write-path';
import { loadAuthorities } from '../authorities';
import { refreshCvRequirement } from '../current-cv-requirement';
import { ContactGroupRegistration } from '../entities/ContactGroupRegistration';
import type { Person } from '../entities/Person';
import { SickLeaveReturnExpectation } from '../entities/SickLeaveReturnExpectation';
import { PersonCourseEvent, PersonEvent, type ContactGroupChangedPayload, type SickLeaveReturnExpectationPayload } from '../events';
import type { PersonLoaders } from '../loaders';
import { openRegistrationOf, personByCpr } from '../person-lookup';
import { AKASSE_CONTACT_GROUPS, authorizeWrite, contactGroup, endOnRecovery, nextContactGroup, PersonErrorCode } from '../rules';
import { actorFrom, changed, lockPerson, recordChange, type Actor } from '../writes';

type Context = SubgraphContext<PersonLoaders>;

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
  const found = await personByCpr(ctx.em, input.cpr);
  authorizeWrite(ctx.identity, await loadAuthorities(ctx.em, found, ctx.clock), ['caseworker', 'akasse', 'system']);
  const actor = actorFrom(ctx.identity);
  return uniquely(
    () =>
      ctx.em.transactional(async (em) => {
        const person = await lockPerson(em, found.id);
        const open = await openRegistrationOf(em, person.id);
        const groupId = nextContactGroup({ requestedGroupId: input.contactGroupId, openGroupId: open?.contactGroupId ?? null, recoveryCauseId: input.recoveryCauseId ?? null });
        if (ctx.identity.role === 'akasse' && !AKASSE_CONTACT_GROUPS.has(groupId)) {
          throw new DomainError(PersonErrorCode.CONTACT_GROUP_NOT_ALLOWED_FOR_AKASSE, 'An a-kasse can register its members in dagpenge (1) or Uden ydelse only; the jobcentre registers other groups.', { contactGroupId: groupId });
        }
        const registration = await openContactGroup(em, ctx.clock, actor, person, {
          contactGroupId: groupId,
          start: input.start,
          registrationId: input.registrationId,
          recoveryCauseId: input.recoveryCauseId,
        });
        await refreshCvRequirement(em, ctx.clock, actor, person);
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
}

/**
 * Closes the open contact group the day before `start` and opens the new one, with its event. A
 * registration id that belongs to another registration is refused (001 §1.5). Leaving a sick group
 * ends its "back within week 13" metadata when the recovery comes first (002).
 */
export async function openContactGroup(em: EntityManager, clock: Clock, actor: Actor, person: Person, group: OpenGroup): Promise<ContactGroupRegistration> {
  const registrationId = group.registrationId ?? randomUUID();
  if (await em.findOne(ContactGroupRegistration, { id: registrationId })) {
    // 001 §1.5: re-using the sick group's id when reporting recovery left group 25 open beside group 1.
    throw new DomainError(PersonErrorCode.REGISTRATION_ID_BELONGS_TO_ANOTHER_REGISTRATION, 'That registration id belongs to another contact-group registration; send a new GUID or none.', { registrationId });
  }
  const open = await openRegistrationOf(em, person.id);
  if (open && group.start <= open.start) {
    throw new DomainError(ErrorCode.INVALID_DATE_RANGE, `The new contact group must start after the open one (started ${open.start}).`, { field: 'start' });
  }
  if (open) {
    open.end = addDays(group.start, -1);
    await endReturnExpectation(em, clock, actor, person, open.id, group.start);
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
    previousContactGroupId: open?.contactGroupId ?? null,
    recoveryCauseId: group.recoveryCauseId ?? null,
  };
  await recordChange(em, clock, actor, {
    kind: PersonEvent.CONTACT_GROUP_CHANGED,
    person,
    entityType: 'ContactGroupRegistration',
    entityId: registrationId,
    payload,
    changes: [changed('contactGroup', open?.contactGroupId, group.contactGroupId), changed('start', null, group.start), ...(group.recoveryCauseId ? [changed('recoveryCause', null, group.recoveryCauseId)] : [])],
  });
  return registration;
}

async function endReturnExpectation(em: EntityManager, clock: Clock, actor: Actor, person: Person, sickRegistrationId: string, recoveryDay: IsoDate): Promise<void> {
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
    changes: [changed('end', null, end), changed('endCause', null, 'RECOVERED')],
  });
}
