// Absence resolvers: the resolver map. Mutations delegate to mutations/absences.ts (parse →
// authorize → rule → persist, with the event, in one transaction); reads authorize per person here.
import { today, type IsoDate } from '../../core/dates';
import type { OutboxEvent } from '../../core/outbox';
import type { SubgraphContext } from '../../core/subgraph-server';
import { absencesByTypeAndMonth } from './aggregates';
import type { Absence } from './entities/Absence';
import type { AbsencePayload } from './events';
import type { AbsenceLoaders } from './loaders';
import { deleteAbsence, registerAbsence, updateAbsence, type RegisterAbsenceInput, type UpdateAbsenceInput } from './mutations/absences';
import { ABSENCE_TYPE_RULES, absenceTypeById, authorizeFreeText, authorizeRead, displayName, displayStatus, exemptionsOn, isExemptFromJoblog, reactionFor, type AbsenceTypeRule } from './rules';

type Context = SubgraphContext<AbsenceLoaders>;

/** What resolves a Person here: the reference, and the directory entry when this subgraph knows them. */
interface PersonRef {
  id: string;
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

/**
 * The absence as a history row left it. The outbox stores every payload as a JSON record; each row
 * of an absence was written by recordAbsenceEvent (writes.ts) with an AbsencePayload, so this one
 * read of a stored row says so.
 */
function absenceAfter(event: OutboxEvent): AbsencePayload {
  return event.payload as unknown as AbsencePayload;
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
    start: (event: OutboxEvent) => absenceAfter(event).start,
    end: (event: OutboxEvent) => absenceAfter(event).end,
    status: (event: OutboxEvent) => absenceAfter(event).status,
  },
};
