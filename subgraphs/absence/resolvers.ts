// Absence resolvers: parse → authorize → rule → persist (with its event, in one transaction).
import { absencesByTypeAndMonth } from './aggregates';
import { randomUUID } from 'node:crypto';
import { requireRole } from '../../core/authorize';
import { today, type IsoDate } from '../../core/dates';
import { DomainError, ErrorCode } from '../../core/errors';
import type { OutboxEvent } from '../../core/outbox';
import type { SubgraphContext } from '../../core/subgraph-server';
import { findPersonByCpr, type KnownPerson } from '../common/person-directory';
import { Absence } from './entities/Absence';
import type { AbsenceLoaders } from './loaders';
import { lockPerson, personAbsences, recordAbsenceEvent } from './persistence';
import {
  ABSENCE_TYPE_RULES,
  AbsenceErrorCode,
  absenceTypeById,
  authorizeFreeText,
  authorizeRead,
  authorizeWrite,
  displayName,
  displayStatus,
  exemptionsOn,
  isExemptFromJoblog,
  reactionFor,
  validateDeletion,
  validateRegistration,
  validateUpdate,
  type AbsenceTypeRule,
} from './rules';
import { AbsenceEvent, type AbsencePayload } from './events';

type Context = SubgraphContext<AbsenceLoaders>;

interface RegisterAbsenceInput {
  cpr: string;
  typeId: number;
  start: string;
  end?: string | null;
}

interface UpdateAbsenceInput {
  id: string;
  start?: string | null;
  end?: string | null;
}

/** What resolves a Person here: the reference, and the directory entry when this subgraph knows them. */
interface PersonRef {
  id: string;
}

const WRITERS = ['caseworker', 'akasse', 'system'] as const;

async function registerAbsence(ctx: Context, input: RegisterAbsenceInput): Promise<Absence> {
  requireRole(ctx.identity, ...WRITERS);
  const known = await findPersonByCpr(ctx.em, input.cpr);
  authorizeWrite(ctx.identity, known, absenceTypeById(input.typeId), today(ctx.clock));
  return ctx.em.transactional(async (em) => {
    // The person's row is the lock that makes "79 and 8 never overlap" hold under parallel requests.
    const person = await lockPerson(em, known.id);
    const type = validateRegistration({
      typeId: input.typeId,
      start: input.start,
      end: input.end ?? null,
      contactGroupId: person.contactGroupId,
      today: today(ctx.clock),
      existingAbsences: await personAbsences(em, person.id),
    });
    const now = ctx.clock.now();
    const absence = em.create(Absence, {
      id: randomUUID(),
      personId: person.id,
      typeId: type.id,
      start: input.start,
      end: input.end ?? null,
      status: 'ACTIVE',
      statusSince: null,
      registeredByRole: ctx.identity.role,
      registeredByAuthority: ctx.identity.authority,
      createdAt: now,
      updatedAt: now,
    });
    recordAbsenceEvent(em, ctx.clock, AbsenceEvent.ABSENCE_REGISTERED, absence, person);
    return absence;
  });
}

async function findAbsence(ctx: Context, id: string): Promise<{ absence: Absence; person: KnownPerson }> {
  const absence = await ctx.em.findOne(Absence, { id });
  const person = absence && (await ctx.loaders.knownPersonById.load(absence.personId));
  if (!absence || !person) throw new DomainError(AbsenceErrorCode.ABSENCE_NOT_FOUND, 'No absence with that id is registered in DFDG.');
  return { absence, person };
}

async function updateAbsence(ctx: Context, input: UpdateAbsenceInput): Promise<Absence> {
  requireRole(ctx.identity, ...WRITERS);
  if (input.start === null) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'An absence always has a start date; leave start out to keep it.', { field: 'start' });
  const found = await findAbsence(ctx, input.id);
  authorizeWrite(ctx.identity, found.person, absenceTypeById(found.absence.typeId), today(ctx.clock));
  return ctx.em.transactional(async (em) => {
    const person = await lockPerson(em, found.person.id);
    const absences = await personAbsences(em, person.id);
    const absence = absences.find((a) => a.id === input.id)!;
    const next = { start: input.start ?? absence.start, end: input.end === undefined ? absence.end : input.end };
    validateUpdate({ current: absence, next, today: today(ctx.clock), existingAbsences: absences });
    Object.assign(absence, { start: next.start, end: next.end, updatedAt: ctx.clock.now() });
    recordAbsenceEvent(em, ctx.clock, AbsenceEvent.ABSENCE_UPDATED, absence, person);
    return absence;
  });
}

async function deleteAbsence(ctx: Context, id: string, comment: string) {
  requireRole(ctx.identity, ...WRITERS);
  const found = await findAbsence(ctx, id);
  authorizeWrite(ctx.identity, found.person, absenceTypeById(found.absence.typeId), today(ctx.clock));
  return ctx.em.transactional(async (em) => {
    const person = await lockPerson(em, found.person.id);
    const absence = (await personAbsences(em, person.id)).find((a) => a.id === id)!;
    const decision = validateDeletion({ absence, comment, today: today(ctx.clock) });
    const now = ctx.clock.now();
    Object.assign(absence, { status: 'DELETED', deletedAt: now, deletedByAuthority: ctx.identity.authority, deletionComment: decision.comment, updatedAt: now });
    recordAbsenceEvent(em, ctx.clock, AbsenceEvent.ABSENCE_DELETED, absence, person, { reRegistrationRequired: decision.reRegistrationRequired });
    return {
      absence,
      reRegistered: false,
      reRegistrationRequired: decision.reRegistrationRequired,
      message: decision.reRegistrationRequired
        ? 'The person is NOT re-registered as a job seeker automatically: register them again if they should be.'
        : null,
    };
  });
}

/** The person's absences, after checking the caller may see them; [] for a person not known here. */
async function readableAbsences(person: PersonRef, ctx: Context): Promise<Absence[]> {
  const known = await ctx.loaders.knownPersonById.load(person.id);
  if (!known) return [];
  authorizeRead(ctx.identity, known, today(ctx.clock));
  return ctx.loaders.absencesByPerson.load(person.id);
}

function dayOrToday(on: IsoDate | null | undefined, ctx: Context): IsoDate {
  return on ?? today(ctx.clock);
}

export const resolvers = {
  Query: {
    absenceTypes: () => ABSENCE_TYPE_RULES,
    absencesByTypeAndMonth: (_: unknown, args: { from: string; to: string; municipalityCode?: string | null }, ctx: Context) => absencesByTypeAndMonth(ctx, args),
  },
  Mutation: {
    registerAbsence: (_: unknown, args: { input: RegisterAbsenceInput }, ctx: Context) => registerAbsence(ctx, args.input),
    updateAbsence: (_: unknown, args: { input: UpdateAbsenceInput }, ctx: Context) => updateAbsence(ctx, args.input),
    deleteAbsence: (_: unknown, args: { id: string; comment: string }, ctx: Context) => deleteAbsence(ctx, args.id, args.comment),
  },
  Person: {
    __resolveReference: (ref: PersonRef): PersonRef => ({ id: ref.id }),
    absences: async (person: PersonRef, args: { includeDeleted: boolean }, ctx: Context) => {
      const absences = await readableAbsences(person, ctx);
      return args.includeDeleted ? absences : absences.filter((a) => a.status !== 'DELETED');
    },
    exemptions: async (person: PersonRef, args: { on?: IsoDate | null }, ctx: Context) => exemptionsOn(await readableAbsences(person, ctx), dayOrToday(args.on, ctx)),
    exemptFromJoblog: async (person: PersonRef, args: { on?: IsoDate | null }, ctx: Context) => isExemptFromJoblog(await readableAbsences(person, ctx), dayOrToday(args.on, ctx)),
  },
  AbsenceType: {
    displayName: (type: AbsenceTypeRule) => displayName(type),
    maxDurationWeeks: (type: AbsenceTypeRule) => type.maxDuration?.weeks ?? null,
    maxDurationYears: (type: AbsenceTypeRule) => type.maxDuration?.years ?? null,
    onContactGroupChange: (type: AbsenceTypeRule, args: { contactGroupId: number }) => reactionFor(type.id, args.contactGroupId),
  },
  Absence: {
    type: (absence: Absence) => absenceTypeById(absence.typeId),
    status: (absence: Absence, _: unknown, ctx: Context) => displayStatus(absence, today(ctx.clock)),
    person: (absence: Absence) => ({ __typename: 'Person', id: absence.personId }),
    registeredBy: (absence: Absence) => absence.registeredByAuthority,
    deletionComment: (absence: Absence, _: unknown, ctx: Context) => {
      authorizeFreeText(ctx.identity);
      return absence.deletionComment;
    },
    history: (absence: Absence, _: unknown, ctx: Context) => ctx.loaders.historyByAbsence.load(absence.id),
  },
  AbsenceChange: {
    start: (event: OutboxEvent) => (event.payload as unknown as AbsencePayload).start,
    end: (event: OutboxEvent) => (event.payload as unknown as AbsencePayload).end,
    status: (event: OutboxEvent) => (event.payload as unknown as AbsencePayload).status,
  },
};
