// Payment resolvers: the resolver map. Mutations delegate to mutations/memberships.ts and
// mutations/eea-periods.ts (parse → authorize → rule → persist, with the event, in one
// transaction); reads authorize per person here, on today's facts, and answer for readDay(ctx):
// today, or the asOf of person(cpr:, asOf:).
import { today, type IsoDate } from '../../core/dates';
import type { SubgraphContext } from '../../core/subgraph-server';
import { readDay } from '../../core/valid-time';
import type { KnownPerson } from '../common/person-directory';
import type { AkasseMembership } from './entities/AkasseMembership';
import { EeaBenefitPeriod } from './entities/EeaBenefitPeriod';
import { deleteEeaBenefitPeriod, interruptEeaBenefitPeriod, reportEeaBenefitPeriod, updateEeaBenefitPeriod, type InterruptInput, type ReportInput, type UpdateInput } from './mutations/eea-periods';
import type { PaymentLoaders } from './loaders';
import { endAkasseMembership, registerAkasseMembership, type EndMembershipInput, type MembershipInput } from './mutations/memberships';
import {
  EEA_COUNTRIES,
  INTERRUPTION_CAUSES,
  authorizePeriodLookup,
  authorizeRead,
  coverageEnd,
  coverageWindow,
  eeaCoverageByWeek,
  interruptionCause,
  membershipInForceOn,
  membershipOn,
  membershipScheduledOn,
  periodInForceOn,
  periodScheduledOn,
  visibleMemberships,
  visiblePeriods,
} from './rules';

type Context = SubgraphContext<PaymentLoaders>;

/** A Person as this subgraph resolves it: the reference and its directory entry (null if unknown here). */
interface PersonRef {
  id: string;
  known?: KnownPerson | null;
}

interface ReadablePerson {
  memberships: AkasseMembership[];
  periods: () => Promise<EeaBenefitPeriod[]>;
}

/**
 * The person's register after checking the caller may read it, narrowed to what it may see (a
 * former a-kasse: its own memberships and the periods within them); null for a person the CPR feed
 * has not delivered here yet (nothing of theirs can be stored). Loaders batch N persons into one query.
 */
async function readable(person: PersonRef, ctx: Context): Promise<ReadablePerson | null> {
  const [known, memberships] = await Promise.all([person.known === undefined ? ctx.loaders.knownPersonById.load(person.id) : person.known, ctx.loaders.membershipsByPerson.load(person.id)]);
  if (!known) return null;
  const scope = authorizeRead(ctx.identity, { municipalityCode: known.municipalityCode, memberships }, today(ctx.clock));
  return { memberships: visibleMemberships(scope, memberships), periods: async () => visiblePeriods(scope, await ctx.loaders.periodsByPerson.load(person.id)) };
}

async function eeaCoverage(person: PersonRef, args: { from?: IsoDate | null; to?: IsoDate | null }, ctx: Context) {
  const window = coverageWindow(args, readDay(ctx));
  const access = await readable(person, ctx);
  return access ? eeaCoverageByWeek(await access.periods(), window) : [];
}

async function eeaBenefitPeriod(paymentId: string, ctx: Context): Promise<EeaBenefitPeriod | null> {
  authorizePeriodLookup(ctx.identity);
  const period = await ctx.em.findOne(EeaBenefitPeriod, { paymentId });
  if (!period) return null;
  const access = await readable({ id: period.personId }, ctx);
  return access && (await access.periods()).some((p) => p.paymentId === paymentId) ? period : null;
}

export const resolvers = {
  Query: {
    eeaCountries: () => EEA_COUNTRIES,
    interruptionCauses: () => INTERRUPTION_CAUSES,
    eeaBenefitPeriod: (_: unknown, args: { paymentId: string }, ctx: Context) => eeaBenefitPeriod(args.paymentId, ctx),
  },
  Mutation: {
    registerAkasseMembership: (_: unknown, args: { input: MembershipInput }, ctx: Context) => registerAkasseMembership(ctx, args.input),
    endAkasseMembership: (_: unknown, args: { input: EndMembershipInput }, ctx: Context) => endAkasseMembership(ctx, args.input),
    reportEeaBenefitPeriod: (_: unknown, args: { input: ReportInput }, ctx: Context) => reportEeaBenefitPeriod(ctx, args.input),
    interruptEeaBenefitPeriod: (_: unknown, args: { input: InterruptInput }, ctx: Context) => interruptEeaBenefitPeriod(ctx, args.input),
    updateEeaBenefitPeriod: (_: unknown, args: { input: UpdateInput }, ctx: Context) => updateEeaBenefitPeriod(ctx, args.input),
    deleteEeaBenefitPeriod: (_: unknown, args: { paymentId: string }, ctx: Context) => deleteEeaBenefitPeriod(ctx, args.paymentId),
  },
  Person: {
    __resolveReference: async (ref: PersonRef, ctx: Context): Promise<PersonRef> => ({ id: ref.id, known: await ctx.loaders.knownPersonById.load(ref.id) }),
    akasseMemberships: async (person: PersonRef, _: unknown, ctx: Context) => (await readable(person, ctx))?.memberships ?? [],
    akasseMembership: async (person: PersonRef, _: unknown, ctx: Context) => membershipOn((await readable(person, ctx))?.memberships ?? [], readDay(ctx)),
    eeaBenefitPeriods: async (person: PersonRef, _: unknown, ctx: Context) => (await (await readable(person, ctx))?.periods()) ?? [],
    eeaCoverage,
  },
  AkasseMembership: {
    inForce: (membership: AkasseMembership, _: unknown, ctx: Context) => membershipInForceOn(membership, readDay(ctx)),
    scheduled: (membership: AkasseMembership, _: unknown, ctx: Context) => membershipScheduledOn(membership, readDay(ctx)),
  },
  EeaBenefitPeriod: {
    inForce: (period: EeaBenefitPeriod, _: unknown, ctx: Context) => periodInForceOn(period, readDay(ctx)),
    scheduled: (period: EeaBenefitPeriod, _: unknown, ctx: Context) => periodScheduledOn(period, readDay(ctx)),
    interruptionCause: (period: EeaBenefitPeriod) => (period.interruptionCauseId === null ? null : interruptionCause(period.interruptionCauseId)),
    coveredUntil: (period: EeaBenefitPeriod) => coverageEnd(period),
  },
};

