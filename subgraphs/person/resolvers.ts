// Person resolvers: parse → authorize → rule → persist (with its event, in one transaction).
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { requireRole, forbidden } from '../../core/authorize';
import { DomainError, ErrorCode } from '../../core/errors';
import { addDays } from '../../core/dates';
import { recordEvent } from '../../core/outbox';
import type { SubgraphContext } from '../../core/subgraph-server';
import type { Identity } from '../../core/identity';
import { parseCpr, maskCpr } from '../common/cpr';
import { addressEvent } from '../common/dispatch-rules';
import { Person } from './entities/Person';
import { ContactGroupRegistration } from './entities/ContactGroupRegistration';
import { PersonEvent, type ContactGroupChangedPayload, type PersonUpsertedPayload } from './events';
import type { PersonLoaders } from './loaders';
import { contactGroup, CONTACT_GROUPS, deriveCvRequirement } from './rules';

type Context = SubgraphContext<PersonLoaders>;

interface UpsertPersonInput {
  cpr: string;
  name: string;
  municipalityCode: string;
}

interface ChangeContactGroupInput {
  cpr: string;
  contactGroupId: number;
  start: string;
  registrationId?: string | null;
  recoveryCauseId?: number | null;
}

const MUNICIPALITY = /^\d{3}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function personByCpr(ctx: Context, cpr: string): Promise<Person> {
  const person = await ctx.em.findOne(Person, { cpr: parseCpr(cpr) });
  if (!person) throw new DomainError(ErrorCode.PERSON_NOT_FOUND, 'No person with that CPR number is registered in DFDG.');
  return person;
}

/** Caseworkers change contact groups for their own jobcentre's persons; the system role for repairs. */
function authorizeContactGroupChange(identity: Identity, person: Person): void {
  requireRole(identity, 'caseworker', 'system');
  if (identity.role === 'caseworker' && identity.authority !== person.municipalityCode) {
    throw forbidden(`Only jobcentre ${person.municipalityCode} can change this person's contact group.`);
  }
}

function validateUpsert(input: UpsertPersonInput): UpsertPersonInput {
  const name = input.name.trim();
  if (!name || name.length > 200) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'A name of 1 to 200 characters is required.', { field: 'name' });
  }
  if (!MUNICIPALITY.test(input.municipalityCode)) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'The municipality code is 3 digits, e.g. 101 for København.', { field: 'municipalityCode' });
  }
  return { cpr: parseCpr(input.cpr), name, municipalityCode: input.municipalityCode };
}

async function upsertPerson(ctx: Context, input: UpsertPersonInput): Promise<Person> {
  return ctx.em.transactional(async (em) => {
    const now = ctx.clock.now();
    let person = await em.findOne(Person, { cpr: input.cpr });
    const previousMunicipalityCode = person && person.municipalityCode !== input.municipalityCode ? person.municipalityCode : null;
    if (person && person.name === input.name && person.municipalityCode === input.municipalityCode) return person;
    if (!person) {
      person = em.create(Person, { id: randomUUID(), cpr: input.cpr, name: input.name, municipalityCode: input.municipalityCode, createdAt: now, updatedAt: now });
    } else {
      Object.assign(person, { name: input.name, municipalityCode: input.municipalityCode, updatedAt: now });
    }
    const payload: PersonUpsertedPayload = { personId: person.id, cpr: person.cpr, municipalityCode: person.municipalityCode, previousMunicipalityCode };
    recordEvent(em, ctx.clock, {
      kind: PersonEvent.PERSON_UPSERTED,
      personId: person.id,
      entityType: 'Person',
      entityId: person.id,
      authorities: addressEvent(PersonEvent.PERSON_UPSERTED, { municipalityCode: person.municipalityCode, akasser: [] }, {
        jobcentres: previousMunicipalityCode ? [previousMunicipalityCode] : [],
      }),
      payload: payload as unknown as Record<string, unknown>,
    });
    return person;
  });
}

async function changeContactGroup(ctx: Context, input: ChangeContactGroupInput): Promise<ContactGroupRegistration> {
  const group = contactGroup(input.contactGroupId);
  if (input.registrationId != null && !GUID.test(input.registrationId)) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'registrationId must be a GUID.', { field: 'registrationId' });
  }
  const person = await personByCpr(ctx, input.cpr);
  authorizeContactGroupChange(ctx.identity, person);
  return ctx.em.transactional(async (em) => {
    const registrationId = input.registrationId ?? randomUUID();
    const clash = await em.findOne(ContactGroupRegistration, { id: registrationId });
    if (clash) {
      // 001 §1.5: re-using the sick group's id when reporting recovery left group 25 open beside group 1.
      throw new DomainError('REGISTRATION_ID_BELONGS_TO_ANOTHER_REGISTRATION', 'That registration id belongs to another contact-group registration; send a new GUID or none.', { registrationId });
    }
    const open = await em.findOne(ContactGroupRegistration, { personId: person.id, end: null });
    if (open && input.start <= open.start) {
      throw new DomainError(ErrorCode.INVALID_DATE_RANGE, `The new contact group must start after the open one (started ${open.start}).`, { field: 'start' });
    }
    if (open) open.end = addDays(input.start, -1);
    // The close must reach the database before the insert: the one-open-per-person index checks each statement.
    await em.flush();
    const registration = em.create(ContactGroupRegistration, {
      id: registrationId,
      personId: person.id,
      contactGroupId: group.id,
      start: input.start,
      end: null,
      recoveryCauseId: input.recoveryCauseId ?? null,
      registeredBy: `${ctx.identity.role}:${ctx.identity.authority}`,
      createdAt: ctx.clock.now(),
    });
    const payload: ContactGroupChangedPayload = {
      personId: person.id,
      registrationId,
      contactGroupId: group.id,
      start: input.start,
      previousContactGroupId: open?.contactGroupId ?? null,
      recoveryCauseId: input.recoveryCauseId ?? null,
    };
    recordEvent(em, ctx.clock, {
      kind: PersonEvent.CONTACT_GROUP_CHANGED,
      personId: person.id,
      entityType: 'ContactGroupRegistration',
      entityId: registrationId,
      // The person's a-kasser are added when person learns memberships (issue 3).
      authorities: addressEvent(PersonEvent.CONTACT_GROUP_CHANGED, { municipalityCode: person.municipalityCode, akasser: [] }),
      payload: payload as unknown as Record<string, unknown>,
    });
    return registration;
  });
}

/** Parallel upserts of the same new CPR: one inserts, the other finds it and updates. */
async function upsertPersonRetrying(ctx: Context, input: UpsertPersonInput): Promise<Person> {
  try {
    return await upsertPerson(ctx, input);
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    ctx.em.clear();
    return upsertPerson(ctx, input);
  }
}

function openRegistration(registrations: ContactGroupRegistration[]): ContactGroupRegistration | null {
  return registrations.find((r) => r.end === null) ?? null;
}

export const resolvers = {
  Query: {
    person: async (_: unknown, args: { cpr: string }, ctx: Context) => ctx.em.findOne(Person, { cpr: parseCpr(args.cpr) }),
    contactGroups: () => CONTACT_GROUPS,
  },
  Mutation: {
    upsertPerson: async (_: unknown, args: { input: UpsertPersonInput }, ctx: Context) => {
      requireRole(ctx.identity, 'system');
      return upsertPersonRetrying(ctx, validateUpsert(args.input));
    },
    changeContactGroup: (_: unknown, args: { input: ChangeContactGroupInput }, ctx: Context) => changeContactGroup(ctx, args.input),
  },
  Person: {
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.personById.load(ref.id),
    cpr: (person: Person, _: unknown, ctx: Context) => (ctx.identity.role === 'analyst' ? maskCpr(person.cpr) : person.cpr),
    contactGroup: async (person: Person, _: unknown, ctx: Context) =>
      openRegistration(await ctx.loaders.registrationsByPerson.load(person.id)),
    contactGroupHistory: (person: Person, _: unknown, ctx: Context) => ctx.loaders.registrationsByPerson.load(person.id),
    cvRequirement: async (person: Person, _: unknown, ctx: Context) => {
      const open = openRegistration(await ctx.loaders.registrationsByPerson.load(person.id));
      return deriveCvRequirement({ contactGroupId: open?.contactGroupId ?? null, registered: open !== null, exemptions: new Set() });
    },
  },
  ContactGroupRegistration: {
    contactGroup: (registration: ContactGroupRegistration) => contactGroup(registration.contactGroupId),
  },
};
