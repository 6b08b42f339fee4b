// Person resolvers: parse → authorize → rule → persist (with its event, in one transaction). The
// mutations live in mutations/, one file per concern; reads authorize per field, so one person
// answer can mix fields the caller may see with FORBIDDEN for those it may not. Reads answer as in
// force on `readDay(ctx)` (the operation's asOf, else today); access is always decided on today.
import { forbidden, requireRole } from '../../core/authorize';
import { today, type IsoDate } from '../../core/dates';
import { inForceAt, readDay } from '../../core/valid-time';
import { DomainError, ErrorCode } from '../../core/errors';
import type { SubgraphContext } from '../../core/subgraph-server';
import { maskCpr, parseCpr } from '../common/cpr';
import type { PersonCategory } from '../common/person-events';
import type { ContactGroupRegistration } from './entities/ContactGroupRegistration';
import type { JobSeekerRegistration } from './entities/JobSeekerRegistration';
import type { MeetingSummons } from './entities/MeetingSummons';
import { Person } from './entities/Person';
import type { PersonHistoryEntry } from './entities/PersonHistoryEntry';
import type { SelfBookingDeadline } from './entities/SelfBookingDeadline';
import type { PersonLoaders } from './loaders';
import { changeContactGroup, type ChangeContactGroupInput } from './mutations/contact-group';
import { setTemporaryAddress, takeOverJobcentre, upsertPerson, type TemporaryAddressInput, type UpsertPersonInput } from './mutations/address';
import { cancelMeetingSummons, closeSelfBookingDeadline, setSelfBookingDeadline, summonToMeeting, updateMeetingSummons, type SummonInput } from './mutations/meetings';
import { confirmAttendance, deregisterJobSeeker, registerJobSeeker, reportDimittendEntitlement, type RegisterJobSeekerInput } from './mutations/registration';
import { annulUnattendedSelfRegistrations, revisitRetiredCategories, runScheduledJobs } from './mutations/scheduled';
import { confirmJobSearch, reregisterAfterMissingConfirmation } from './mutations/job-search-confirmation';
import { recordScreeningResult } from './mutations/screening';
import { setSickLeaveReturnExpectation, setVisitation } from './mutations/visitation';
import { authoritiesOf } from './authorities';
import { cvRequirementFrom } from './current-cv-requirement';
import { returnExpectationOn, selfBookingDeadlineOn, visitationOn } from './as-of';
import { listPersons } from './persons-list';
import { auditLog, auditTrailOf, type AuditLogArgs } from './audit';
import { personsByContactGroup, screeningStatistics } from './aggregates';
import { describeRetention, runPersonRetention } from './mutations/retention';
import { loadClosedAreaRecords, type ClosedAreaRow } from './mutations/closed-data-areas';
import { recordJoblogEntry } from './mutations/joblog';
import type { CprAccess } from '../../core/audit';
import {
  authorizeHealthRead,
  authorizeRead,
  authorizeSensitiveRead,
  CONTACT_GROUPS,
  contactGroup,
  danishPublicHolidays,
  isJoblogShown,
  isScreeningExpired,
  joblogDuty,
  jobSeekerRegistrationOn,
  MEETING_TYPES,
  cprVisibility,
  meetingType,
  PERSON_CATEGORIES,
  refuseAnalysts,
  selfReregistrationPossibleUntil,
  type JoblogDuty,
  type JoblogEntryInput,
  type PersonAuthorities,
} from './rules';

type Context = SubgraphContext<PersonLoaders>;

async function authoritiesFor(ctx: Context, person: Person): Promise<PersonAuthorities> {
  return authoritiesOf(person, await ctx.loaders.membershipsByPerson.load(person.id), today(ctx.clock));
}

/** A field of the person's contact course: authorized, then loaded through a DataLoader. */
function courseField<R, A = Record<string, unknown>>(load: (person: Person, ctx: Context, args: A) => Promise<R> | R, authorize = authorizeRead) {
  return async (person: Person, args: A, ctx: Context): Promise<R> => {
    authorize(ctx.identity, await authoritiesFor(ctx, person));
    return load(person, ctx, args);
  };
}

const YEAR_LIMITS = { min: 1900, max: 2200 };

export const resolvers = {
  Query: {
    // asOf reaches every field through ctx.asOf: the gateway forwards it to each subgraph (gateway/as-of.ts).
    person: async (_: unknown, args: { cpr: string; asOf?: string | null }, ctx: Context) => {
      refuseAnalysts(ctx.identity);
      if (args.asOf) ctx.asOf = args.asOf;
      return ctx.em.findOne(Person, { cpr: parseCpr(args.cpr) });
    },
    persons: (_: unknown, args: { municipalityCode: string; first?: number | null; after?: string | null }, ctx: Context) => listPersons(ctx, args),
    auditLog: (_: unknown, args: AuditLogArgs, ctx: Context) => auditLog(ctx, args),
    personsByContactGroup: (_: unknown, args: { on: string; municipalityCode?: string | null }, ctx: Context) => personsByContactGroup(ctx, args),
    screeningStatistics: (_: unknown, args: { from: string; to: string }, ctx: Context) => screeningStatistics(ctx, args),
    retentionPolicies: (_: unknown, __: unknown, ctx: Context) => describeRetention(ctx),
    contactGroups: () => CONTACT_GROUPS,
    personCategories: () => Object.entries(PERSON_CATEGORIES).map(([id, rule]) => ({ id, name: rule.name, sickBenefit: rule.sickBenefit, retiredFrom: rule.retiredFrom ?? null, replacedBy: rule.replacedBy ?? null })),
    meetingTypes: () => [...MEETING_TYPES.values()],
    danishPublicHolidays: (_: unknown, args: { year: number }) => {
      if (args.year < YEAR_LIMITS.min || args.year > YEAR_LIMITS.max) {
        throw new DomainError(ErrorCode.BAD_USER_INPUT, `Give a year from ${YEAR_LIMITS.min} to ${YEAR_LIMITS.max}.`, { field: 'year' });
      }
      return danishPublicHolidays(args.year);
    },
  },
  Mutation: {
    upsertPerson: (_: unknown, args: { input: UpsertPersonInput }, ctx: Context) => upsertPerson(ctx, args.input),
    changeContactGroup: (_: unknown, args: { input: ChangeContactGroupInput }, ctx: Context) => changeContactGroup(ctx, args.input),
    registerJobSeeker: (_: unknown, args: { input: RegisterJobSeekerInput }, ctx: Context) => registerJobSeeker(ctx, args.input),
    confirmSelfRegistrationAttendance: (_: unknown, args: { cpr: string }, ctx: Context) => confirmAttendance(ctx, args.cpr),
    reportDimittendEntitlement: (_: unknown, args: { input: { cpr: string; entitlementDate: string } }, ctx: Context) =>
      reportDimittendEntitlement(ctx, args.input.cpr, args.input.entitlementDate),
    deregisterJobSeeker: (_: unknown, args: { input: { cpr: string; date: string } }, ctx: Context) => deregisterJobSeeker(ctx, args.input.cpr, args.input.date),
    confirmJobSearch: (_: unknown, args: { cpr: string }, ctx: Context) => confirmJobSearch(ctx, args.cpr),
    reregisterAfterMissingConfirmation: (_: unknown, args: { cpr: string }, ctx: Context) => reregisterAfterMissingConfirmation(ctx, args.cpr),
    setTemporaryAddress: (_: unknown, args: { input: TemporaryAddressInput }, ctx: Context) => setTemporaryAddress(ctx, args.input),
    takeOverJobcentre: (_: unknown, args: { cpr: string }, ctx: Context) => takeOverJobcentre(ctx, args.cpr),
    setVisitation: (_: unknown, args: { input: { cpr: string; category?: PersonCategory | null } }, ctx: Context) =>
      setVisitation(ctx, { cpr: args.input.cpr, category: args.input.category ?? null }),
    setSickLeaveReturnExpectation: (_: unknown, args: { input: { cpr: string; firstFollowUpMeeting: string } }, ctx: Context) => setSickLeaveReturnExpectation(ctx, args.input),
    summonToMeeting: (_: unknown, args: { input: SummonInput }, ctx: Context) => summonToMeeting(ctx, args.input),
    updateMeetingSummons: (_: unknown, args: { input: { id: string; at: Date } }, ctx: Context) => updateMeetingSummons(ctx, args.input.id, args.input.at),
    cancelMeetingSummons: (_: unknown, args: { id: string }, ctx: Context) => cancelMeetingSummons(ctx, args.id),
    setSelfBookingDeadline: (_: unknown, args: { input: { cpr: string; deadline: string } }, ctx: Context) => setSelfBookingDeadline(ctx, args.input),
    closeSelfBookingDeadline: (_: unknown, args: { id: string }, ctx: Context) => closeSelfBookingDeadline(ctx, args.id),
    annulUnattendedSelfRegistrations: (_: unknown, args: { asOf?: string | null }, ctx: Context) => annulUnattendedSelfRegistrations(ctx, args.asOf),
    revisitRetiredCategories: (_: unknown, args: { asOf?: string | null }, ctx: Context) => revisitRetiredCategories(ctx, args.asOf),
    recordScreeningResult: (_: unknown, args: { input: { cpr: string; answers: { questionId: number; answer: string }[] } }, ctx: Context) => recordScreeningResult(ctx, args.input),
    runScheduledJobs: (_: unknown, args: { asOf?: string | null }, ctx: Context) => runScheduledJobs(ctx, args.asOf),
    runRetention: (_: unknown, args: { asOf?: string | null }, ctx: Context) => runPersonRetention(ctx, args.asOf),
    loadSystematicReferralCourses: (_: unknown, args: { courses: ClosedAreaRow[] }, ctx: Context) => loadClosedAreaRecords(ctx, 'SYSTEMATIC_REFERRAL_COURSE', args.courses),
    loadJobSuggestionCheckReceipts: (_: unknown, args: { receipts: ClosedAreaRow[] }, ctx: Context) => loadClosedAreaRecords(ctx, 'JOB_SUGGESTION_CHECK_RECEIPT', args.receipts),
    recordJoblogEntry: (_: unknown, args: { input: JoblogEntryInput & { cpr: string } }, ctx: Context) => recordJoblogEntry(ctx, args.input),
  },
  CprAccessEntry: {
    person: (entry: CprAccess) => ({ __typename: 'Person', id: entry.personId }),
  },
  Person: {
    __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.personById.load(ref.id),
    cpr: async (person: Person, _: unknown, ctx: Context) => {
      const visibility = cprVisibility(ctx.identity, await authoritiesFor(ctx, person));
      if (visibility === 'REFUSED') throw forbidden('Analysts see no CPR number, not even masked; count and join persons by pseudonym.');
      if (visibility === 'MASKED') return maskCpr(person.cpr);
      // Written before the answer leaves: no CPR in clear without its audit row.
      await auditTrailOf(ctx).record(person.id);
      return person.cpr;
    },
    pseudonym: (person: Person, _: unknown, ctx: Context) => ctx.pseudonymiseCpr(person.cpr),
    municipalityCode: (person: Person, _: unknown, ctx: Context) => {
      refuseAnalysts(ctx.identity);
      return person.municipalityCode;
    },
    name: (person: Person, _: unknown, ctx: Context) => {
      requireRole(ctx.identity, 'caseworker', 'akasse', 'system');
      return person.name;
    },
    address: courseField((person) => ({ municipalityCode: person.addressMunicipalityCode, livesAbroad: person.livesAbroad, protected: person.livesAbroad })),
    temporaryAddress: courseField((person, ctx) =>
      person.temporaryMunicipalityCode !== null && person.temporaryAddressEnd !== null && person.temporaryAddressEnd >= readDay(ctx)
        ? { municipalityCode: person.temporaryMunicipalityCode, end: person.temporaryAddressEnd }
        : null,
    ),
    // 001 §1.1: PersonOriginCode is always empty; nothing about origin is stored to begin with.
    originCode: () => null,
    contactGroup: courseField(async (person, ctx) => inForceAt(await ctx.loaders.registrationsByPerson.load(person.id), readDay(ctx))),
    scheduledContactGroupChanges: courseField(async (person, ctx) => {
      const day = readDay(ctx);
      return (await ctx.loaders.registrationsByPerson.load(person.id)).filter((r) => r.start > day).sort((a, b) => (a.start < b.start ? -1 : 1));
    }),
    contactGroupHistory: courseField((person, ctx) => ctx.loaders.registrationsByPerson.load(person.id)),
    cvRequirement: courseField(async (person, ctx) => {
      const [registrations, jobSeekerRegistrations, absences] = await Promise.all([
        ctx.loaders.registrationsByPerson.load(person.id),
        ctx.loaders.jobSeekerRegistrationsByPerson.load(person.id),
        ctx.loaders.absencesByPerson.load(person.id),
      ]);
      return cvRequirementFrom({ registrations, jobSeekerRegistrations, absences }, readDay(ctx));
    }),
    jobSeekerRegistration: courseField(async (person, ctx) => jobSeekerRegistrationOn(await ctx.loaders.jobSeekerRegistrationsByPerson.load(person.id), readDay(ctx))),
    jobSeekerRegistrations: courseField((person, ctx) => ctx.loaders.jobSeekerRegistrationsByPerson.load(person.id)),
    visitation: courseField(async (person, ctx) => {
      const day = readDay(ctx);
      // Today's read needs no history; another day's reads the visitation back from it.
      const history = ctx.asOf ? await ctx.loaders.historyByPerson.load(person.id) : [];
      const visitation = visitationOn(person, history, day);
      return visitation === null ? null : { category: visitation.category, name: PERSON_CATEGORIES[visitation.category].name, since: visitation.since };
    }),
    sickLeaveReturnExpectation: courseField(async (person, ctx) => {
      const [expectations, registrations] = await Promise.all([ctx.loaders.returnExpectationsByPerson.load(person.id), ctx.loaders.registrationsByPerson.load(person.id)]);
      return returnExpectationOn(expectations, registrations, readDay(ctx));
    }),
    meetingSummonses: courseField<MeetingSummons[], { includeCancelled?: boolean }>(async (person, ctx, args) =>
      (await ctx.loaders.summonsesByPerson.load(person.id)).filter((s) => args.includeCancelled || s.status === 'ACTIVE'),
    ),
    selfBookingDeadline: courseField(async (person, ctx) => selfBookingDeadlineOn(await ctx.loaders.selfBookingDeadlinesByPerson.load(person.id), readDay(ctx))),
    screeningResult: courseField(async (person, ctx) => {
      const day = readDay(ctx);
      return (await ctx.loaders.screeningResultsByPerson.load(person.id)).find((r) => r.answeredOn <= day && !isScreeningExpired(r.caseworkersVisibleUntil, day)) ?? null;
    }, authorizeHealthRead),
    history: courseField((person, ctx) => ctx.loaders.historyByPerson.load(person.id), authorizeSensitiveRead),
    systematicReferralCourses: courseField(async (person, ctx) => (await ctx.loaders.closedAreaRecordsByPerson.load(person.id)).filter((r) => r.kind === 'SYSTEMATIC_REFERRAL_COURSE')),
    joblog: courseField(async (person, ctx) => {
      // As of an earlier day, the joblog as it stood then: entries recorded later are not in it.
      const day = readDay(ctx);
      const entries = (await ctx.loaders.joblogByPerson.load(person.id)).filter((e) => e.recordedOn <= day);
      return isJoblogShown(entries.map((e) => e.recordedOn), day) ? entries : [];
    }),
    joblogDuty: courseField<JoblogDuty, { from: IsoDate; to: IsoDate }>(async (person, ctx, args) => {
      const [registrations, absences] = await Promise.all([ctx.loaders.jobSeekerRegistrationsByPerson.load(person.id), ctx.loaders.absencesByPerson.load(person.id)]);
      return joblogDuty(registrations, absences, args.from, args.to);
    }),
    jobSuggestionCheckReceipts: courseField(async (person, ctx) => (await ctx.loaders.closedAreaRecordsByPerson.load(person.id)).filter((r) => r.kind === 'JOB_SUGGESTION_CHECK_RECEIPT')),
  },
  ContactGroupRegistration: {
    contactGroup: (registration: ContactGroupRegistration) => contactGroup(registration.contactGroupId),
  },
  JobSeekerRegistration: {
    contactGroup: (registration: JobSeekerRegistration) => (registration.contactGroupId === null ? null : contactGroup(registration.contactGroupId)),
    awaitingAttendance: (registration: JobSeekerRegistration) => registration.status === 'AWAITING_ATTENDANCE',
    selfReregistrationPossibleUntil: (registration: JobSeekerRegistration) => selfReregistrationPossibleUntil(registration),
  },
  MeetingSummons: {
    meetingType: (summons: MeetingSummons) => meetingType(summons.meetingTypeId),
  },
  SelfBookingDeadline: {
    active: (deadline: SelfBookingDeadline) => deadline.status === 'ACTIVE',
  },
  PersonHistoryEntry: {
    by: (entry: PersonHistoryEntry) => ({ role: entry.actorRole, authority: entry.actorAuthority, subject: entry.actorSubject }),
    recordedAt: (entry: PersonHistoryEntry) => entry.at,
    effectiveDate: (entry: PersonHistoryEntry) => entry.effectiveDate,
  },
};
