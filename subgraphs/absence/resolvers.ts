// Absence resolvers: the resolver map. Mutations delegate to mutations/absences.ts (parse →
// authorize → rule → persist, with the event, in one transaction); reads authorize per person here,
// on today's facts, and answer as of the operation's day (readDay: today, or person(asOf:)'s day).
import { today, type IsoDate } from '../../core/dates';
import type { OutboxEvent } from '../../core/outbox';
import type { SubgraphContext } from '../../core/subgraph-server';
import { readDay } from '../../core/valid-time';
import { absencesByTypeAndMonth } from './aggregates';
import type { Absence } from './entities/Absence';
import { absenceAfter, type AbsenceLoaders } from './loaders';
import { deleteAbsence, registerAbsence, updateAbsence, type RegisterAbsenceInput, type UpdateAbsenceInput } from './mutations/absences';
import {
  ABSENCE_TYPE_RULES,
  absenceTypeById,
  authorizeFreeText,
  authorizeRead,
  displayName,
  displayStatus,
  exemptionsOn,
  isExemptFromJoblog,
  reactionFor,
  storedReactions,
  storedRowAnswers,
  type AbsenceTypeRule,
  type ReactionsOf,
  type StatusChange,
} from './rules';

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

/**
 * The reactions to read absences by on `day`. The stored row answers for any day on or after its
 * last reaction (every read of today, at no extra cost); for an earlier day the absence's history
 * is read, so a hold or an end dated after the day does not show, and a lifted hold does.
 */
async function reactionsOn(absences: readonly Absence[], day: IsoDate, ctx: Context): Promise<ReactionsOf> {
  const earlier = absences.filter((a) => !storedRowAnswers(a, day));
  if (earlier.length === 0) return storedReactions;
  const loaded = await Promise.all(earlier.map((a) => ctx.loaders.reactionsByAbsence.load(a.id)));
  const histories = new Map<string, StatusChange[]>(earlier.map((a, i) => [a.id, [...loaded[i], ...storedReactions(a)]]));
  return (absence) => histories.get(absence.id) ?? storedReactions(absence);
}

async function statusOn(absence: Absence, ctx: Context) {
  const day = readDay(ctx);
  return displayStatus(absence, day, (await reactionsOn([absence], day, ctx))(absence));
}

/** The person's exemptions on the day asked (`on`), else the operation's day. */
async function exemptionsFor(person: PersonRef, on: IsoDate | null | undefined, ctx: Context) {
  const absences = await readableAbsences(person, ctx);
  const day = on ?? readDay(ctx);
  return { absences, day, reactionsOf: await reactionsOn(absences, day, ctx) };
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
    exemptions: async (person: PersonRef, args: { on?: IsoDate | null }, ctx: Context) => {
      const { absences, day, reactionsOf } = await exemptionsFor(person, args.on, ctx);
      return exemptionsOn(absences, day, reactionsOf);
    },
    exemptFromJoblog: async (person: PersonRef, args: { on?: IsoDate | null }, ctx: Context) => {
      const { absences, day, reactionsOf } = await exemptionsFor(person, args.on, ctx);
      return isExemptFromJoblog(absences, day, reactionsOf);
    },
  },
  AbsenceType: {
    displayName: (type: AbsenceTypeRule) => displayName(type),
    maxDurationWeeks: (type: AbsenceTypeRule) => type.maxDuration?.weeks ?? null,
    maxDurationYears: (type: AbsenceTypeRule) => type.maxDuration?.years ?? null,
    onContactGroupChange: (type: AbsenceTypeRule, args: { contactGroupId: number }) => reactionFor(type.id, args.contactGroupId),
  },
  Absence: {
    type: (absence: Absence) => absenceTypeById(absence.typeId),
    status: (absence: Absence, _: unknown, ctx: Context) => statusOn(absence, ctx),
    person: (absence: Absence) => ({ __typename: 'Person', id: absence.personId }),
    registeredBy: (absence: Absence) => absence.registeredByAuthority,
    deletionComment: (absence: Absence, _: unknown, ctx: Context) => {
      authorizeFreeText(ctx.identity);
      return absence.deletionComment;
    },
    history: (absence: Absence, _: unknown, ctx: Context) => ctx.loaders.historyByAbsence.load(absence.id),
  },
  AbsenceChange: {
    recordedAt: (event: OutboxEvent) => event.occurredAt,
    effectiveDate: (event: OutboxEvent) => event.effectiveDate ?? null,
    start: (event: OutboxEvent) => absenceAfter(event).start,
    end: (event: OutboxEvent) => absenceAfter(event).end,
    status: (event: OutboxEvent) => absenceAfter(event).status,
  },
};
