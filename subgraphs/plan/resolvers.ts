// Plan resolvers: thin maps from the schema to mutations/ (parse → authorize → rule → persist with
// its events) and to loaders for reads; rules/access.ts decides who sees what, on today's facts.
// Reads answer for readDay(ctx): today, or the day of `person(cpr:, asOf:)`.
import type { KnownPerson } from '../common/person-directory';
import { today } from '../../core/dates';
import { inForceOn, readDay } from '../../core/valid-time';
import type { ActivityRecord } from './entities/Activity';
import type { PlanVersion } from './entities/PlanVersion';
import { cancelActivity, interruptActivity, registerActivity, updateActivity, type CancelActivityInput, type InterruptActivityInput, type RegisterActivityInput, type UpdateActivityInput } from './mutations/activities';
import type { Context } from './mutations/context';
import { setPlanGoals, type PlanGoalsInput } from './mutations/goals';
import { setJobSearchRequirements, type JobSearchRequirementsInput } from './mutations/job-search-requirements';
import { recordWorkObligationFacts, type WorkObligationFactsInput } from './mutations/work-obligation-facts';
import type { WorkObligationFactsRecord } from './entities/WorkObligationFactsRecord';
import type { MentorGrantRecord } from './entities/MentorGrantRecord';
import { registerMentorGrant, type RegisterMentorGrantInput } from './mutations/mentor-grants';
import {
  ACTIVITY_CATEGORIES,
  activityCategory,
  activityInForceOn,
  activityScheduledOn,
  ALLOCATION_FRAMES,
  allocationFrame,
  assertMayRead,
  CANCELLATION_CAUSES,
  CASH_BENEFIT_TYPES,
  cancellationCause,
  cashBenefitType,
  coveragePeriods,
  changeCode,
  frameOpenOn,
  hidesFreeText,
  isoWeekDays,
  MENTOR_GRANT_OFFERS,
  MENTOR_GRANT_TYPES,
  mentorGrantOffer,
  mentorGrantType,
  versionEffectiveOn,
  versionsInForceBy,
  workObligationHours,
  type AllocationFrame,
  type JobSearchRequirements,
  type PlanGoals,
  type SearchArea,
  type WorkObligationActivity,
} from './rules';

type PersonRef = { id: string };

/** The directory row of a Person reference, after the caller's right to read it is checked; null = unknown here. */
async function readablePerson(ref: PersonRef, ctx: Context): Promise<KnownPerson | null> {
  const person = await ctx.loaders.knownPersonById.load(ref.id);
  if (person) assertMayRead(ctx.identity, person, today(ctx.clock));
  return person;
}

/** The versions in force by the day read, newest first: a version is not shown before its day. */
async function versionsOf(ref: PersonRef, ctx: Context): Promise<PlanVersion[]> {
  return (await readablePerson(ref, ctx)) ? versionsInForceBy(await ctx.loaders.versionsByPerson.load(ref.id), readDay(ctx)) : [];
}

/** Cancelled activities never count; interrupted ones count until their interruption date (their end). */
function workObligationActivities(activities: ActivityRecord[]): WorkObligationActivity[] {
  return activities
    .filter((a) => a.status !== 'CANCELLED' && a.hoursPerWeek !== null)
    .map((a) => ({ categoryId: a.categoryId, start: a.start, end: a.end, hoursPerWeek: a.hoursPerWeek! }));
}

/**
 * The days of `week` on which the work obligation reaches the person: only their activities count.
 * Coverage is judged per day from the facts recorded; the week's hours need only the week's days.
 */
async function coveredDays(ref: PersonRef, ctx: Context, week: string) {
  const { monday, sunday } = isoWeekDays(week);
  const periods = coveragePeriods(await ctx.loaders.workObligationFactsByPerson.load(ref.id), monday, sunday);
  return periods.filter((period) => period.covered);
}

/** Code lists are not personal data: every authenticated role may read them. */
const codeList =
  <T>(list: readonly T[]) =>
  () =>
    list;

export const resolvers = {
  Query: {
    allocationFrames: codeList(ALLOCATION_FRAMES),
    activityCategories: codeList(ACTIVITY_CATEGORIES),
    activityCancellationCauses: codeList(CANCELLATION_CAUSES),
    cashBenefitTypes: codeList(CASH_BENEFIT_TYPES),
    mentorGrantTypes: codeList(MENTOR_GRANT_TYPES),
    mentorGrantOffers: codeList(MENTOR_GRANT_OFFERS),
  },
  Mutation: {
    setJobSearchRequirements: (_: unknown, args: { input: JobSearchRequirementsInput }, ctx: Context) => setJobSearchRequirements(ctx, args.input),
    setPlanGoals: (_: unknown, args: { input: PlanGoalsInput }, ctx: Context) => setPlanGoals(ctx, args.input),
    registerActivity: (_: unknown, args: { input: RegisterActivityInput }, ctx: Context) => registerActivity(ctx, args.input),
    updateActivity: (_: unknown, args: { input: UpdateActivityInput }, ctx: Context) => updateActivity(ctx, args.input),
    cancelActivity: (_: unknown, args: { input: CancelActivityInput }, ctx: Context) => cancelActivity(ctx, args.input),
    interruptActivity: (_: unknown, args: { input: InterruptActivityInput }, ctx: Context) => interruptActivity(ctx, args.input),
    recordWorkObligationFacts: (_: unknown, args: { input: WorkObligationFactsInput }, ctx: Context) => recordWorkObligationFacts(ctx, args.input),
    registerMentorGrant: (_: unknown, args: { input: RegisterMentorGrantInput }, ctx: Context) => registerMentorGrant(ctx, args.input),
  },
  Person: {
    // Batched: N references in one gateway query cost one directory query.
    __resolveReference: async (ref: PersonRef, ctx: Context) => (await ctx.loaders.knownPersonById.load(ref.id)) ?? ref,
    // The version in force on the day read: the newest of those in force by then.
    plan: async (ref: PersonRef, _: unknown, ctx: Context) => (await versionsOf(ref, ctx))[0] ?? null,
    planVersions: (ref: PersonRef, _: unknown, ctx: Context) => versionsOf(ref, ctx),
    activities: async (ref: PersonRef, _: unknown, ctx: Context) => ((await readablePerson(ref, ctx)) ? ctx.loaders.activitiesByPerson.load(ref.id) : []),
    workObligationHours: async (ref: PersonRef, args: { week: string }, ctx: Context) => {
      if (!(await readablePerson(ref, ctx))) return workObligationHours([], args.week, []);
      const activities = await ctx.loaders.activitiesByPerson.load(ref.id);
      return workObligationHours(workObligationActivities(activities), args.week, await coveredDays(ref, ctx, args.week));
    },
    workObligationFacts: async (ref: PersonRef, _: unknown, ctx: Context) => ((await readablePerson(ref, ctx)) ? ctx.loaders.workObligationFactsByPerson.load(ref.id) : []),
    workObligationCoverage: async (ref: PersonRef, args: { from: string; to: string }, ctx: Context) => {
      const history = (await readablePerson(ref, ctx)) ? await ctx.loaders.workObligationFactsByPerson.load(ref.id) : [];
      return coveragePeriods(history, args.from, args.to);
    },
    mentorGrants: async (ref: PersonRef, _: unknown, ctx: Context) => ((await readablePerson(ref, ctx)) ? ctx.loaders.mentorGrantsByPerson.load(ref.id) : []),
  },
  Plan: {
    changes: (version: PlanVersion) => version.changeCodes.map(changeCode),
    goals: (version: PlanVersion) => version.goals,
    effectiveOn: (version: PlanVersion) => versionEffectiveOn(version),
  },
  PlanGoals: {
    educationGoal: (goals: PlanGoals, _: unknown, ctx: Context) => (hidesFreeText(ctx.identity) ? null : goals.educationGoal),
    description: (goals: PlanGoals, _: unknown, ctx: Context) => (hidesFreeText(ctx.identity) ? null : goals.description),
  },
  JobSearchRequirements: {
    otherRequirements: (requirements: JobSearchRequirements, _: unknown, ctx: Context) => (hidesFreeText(ctx.identity) ? null : requirements.otherRequirements),
  },
  SearchArea: {
    regionIds: (area: SearchArea) => (area.kind === 'LABOUR_MARKET_REGIONS' ? area.regionIds : []),
    municipalityCodes: (area: SearchArea) => (area.kind === 'MUNICIPALITY_COLLECTION' ? area.municipalityCodes : []),
  },
  AllocationFrame: {
    allowedCategories: (frame: AllocationFrame) => frame.allowedCategoryIds?.map(activityCategory) ?? null,
    open: (frame: AllocationFrame, _: unknown, ctx: Context) => frameOpenOn(frame, readDay(ctx)),
  },
  Activity: {
    frame: (activity: ActivityRecord) => (activity.frameId === null ? null : allocationFrame(activity.frameId)),
    category: (activity: ActivityRecord) => activityCategory(activity.categoryId),
    endingCause: (activity: ActivityRecord) => (activity.endingCauseId === null ? null : cancellationCause(activity.endingCauseId)),
    registeredBy: (activity: ActivityRecord) => activity.registeredByAuthority,
    inForce: (activity: ActivityRecord, _: unknown, ctx: Context) => activityInForceOn(activity, readDay(ctx)),
    scheduled: (activity: ActivityRecord, _: unknown, ctx: Context) => activityScheduledOn(activity, readDay(ctx)),
  },
  WorkObligationFacts: {
    benefitType: (facts: WorkObligationFactsRecord) => cashBenefitType(facts.benefitTypeId),
    recordedBy: (facts: WorkObligationFactsRecord) => facts.recordedByAuthority,
  },
  MentorGrant: {
    offer: (grant: MentorGrantRecord) => mentorGrantOffer(grant.offerId),
    mentorType: (grant: MentorGrantRecord) => (grant.mentorTypeId === null ? null : mentorGrantType(grant.mentorTypeId)),
    inForce: (grant: MentorGrantRecord, _: unknown, ctx: Context) => inForceOn(grant, readDay(ctx)),
    registeredBy: (grant: MentorGrantRecord) => grant.registeredByAuthority,
  },
  WorkObligationCategoryHours: {
    category: (entry: { categoryId: number }) => activityCategory(entry.categoryId),
  },
};

