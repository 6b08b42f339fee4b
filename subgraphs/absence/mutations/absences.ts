// Registering, updating and deleting absences: parse → authorize → rule → persist, each change and
// its event in one transaction under the person's lock (../writes.ts). Rules are checked on the
// absence's own dates against the person's dated contact groups; dates that reach over a change of
// group already in force get its hold/end rules at once; events of a change that reaches back carry
// the first day it touches as their effectiveDate.
import { randomUUID } from 'node:crypto';
import { requireRole } from '../../../core/authorize';
import { today } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import type { SubgraphContext } from '../../../core/subgraph-server';
import { findPersonByCpr, type KnownPerson } from '../../common/person-directory';
import { Absence } from '../entities/Absence';
import { AbsenceEvent } from '../events';
import type { AbsenceLoaders } from '../loaders';
import { AbsenceErrorCode, absenceTypeById, authorizeWrite, firstDayChanged, validateDeletion, validateRegistration, validateUpdate } from '../rules';
import { applyMissedReactions, lockPerson, personAbsences, recordAbsenceEvent } from '../writes';

type Context = SubgraphContext<AbsenceLoaders>;

export interface RegisterAbsenceInput {
  cpr: string;
  typeId: number;
  start: string;
  end?: string | null;
}

export interface UpdateAbsenceInput {
  id: string;
  start?: string | null;
  end?: string | null;
}

const WRITERS = ['caseworker', 'akasse', 'system'] as const;

export async function registerAbsence(ctx: Context, input: RegisterAbsenceInput): Promise<Absence> {
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
      contactGroups: person,
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
    recordAbsenceEvent(em, ctx.clock, AbsenceEvent.ABSENCE_REGISTERED, absence, person, {}, firstDayChanged(null, absence, today(ctx.clock)));
    applyMissedReactions(em, ctx.clock, absence, person);
    return absence;
  });
}

async function findAbsence(ctx: Context, id: string): Promise<{ absence: Absence; person: KnownPerson }> {
  const absence = await ctx.em.findOne(Absence, { id });
  const person = absence && (await ctx.loaders.knownPersonById.load(absence.personId));
  if (!absence || !person) throw new DomainError(AbsenceErrorCode.ABSENCE_NOT_FOUND, 'No absence with that id is registered in DFDG.');
  return { absence, person };
}

export async function updateAbsence(ctx: Context, input: UpdateAbsenceInput): Promise<Absence> {
  requireRole(ctx.identity, ...WRITERS);
  if (input.start === null) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'An absence always has a start date; leave start out to keep it.', { field: 'start' });
  const found = await findAbsence(ctx, input.id);
  authorizeWrite(ctx.identity, found.person, absenceTypeById(found.absence.typeId), today(ctx.clock));
  return ctx.em.transactional(async (em) => {
    const person = await lockPerson(em, found.person.id);
    const absences = await personAbsences(em, person.id);
    const absence = absences.find((a) => a.id === input.id)!;
    const next = { start: input.start ?? absence.start, end: input.end === undefined ? absence.end : input.end };
    validateUpdate({ current: absence, next, contactGroups: person, today: today(ctx.clock), existingAbsences: absences });
    const before = { start: absence.start, end: absence.end };
    Object.assign(absence, { start: next.start, end: next.end, updatedAt: ctx.clock.now() });
    recordAbsenceEvent(em, ctx.clock, AbsenceEvent.ABSENCE_UPDATED, absence, person, {}, firstDayChanged(before, next, today(ctx.clock)));
    applyMissedReactions(em, ctx.clock, absence, person);
    return absence;
  });
}

export async function deleteAbsence(ctx: Context, id: string, comment: string) {
  requireRole(ctx.identity, ...WRITERS);
  const found = await findAbsence(ctx, id);
  authorizeWrite(ctx.identity, found.person, absenceTypeById(found.absence.typeId), today(ctx.clock));
  return ctx.em.transactional(async (em) => {
    const person = await lockPerson(em, found.person.id);
    const absence = (await personAbsences(em, person.id)).find((a) => a.id === id)!;
    const decision = validateDeletion({ absence, comment, today: today(ctx.clock) });
    const now = ctx.clock.now();
    Object.assign(absence, { status: 'DELETED', deletedAt: now, deletedByAuthority: ctx.identity.authority, deletionComment: decision.comment, updatedAt: now });
    recordAbsenceEvent(em, ctx.clock, AbsenceEvent.ABSENCE_DELETED, absence, person, { reRegistrationRequired: decision.reRegistrationRequired }, firstDayChanged(absence, null, today(ctx.clock)));
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
