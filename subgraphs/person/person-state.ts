// What every write of the person subgraph shares: loading a person with the authorities that act
// for them, writing a change as its outbox event plus its history row (one unit of work), opening a
// contact group, and recomputing the CV requirement at once after any change that can move it.
import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock';
import { addDays, today, type IsoDate } from '../../core/dates';
import { DomainError, ErrorCode } from '../../core/errors';
import type { EventAuthorities } from '../../core/events';
import type { Identity } from '../../core/identity';
import { recordEvent } from '../../core/outbox';
import { parseCpr } from '../common/cpr';
import { akasseReads, isCurrentAkasse } from '../common/akasse-access';
import { addressEvent, type PersonEventKind } from './dispatch';
import { AkasseMembership } from './entities/AkasseMembership';
import { ContactGroupRegistration } from './entities/ContactGroupRegistration';
import { JobSeekerRegistration } from './entities/JobSeekerRegistration';
import { KnownAbsence } from './entities/KnownAbsence';
import { Person } from './entities/Person';
import type { HistoryChange } from './entities/PersonHistoryEntry';
import { PersonHistoryEntry } from './entities/PersonHistoryEntry';
import { SickLeaveReturnExpectation } from './entities/SickLeaveReturnExpectation';
import { PersonCourseEvent, PersonEvent, type ContactGroupChangedPayload, type CvRequirementChangedPayload, type SickLeaveReturnExpectationPayload } from './events';
import { deriveCvRequirement, endOnRecovery, isRegistered, PersonErrorCode, type CvRequirement, type PersonAuthorities } from './rules';

/** Who made a change, as the history shows it. Jobs and event reactions act as the system. */
export interface Actor {
  role: string;
  authority: string;
  subject: string;
}

export function actorFrom(identity: Identity): Actor {
  return { role: identity.role, authority: identity.authority, subject: identity.subject };
}

export const systemActor = (subject: string): Actor => ({ role: 'system', authority: 'STAR', subject });

export async function personByCpr(em: EntityManager, cpr: string): Promise<Person> {
  const person = await em.findOne(Person, { cpr: parseCpr(cpr) });
  if (!person) throw new DomainError(ErrorCode.PERSON_NOT_FOUND, 'No person with that CPR number is registered in DFDG.');
  return person;
}

/**
 * Re-reads the person inside a write transaction; on PostgreSQL the row is locked FOR UPDATE so the
 * writers of one person queue and each sees what the previous one committed (SQLite has one writer).
 */
export async function lockPerson(em: EntityManager, personId: string): Promise<Person> {
  const lockMode = em.getDriver() instanceof PostgreSqlDriver ? LockMode.PESSIMISTIC_WRITE : undefined;
  return em.findOneOrFail(Person, { id: personId }, { lockMode, refresh: true });
}

function inForce(membership: AkasseMembership, day: IsoDate): boolean {
  return membership.start <= day && (membership.end === null || membership.end >= day);
}

export async function membershipsOf(em: EntityManager, personId: string): Promise<AkasseMembership[]> {
  return em.find(AkasseMembership, { personId });
}

export function authoritiesOf(person: Person, memberships: readonly AkasseMembership[], day: IsoDate): PersonAuthorities {
  const inRegister = [...new Set(memberships.map((m) => m.akasse))].sort();
  return {
    municipalityCode: person.municipalityCode,
    akasser: inRegister.filter((akasse) => akasseReads(memberships, akasse, day)),
    currentAkasser: inRegister.filter((akasse) => isCurrentAkasse(memberships, akasse, day)),
  };
}

export async function loadAuthorities(em: EntityManager, person: Person, clock: Clock): Promise<PersonAuthorities> {
  return authoritiesOf(person, await membershipsOf(em, person.id), today(clock));
}

export function hasMembershipOn(memberships: readonly AkasseMembership[], day: IsoDate, akasse?: string): boolean {
  return memberships.some((m) => inForce(m, day) && (akasse === undefined || m.akasse === akasse));
}

export interface Change {
  kind: PersonEventKind;
  person: Person;
  entityType: string;
  entityId: string;
  payload: object;
  /** What changed, for Person.history. */
  changes: HistoryChange[];
  /**
   * Authorities named by the change itself. With `withoutPerson`, ONLY these hear it (meeting
   * events address their own recipients); otherwise they add to the kind's dispatch rule.
   */
  named?: EventAuthorities;
  withoutPerson?: boolean;
}

/** Queues the change's outbox event and its history row in the caller's unit of work. */
export async function recordChange(em: EntityManager, clock: Clock, actor: Actor, change: Change): Promise<void> {
  const akasser = change.withoutPerson ? [] : (await membershipsOf(em, change.person.id)).map((m) => m.akasse);
  const dispatchPerson = change.withoutPerson ? null : { municipalityCode: change.person.municipalityCode, akasser };
  recordEvent(em, clock, {
    kind: change.kind,
    personId: change.person.id,
    entityType: change.entityType,
    entityId: change.entityId,
    authorities: addressEvent(change.kind, dispatchPerson, change.named ?? {}),
    payload: change.payload as Record<string, unknown>,
  });
  em.create(PersonHistoryEntry, {
    personId: change.person.id,
    at: clock.now(),
    action: change.kind,
    entityType: change.entityType,
    entityId: change.entityId,
    actorRole: actor.role,
    actorAuthority: actor.authority,
    actorSubject: actor.subject.slice(0, 200),
    changes: change.changes,
  });
}

export const changed = (field: string, from: unknown, to: unknown): HistoryChange => ({
  field,
  from: from === null || from === undefined ? null : String(from),
  to: to === null || to === undefined ? null : String(to),
});

export async function openRegistrationOf(em: EntityManager, personId: string): Promise<ContactGroupRegistration | null> {
  return em.findOne(ContactGroupRegistration, { personId, end: null });
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

export interface CvFacts {
  registrations: readonly ContactGroupRegistration[];
  jobSeekerRegistrations: readonly JobSeekerRegistration[];
  absences: readonly KnownAbsence[];
}

/** The requirement today from what the person subgraph knows. */
export function cvRequirementFrom(facts: CvFacts, day: IsoDate): CvRequirement {
  const open = facts.registrations.find((r) => r.end === null) ?? null;
  return deriveCvRequirement({
    contactGroupId: open?.contactGroupId ?? null,
    registered: isRegistered(facts.jobSeekerRegistrations, open !== null),
    absences: facts.absences,
    today: day,
  });
}

/**
 * Recomputes the CV requirement and announces a change at once (001 §3.1: the old batch lag was a
 * bug). Called in the transaction of every change that can move it.
 */
export async function refreshCvRequirement(em: EntityManager, clock: Clock, actor: Actor, person: Person): Promise<void> {
  await em.flush();
  const facts: CvFacts = {
    registrations: await em.find(ContactGroupRegistration, { personId: person.id }),
    jobSeekerRegistrations: await em.find(JobSeekerRegistration, { personId: person.id }),
    absences: await em.find(KnownAbsence, { personId: person.id }),
  };
  const requirement = cvRequirementFrom(facts, today(clock));
  if (requirement === person.announcedCvRequirement) return;
  const payload: CvRequirementChangedPayload = { personId: person.id, cvRequirement: requirement, previousCvRequirement: person.announcedCvRequirement };
  await recordChange(em, clock, actor, {
    kind: PersonCourseEvent.CV_REQUIREMENT_CHANGED,
    person,
    entityType: 'Person',
    entityId: person.id,
    payload,
    changes: [changed('cvRequirement', person.announcedCvRequirement, requirement)],
  });
  person.announcedCvRequirement = requirement;
}

/**
 * Runs a write and turns a unique-index violation (the database's "at most one") into the domain
 * error the rule stands for, so a request that lost a race gets the same answer as a late one.
 */
export async function uniquely<T>(write: () => Promise<T>, onViolation: () => DomainError): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw onViolation();
    throw error;
  }
}
