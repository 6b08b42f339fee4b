// The access matrix: every root operation of the composed API schema, the operation as one kind of
// caller sends it, and whether each of the six kinds of caller may run it. The rows follow
// docs/access.md and the per-subgraph matrices in docs/subgraphs/*.md; test/access-matrix.test.ts
// runs every (operation, caller) pair against the whole system and fails for an operation that has
// no row here, so a new operation cannot ship without a decision.
//
// Root operations only: field-level rules (masked CPR, free text null for analysts) are tested by
// the subgraphs' own suites. Queries select an id or __typename.
import type { TestSystem } from '../support/system';
import { encodePosition } from '../../gateway/notifications/positions';
import {
  AKASSE,
  CALLER_KEYS,
  CALLERS,
  createCollaboration,
  createOrder,
  createPerson,
  deregisteredForMissingConfirmation,
  EEA_PERIOD,
  freshJobcentres,
  JOB_AD,
  JOB_ORDER,
  JOBCENTRE,
  mediate,
  newCpr,
  ok,
  ownerFor,
  publishAd,
  registerAbsence,
  registerActivity,
  registerJobSeeker,
  reportEeaPeriod,
  selfBookingDeadline,
  shared,
  summon,
  TODAY,
  unique,
  type Caller,
  type CallerKey,
} from './fixtures';

export type Outcome = 'allow' | 'deny';

export interface Prepared {
  query: string;
  variables?: Record<string, unknown>;
}

export interface MatrixEntry {
  /** `Query.field` or `Mutation.field`. */
  operation: string;
  /** Builds what the operation needs (a fresh fixture for every run of a mutation) and the request. */
  prepare: (t: TestSystem, caller: CallerKey) => Promise<Prepared>;
  expect: Record<CallerKey, Outcome>;
  /**
   * "Outsiders must not learn it exists" (internal job orders, withdrawn ads, notifications not
   * addressed to you): NOT_FOUND or a null answer also counts as a denial.
   */
  hidden?: boolean;
  /** Codes the documented row itself names as the refusal (e.g. NOT_COORDINATOR), besides FORBIDDEN. */
  denyCodes?: string[];
  /** Who plays a caller in this row when the default does not fit (e.g. the person's jobcentre is 751). */
  callers?: Partial<Record<CallerKey, Caller>>;
  /**
   * The row's fixture moves the shared clock (and back): its runs go one at a time before the
   * parallel ones, which would otherwise read a day that is not TODAY.
   */
  movesClock?: boolean;
  /** A real authorization bug: the documented expectation fails today; the test reports it with it.failing. */
  knownBug?: Partial<Record<CallerKey, string>>;
}

/** The callers that may run the operation; every other caller is denied. */
function allowOnly(...allowed: CallerKey[]): Record<CallerKey, Outcome> {
  return Object.fromEntries(CALLER_KEYS.map((k) => [k, allowed.includes(k) ? 'allow' : 'deny'])) as Record<CallerKey, Outcome>;
}

const EVERYONE = allowOnly(...CALLER_KEYS);
/** The person's jobcentre, the person's a-kasse and the system role. */
const OWN_JC_AKASSE_SYSTEM = allowOnly('jobcentre', 'akasse', 'system');
const OWN_JC_SYSTEM = allowOnly('jobcentre', 'system');
const SYSTEM_ONLY = allowOnly('system');
/** Every jobcentre and a-kasse for itself, and the system role: not analysts. */
const INTEGRATIONS = allowOnly('jobcentre', 'otherJobcentre', 'akasse', 'otherAkasse', 'system');

const constant =
  (query: string, variables: Record<string, unknown> = {}) =>
  async (): Promise<Prepared> => ({ query, variables });

/** The one fixture person every read shares. */
const readPerson = shared((t) => createPerson(t));

/** One internal job order and one withdrawn ad per owner (jobcentre 101, a-kasse 21), for the reads. */
const readOrders = shared(async (t) => ({ jobcentre: await createOrder(t, JOBCENTRE), akasse: await createOrder(t, AKASSE) }));
const readWithdrawnAds = shared(async (t) => {
  const withdrawn = async (owner: Caller) => {
    const id = await publishAd(t, owner);
    await ok(t, 'mutation($id: ID!) { withdrawJobAd(id: $id) { id } }', { id }, owner);
    return id;
  };
  return { jobcentre: await withdrawn(JOBCENTRE), akasse: await withdrawn(AKASSE) };
});
const ownerKey = (caller: CallerKey) => (ownerFor(caller) === AKASSE ? 'akasse' : 'jobcentre');

/** A notification addressed to the person's jobcentre and a-kasser: the fixture person's contact-group change. */
const readNotification = shared(async (t) => {
  const person = await readPerson(t);
  const events = await t.system.bus.read(0, 1_000_000);
  const event = events.find((e) => e.kind === 'CONTACT_GROUP_CHANGED' && e.personId === person.id);
  if (!event) throw new Error('The fixture person has no CONTACT_GROUP_CHANGED on the bus');
  return encodePosition(event.sequence);
});

/** One EEA benefit period of the read person, reported by a-kasse 21. */
const readEeaPeriod = shared(async (t) => reportEeaPeriod(t, (await readPerson(t)).cpr));

/** Who summons in the meeting rows: the summoner is the caller's side (a-kasse 21 for a-kasser, else jobcentre 101). */
const summonerFor = ownerFor;

export const MATRIX: MatrixEntry[] = [
  // ---------------------------------------------------------------- person (docs/subgraphs/person.md)
  {
    operation: 'Query.person',
    prepare: async (t) => ({ query: 'query($cpr: String!) { person(cpr: $cpr) { id } }', variables: { cpr: (await readPerson(t)).cpr } }),
    // docs/access.md "Analysts": aggregates only, so no person-level read, not even a look-up.
    expect: allowOnly('jobcentre', 'otherJobcentre', 'akasse', 'otherAkasse', 'system'),
  },
  {
    operation: 'Query.persons',
    prepare: constant('{ persons(municipalityCode: "101", first: 1) { pageInfo { hasNextPage } } }'),
    expect: allowOnly('jobcentre', 'system'),
  },
  { operation: 'Query.contactGroups', prepare: constant('{ contactGroups { id } }'), expect: EVERYONE },
  { operation: 'Query.personCategories', prepare: constant('{ personCategories { id } }'), expect: EVERYONE },
  { operation: 'Query.meetingTypes', prepare: constant('{ meetingTypes { id } }'), expect: EVERYONE },
  { operation: 'Query.danishPublicHolidays', prepare: constant('{ danishPublicHolidays(year: 2027) { date } }'), expect: EVERYONE },
  // docs/access.md "Audit": the system role only.
  { operation: 'Query.auditLog', prepare: constant('{ auditLog(first: 1) { pageInfo { __typename } } }'), expect: SYSTEM_ONLY },
  // docs/access.md "Analysts' aggregates": analysts (and the system role); counts, never persons.
  { operation: 'Query.personsByContactGroup', prepare: constant(`{ personsByContactGroup(on: "${TODAY}") { __typename } }`), expect: allowOnly('analyst', 'system') },
  // The screening trial's results handed over before deletion (000): counts only, like the aggregate above.
  { operation: 'Query.screeningStatistics', prepare: constant(`{ screeningStatistics(from: "2026-01-01", to: "${TODAY}") { __typename } }`), expect: allowOnly('analyst', 'system') },
  // The retention table (slettepolitikker): system role.
  { operation: 'Query.retentionPolicies', prepare: constant('{ retentionPolicies { kind } }'), expect: SYSTEM_ONLY },
  {
    operation: 'Mutation.upsertPerson',
    prepare: async () => ({ query: 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', variables: { i: { cpr: newCpr(), name: 'Ny Person', municipalityCode: '101' } } }),
    expect: SYSTEM_ONLY,
  },
  {
    // An a-kasse may open 1 and 99 'Uden ydelse' for its current members: 99 from today.
    operation: 'Mutation.changeContactGroup',
    prepare: async (t) => ({
      query: 'mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }',
      variables: { i: { cpr: (await createPerson(t)).cpr, contactGroupId: 99, start: TODAY } },
    }),
    expect: OWN_JC_AKASSE_SYSTEM,
  },
  {
    operation: 'Mutation.registerJobSeeker',
    prepare: async (t) => ({
      query: 'mutation($i: RegisterJobSeekerInput!) { registerJobSeeker(input: $i) { id } }',
      variables: { i: { cpr: (await createPerson(t, { contactGroupId: null })).cpr, category: 'DAGPENGE', registrationDate: TODAY } },
    }),
    expect: OWN_JC_AKASSE_SYSTEM,
  },
  {
    operation: 'Mutation.confirmSelfRegistrationAttendance',
    prepare: async (t) => {
      const { cpr } = await createPerson(t, { contactGroupId: null });
      await registerJobSeeker(t, cpr, 'KONTANTHJAELP', { selfService: true });
      return { query: 'mutation($cpr: String!) { confirmSelfRegistrationAttendance(cpr: $cpr) { id } }', variables: { cpr } };
    },
    expect: OWN_JC_SYSTEM,
  },
  {
    operation: 'Mutation.reportDimittendEntitlement',
    prepare: async (t) => {
      const { cpr } = await createPerson(t, { contactGroupId: null });
      await registerJobSeeker(t, cpr, 'DIMITTEND');
      return { query: 'mutation($i: DimittendEntitlementInput!) { reportDimittendEntitlement(input: $i) { id } }', variables: { i: { cpr, entitlementDate: '2026-12-07' } } };
    },
    expect: allowOnly('akasse', 'system'),
  },
  {
    operation: 'Mutation.deregisterJobSeeker',
    prepare: async (t) => {
      const { cpr } = await createPerson(t, { contactGroupId: null });
      await registerJobSeeker(t, cpr, 'DAGPENGE');
      return { query: 'mutation($i: DeregisterJobSeekerInput!) { deregisterJobSeeker(input: $i) { id } }', variables: { i: { cpr, date: TODAY } } };
    },
    expect: OWN_JC_AKASSE_SYSTEM,
  },
  {
    // Jobnet on the citizen's behalf: no caseworker or a-kasse confirms for the citizen.
    operation: 'Mutation.confirmJobSearch',
    prepare: async (t) => {
      const { cpr } = await createPerson(t, { contactGroupId: null });
      await registerJobSeeker(t, cpr, 'KONTANTHJAELP');
      return { query: 'mutation($cpr: String!) { confirmJobSearch(cpr: $cpr) { id } }', variables: { cpr } };
    },
    expect: SYSTEM_ONLY,
  },
  {
    // 004: "uden henvendelse til jobcentret" — from Jobnet (the system role), never a caseworker's tool.
    operation: 'Mutation.reregisterAfterMissingConfirmation',
    prepare: async (t) => {
      const { cpr } = await createPerson(t, { contactGroupId: null });
      await deregisteredForMissingConfirmation(t, cpr);
      return { query: 'mutation($cpr: String!) { reregisterAfterMissingConfirmation(cpr: $cpr) { id } }', variables: { cpr } };
    },
    expect: SYSTEM_ONLY,
    movesClock: true,
  },
  {
    operation: 'Mutation.setTemporaryAddress',
    prepare: async (t) => ({
      query: 'mutation($i: TemporaryAddressInput!) { setTemporaryAddress(input: $i) { id } }',
      variables: { i: { cpr: (await createPerson(t)).cpr, municipalityCode: '147', end: '2026-12-31' } },
    }),
    expect: OWN_JC_SYSTEM,
  },
  {
    // The taking jobcentre, per the take-over rule: 147, the municipality of a temporary address in
    // force. The current jobcentre is refused by that rule (JOBCENTRE_TAKEOVER_NOT_ALLOWED); every
    // other role, the system included, is FORBIDDEN ("citizens have no way to change it").
    operation: 'Mutation.takeOverJobcentre',
    prepare: async (t) => {
      const { cpr } = await createPerson(t);
      await ok(t, 'mutation($i: TemporaryAddressInput!) { setTemporaryAddress(input: $i) { id } }', { i: { cpr, municipalityCode: '147', end: '2026-12-31' } });
      return { query: 'mutation($cpr: String!) { takeOverJobcentre(cpr: $cpr) { id } }', variables: { cpr } };
    },
    expect: allowOnly('otherJobcentre'),
    denyCodes: ['JOBCENTRE_TAKEOVER_NOT_ALLOWED'],
  },
  {
    operation: 'Mutation.setVisitation',
    prepare: async (t) => ({
      query: 'mutation($i: SetVisitationInput!) { setVisitation(input: $i) { id } }',
      variables: { i: { cpr: (await createPerson(t)).cpr, category: 'JOB_READY' } },
    }),
    expect: OWN_JC_SYSTEM,
  },
  {
    // Only in group 24 (sick leave from 2 November), the follow-up meeting not before it.
    operation: 'Mutation.setSickLeaveReturnExpectation',
    prepare: async (t) => ({
      query: 'mutation($i: SickLeaveReturnExpectationInput!) { setSickLeaveReturnExpectation(input: $i) { id } }',
      variables: { i: { cpr: (await createPerson(t, { contactGroupId: 24, start: '2026-11-02' })).cpr, firstFollowUpMeeting: '2026-11-16' } },
    }),
    expect: OWN_JC_SYSTEM,
  },
  {
    operation: 'Mutation.summonToMeeting',
    prepare: async (t) => ({
      query: 'mutation($i: SummonToMeetingInput!) { summonToMeeting(input: $i) { id } }',
      variables: { i: { cpr: (await createPerson(t)).cpr, meetingTypeId: 17, at: '2026-12-03T09:00:00Z' } },
    }),
    expect: OWN_JC_AKASSE_SYSTEM,
  },
  {
    // "The summoner": a summons by jobcentre 101, or by a-kasse 21 when an a-kasse calls.
    operation: 'Mutation.updateMeetingSummons',
    prepare: async (t, caller) => {
      const id = await summon(t, (await createPerson(t)).cpr, summonerFor(caller), 17);
      return { query: 'mutation($i: UpdateMeetingSummonsInput!) { updateMeetingSummons(input: $i) { id } }', variables: { i: { id, at: '2026-12-04T10:00:00Z' } } };
    },
    expect: OWN_JC_AKASSE_SYSTEM,
  },
  {
    operation: 'Mutation.cancelMeetingSummons',
    prepare: async (t, caller) => {
      const id = await summon(t, (await createPerson(t)).cpr, summonerFor(caller), 17);
      return { query: 'mutation($id: ID!) { cancelMeetingSummons(id: $id) { id } }', variables: { id } };
    },
    expect: OWN_JC_AKASSE_SYSTEM,
  },
  {
    operation: 'Mutation.setSelfBookingDeadline',
    prepare: async (t) => ({
      query: 'mutation($i: SelfBookingDeadlineInput!) { setSelfBookingDeadline(input: $i) { id } }',
      variables: { i: { cpr: (await createPerson(t)).cpr, deadline: '2026-12-10' } },
    }),
    expect: OWN_JC_AKASSE_SYSTEM,
  },
  {
    operation: 'Mutation.closeSelfBookingDeadline',
    prepare: async (t) => ({ query: 'mutation($id: ID!) { closeSelfBookingDeadline(id: $id) { id } }', variables: { id: await selfBookingDeadline(t, (await createPerson(t)).cpr) } }),
    expect: OWN_JC_AKASSE_SYSTEM,
  },
  {
    // Jobnet (system role) only. The person's jobcentre is in the trial (Aarhus 751), group 1.
    operation: 'Mutation.recordScreeningResult',
    prepare: async (t) => ({
      query: 'mutation($i: ScreeningResultInput!) { recordScreeningResult(input: $i) { id } }',
      variables: { i: { cpr: (await createPerson(t, { municipalityCode: '751' })).cpr, answers: [{ questionId: 1, answer: 'Jeg søger job inden for pleje.' }] } },
    }),
    expect: SYSTEM_ONLY,
    callers: { jobcentre: { role: 'caseworker', authority: '751' } },
  },
  { operation: 'Mutation.annulUnattendedSelfRegistrations', prepare: constant('mutation { annulUnattendedSelfRegistrations }'), expect: SYSTEM_ONLY },
  { operation: 'Mutation.revisitRetiredCategories', prepare: constant('mutation { revisitRetiredCategories }'), expect: SYSTEM_ONLY },
  { operation: 'Mutation.runScheduledJobs', prepare: constant('mutation { runScheduledJobs { asOf } }'), expect: SYSTEM_ONLY },
  { operation: 'Mutation.runRetention', prepare: constant('mutation { runRetention { kind } }'), expect: SYSTEM_ONLY },
  // Closed data areas: loaded by the system role only, from the system that held them (docs/subgraphs/person.md).
  ...(
    [
      ['Mutation.loadSystematicReferralCourses', 'loadSystematicReferralCourses(courses: $rows)'],
      ['Mutation.loadJobSuggestionCheckReceipts', 'loadJobSuggestionCheckReceipts(receipts: $rows)'],
    ] as const
  ).map(([operation, call]) => ({
    operation,
    prepare: async (t: TestSystem) => ({
      query: `mutation($rows: [ClosedAreaRecordInput!]!) { ${call} { loaded } }`,
      variables: { rows: [{ id: `matrix-${unique()}`, cpr: (await createPerson(t)).cpr, recordedOn: '2019-06-01' }] },
    }),
    expect: SYSTEM_ONLY,
  })),
  {
    // Jobnet on the citizen's behalf, as with confirmJobSearch: no caseworker or a-kasse writes in a joblog.
    operation: 'Mutation.recordJoblogEntry',
    prepare: async (t) => ({
      query: 'mutation($i: JoblogEntryInput!) { recordJoblogEntry(input: $i) { id } }',
      variables: { i: { cpr: (await createPerson(t)).cpr, kind: 'GENERAL', date: TODAY, description: 'Søgt uopfordret' } },
    }),
    expect: SYSTEM_ONLY,
  },

  // ---------------------------------------------------------------- absence (docs/subgraphs/absence.md)
  { operation: 'Query.absenceTypes', prepare: constant('{ absenceTypes { id } }'), expect: EVERYONE },
  {
    // docs/access.md "Analysts' aggregates".
    operation: 'Query.absencesByTypeAndMonth',
    prepare: constant('{ absencesByTypeAndMonth(from: "2026-01", to: "2026-11") { month } }'),
    expect: allowOnly('analyst', 'system'),
  },
  {
    // Type 45 'På vej i job' (group 1, J and A), from today for five and a half weeks.
    operation: 'Mutation.registerAbsence',
    prepare: async (t) => ({
      query: 'mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }',
      variables: { i: { cpr: (await createPerson(t)).cpr, typeId: 45, start: TODAY, end: '2026-12-31' } },
    }),
    expect: OWN_JC_AKASSE_SYSTEM,
  },
  {
    operation: 'Mutation.updateAbsence',
    prepare: async (t) => ({
      query: 'mutation($i: UpdateAbsenceInput!) { updateAbsence(input: $i) { id } }',
      variables: { i: { id: await registerAbsence(t, (await createPerson(t)).cpr, TODAY, '2026-12-20'), end: '2026-12-31' } },
    }),
    expect: OWN_JC_AKASSE_SYSTEM,
  },
  {
    operation: 'Mutation.deleteAbsence',
    prepare: async (t) => ({
      query: 'mutation($id: ID!, $comment: String!) { deleteAbsence(id: $id, comment: $comment) { reRegistered } }',
      variables: { id: await registerAbsence(t, (await createPerson(t)).cpr, '2026-12-01', '2026-12-20'), comment: 'Registreret ved en fejl.' },
    }),
    expect: OWN_JC_AKASSE_SYSTEM,
  },

  // ---------------------------------------------------------------- plan (docs/subgraphs/plan.md)
  { operation: 'Query.allocationFrames', prepare: constant('{ allocationFrames { id } }'), expect: EVERYONE },
  { operation: 'Query.activityCategories', prepare: constant('{ activityCategories { id } }'), expect: EVERYONE },
  { operation: 'Query.activityCancellationCauses', prepare: constant('{ activityCancellationCauses { id } }'), expect: EVERYONE },
  { operation: 'Query.cashBenefitTypes', prepare: constant('{ cashBenefitTypes { id } }'), expect: EVERYONE },
  { operation: 'Query.mentorGrantTypes', prepare: constant('{ mentorGrantTypes { id } }'), expect: EVERYONE },
  { operation: 'Query.mentorGrantOffers', prepare: constant('{ mentorGrantOffers { id } }'), expect: EVERYONE },
  {
    // VITAS is the jobcentre's: a wage-subsidy grant as 'Mentor, individuel'.
    operation: 'Mutation.registerMentorGrant',
    prepare: async (t) => ({
      query: 'mutation($i: RegisterMentorGrantInput!) { registerMentorGrant(input: $i) { id } }',
      variables: { i: { cpr: (await createPerson(t)).cpr, offerId: 902, mentorTypeId: 901, start: TODAY } },
    }),
    expect: OWN_JC_SYSTEM,
  },
  {
    // The work obligation is the municipality's (cash-benefit system): the a-kasse records no facts.
    operation: 'Mutation.recordWorkObligationFacts',
    prepare: async (t) => ({
      query: 'mutation($i: WorkObligationFactsInput!) { recordWorkObligationFacts(input: $i) { id } }',
      variables: { i: { cpr: (await createPerson(t)).cpr, validFrom: TODAY, benefitTypeId: 903, residenceYears: 3, fullTimeEmploymentYears: 0, entryYear: 2019 } },
    }),
    expect: OWN_JC_SYSTEM,
  },
  {
    operation: 'Mutation.setJobSearchRequirements',
    prepare: async (t) => ({
      query: 'mutation($i: JobSearchRequirementsInput!) { setJobSearchRequirements(input: $i) { version } }',
      variables: { i: { cpr: (await createPerson(t)).cpr, otherRequirements: 'Søg mindst to job om ugen.' } },
    }),
    expect: OWN_JC_SYSTEM,
  },
  {
    operation: 'Mutation.setPlanGoals',
    prepare: async (t) => ({
      query: 'mutation($i: PlanGoalsInput!) { setPlanGoals(input: $i) { version } }',
      variables: { i: { cpr: (await createPerson(t)).cpr, jobGoal: { code: '5223', level: 2 } } },
    }),
    expect: OWN_JC_SYSTEM,
  },
  {
    // Category 903 'Jobrettet uddannelse', the a-kasse's own (from 2025-01-01), 31 days.
    operation: 'Mutation.registerActivity',
    prepare: async (t) => ({
      query: 'mutation($i: RegisterActivityInput!) { registerActivity(input: $i) { id } }',
      variables: { i: { cpr: (await createPerson(t)).cpr, categoryId: 903, start: '2026-12-01', end: '2026-12-31' } },
    }),
    expect: OWN_JC_AKASSE_SYSTEM,
  },
  {
    operation: 'Mutation.updateActivity',
    prepare: async (t) => ({
      query: 'mutation($i: UpdateActivityInput!) { updateActivity(input: $i) { id } }',
      variables: { i: { id: await registerActivity(t, (await createPerson(t)).cpr, '2026-12-01', '2026-12-20'), end: '2026-12-31' } },
    }),
    expect: OWN_JC_AKASSE_SYSTEM,
  },
  {
    // Before its start: cancel with cause 901 'Revision af Plan'.
    operation: 'Mutation.cancelActivity',
    prepare: async (t) => ({
      query: 'mutation($i: CancelActivityInput!) { cancelActivity(input: $i) { id } }',
      variables: { i: { id: await registerActivity(t, (await createPerson(t)).cpr, '2026-12-01', '2026-12-20'), causeId: 901 } },
    }),
    expect: OWN_JC_AKASSE_SYSTEM,
  },
  {
    // Started 16 November: interrupt today.
    operation: 'Mutation.interruptActivity',
    prepare: async (t) => ({
      query: 'mutation($i: InterruptActivityInput!) { interruptActivity(input: $i) { id } }',
      variables: { i: { id: await registerActivity(t, (await createPerson(t)).cpr, '2026-11-16', '2026-12-20'), causeId: 901, interruptionDate: TODAY } },
    }),
    expect: OWN_JC_AKASSE_SYSTEM,
  },

  // ---------------------------------------------------------------- recruitment (docs/subgraphs/recruitment.md)
  // Orders and ads belong to the caller's side (a-kasse 21 for a-kasser, jobcentre 101 otherwise);
  // no collaboration, so 147 and 99 are never primary. Orders are internal (the default).
  {
    operation: 'Query.jobOrder',
    prepare: async (t, caller) => ({ query: 'query($id: ID!) { jobOrder(id: $id) { id } }', variables: { id: (await readOrders(t))[ownerKey(caller)] } }),
    expect: OWN_JC_AKASSE_SYSTEM,
    hidden: true,
  },
  { operation: 'Query.jobOrders', prepare: constant('{ jobOrders(first: 1) { id } }'), expect: EVERYONE },
  { operation: 'Query.jobOrderEventActionTypes', prepare: constant('{ jobOrderEventActionTypes { id } }'), expect: EVERYONE },
  { operation: 'Query.recruitmentCollaborations', prepare: constant('{ recruitmentCollaborations { id } }'), expect: EVERYONE },
  { operation: 'Query.occupations', prepare: constant('{ occupations(search: "svejs") { code } }'), expect: EVERYONE },
  { operation: 'Query.occupation', prepare: constant('{ occupation(code: "7212.1") { code } }'), expect: EVERYONE },
  {
    // A withdrawn ad: only its owner (and the system role) may still read it.
    operation: 'Query.jobAd',
    prepare: async (t, caller) => ({ query: 'query($id: ID!) { jobAd(id: $id) { id } }', variables: { id: (await readWithdrawnAds(t))[ownerKey(caller)] } }),
    expect: OWN_JC_AKASSE_SYSTEM,
    hidden: true,
  },
  { operation: 'Query.jobAds', prepare: constant('{ jobAds(first: 1) { id } }'), expect: EVERYONE },
  {
    // Every jobcentre and a-kasse creates orders it owns; the system role an employer's order for a responsible jobcentre.
    operation: 'Mutation.createJobOrder',
    prepare: async (_t, caller) => ({
      query: 'mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { id } }',
      variables: { i: { ...JOB_ORDER, ...(caller === 'system' ? { responsibleJobcentre: '101' } : {}) } },
    }),
    expect: allowOnly('jobcentre', 'otherJobcentre', 'akasse', 'otherAkasse', 'system'),
  },
  {
    operation: 'Mutation.updateJobOrder',
    prepare: async (t, caller) => ({
      query: 'mutation($i: UpdateJobOrderInput!) { updateJobOrder(input: $i) { id } }',
      variables: { i: { id: await createOrder(t, ownerFor(caller)), description: 'Aftenvagt i hjemmeplejen.' } },
    }),
    expect: OWN_JC_AKASSE_SYSTEM,
    hidden: true,
  },
  {
    operation: 'Mutation.changeJobOrderStatus',
    prepare: async (t, caller) => ({
      query: 'mutation($i: ChangeJobOrderStatusInput!) { changeJobOrderStatus(input: $i) { id } }',
      variables: { i: { id: await createOrder(t, ownerFor(caller)), status: 'ON_HOLD' } },
    }),
    expect: OWN_JC_AKASSE_SYSTEM,
    hidden: true,
  },
  {
    operation: 'Mutation.briefEmployer',
    prepare: async (t, caller) => ({ query: 'mutation($id: ID!) { briefEmployer(jobOrderId: $id) { id } }', variables: { id: await createOrder(t, ownerFor(caller)) } }),
    expect: OWN_JC_AKASSE_SYSTEM,
    hidden: true,
  },
  {
    operation: 'Mutation.importJobOrder',
    prepare: async () => ({
      query: 'mutation($i: ImportJobOrderInput!) { importJobOrder(input: $i) { id } }',
      variables: {
        i: { legacyId: `JO-2020-${9000 + unique()}`, title: 'Fabriksarbejder', description: 'Pakning af varer.', occupationCode: '932910', owningJobcentre: '101', hasCoordinator: false, createdAt: '2020-06-01T08:00:00Z' },
      },
    }),
    expect: SYSTEM_ONLY,
  },
  {
    // The fixture person (a member of a-kasse 21) to an internal order of the caller's side.
    operation: 'Mutation.mediateCandidate',
    prepare: async (t, caller) => {
      const [jobOrderId, { cpr }] = await Promise.all([createOrder(t, ownerFor(caller)), createPerson(t)]);
      return { query: 'mutation($i: MediateCandidateInput!) { mediateCandidate(input: $i) { id } }', variables: { i: { jobOrderId, cpr } } };
    },
    expect: OWN_JC_AKASSE_SYSTEM,
    hidden: true,
  },
  {
    operation: 'Mutation.removeCandidate',
    prepare: async (t, caller) => {
      const [jobOrderId, { cpr }] = await Promise.all([createOrder(t, ownerFor(caller)), createPerson(t)]);
      return { query: 'mutation($id: ID!) { removeCandidate(mediationId: $id) { id } }', variables: { id: await mediate(t, jobOrderId, cpr, ownerFor(caller)) } };
    },
    expect: OWN_JC_AKASSE_SYSTEM,
    hidden: true,
  },
  {
    // The owner is the coordinator (caseWorkerAllowed); others get NOT_COORDINATOR or NOT_FOUND.
    operation: 'Mutation.approveCandidate',
    prepare: async (t, caller) => {
      const [jobOrderId, { cpr }] = await Promise.all([createOrder(t, ownerFor(caller), { caseWorkerAllowed: true }), createPerson(t)]);
      return { query: 'mutation($id: ID!) { approveCandidate(mediationId: $id) { id } }', variables: { id: await mediate(t, jobOrderId, cpr, ownerFor(caller)) } };
    },
    expect: OWN_JC_AKASSE_SYSTEM,
    hidden: true,
    denyCodes: ['NOT_COORDINATOR'],
  },
  {
    // An order without coordinator: the result may be reported straight after the mediation.
    operation: 'Mutation.reportMediationResult',
    prepare: async (t, caller) => {
      const [jobOrderId, { cpr }] = await Promise.all([createOrder(t, ownerFor(caller)), createPerson(t)]);
      return {
        query: 'mutation($i: ReportMediationResultInput!) { reportMediationResult(input: $i) { id } }',
        variables: { i: { mediationId: await mediate(t, jobOrderId, cpr, ownerFor(caller)), outcome: 'HIRED' } },
      };
    },
    expect: OWN_JC_AKASSE_SYSTEM,
    hidden: true,
  },
  {
    operation: 'Mutation.createRecruitmentCollaboration',
    prepare: async () => ({
      query: 'mutation($i: RecruitmentCollaborationInput!) { createRecruitmentCollaboration(input: $i) { id } }',
      variables: { i: { name: `Adgangstest ${unique()}`, jobcentres: freshJobcentres() } },
    }),
    expect: SYSTEM_ONLY,
  },
  {
    operation: 'Mutation.updateRecruitmentCollaboration',
    prepare: async (t) => ({
      query: 'mutation($id: ID!, $i: RecruitmentCollaborationInput!) { updateRecruitmentCollaboration(id: $id, input: $i) { id } }',
      variables: { id: await createCollaboration(t), i: { name: `Adgangstest ${unique()}`, jobcentres: freshJobcentres() } },
    }),
    expect: SYSTEM_ONLY,
  },
  {
    operation: 'Mutation.dissolveRecruitmentCollaboration',
    prepare: async (t) => ({ query: 'mutation($id: ID!) { dissolveRecruitmentCollaboration(id: $id) }', variables: { id: await createCollaboration(t) } }),
    expect: SYSTEM_ONLY,
  },
  {
    // An ad for a job order: only the order's primary authorities (its owner, the caller's side
    // here) may publish one for it; to others the internal order does not exist. (Without a job
    // order every jobcentre and a-kasse may publish.)
    operation: 'Mutation.publishJobAd',
    prepare: async (t, caller) => ({
      query: 'mutation($i: PublishJobAdInput!) { publishJobAd(input: $i) { id } }',
      variables: { i: { ...JOB_AD, jobOrderId: await createOrder(t, ownerFor(caller)) } },
    }),
    expect: OWN_JC_AKASSE_SYSTEM,
    hidden: true,
  },
  {
    // A published ad of the caller's side: others get FORBIDDEN (a published ad is no secret).
    operation: 'Mutation.withdrawJobAd',
    prepare: async (t, caller) => ({ query: 'mutation($id: ID!) { withdrawJobAd(id: $id) { id } }', variables: { id: await publishAd(t, ownerFor(caller)) } }),
    expect: OWN_JC_AKASSE_SYSTEM,
  },

  // ---------------------------------------------------------------- payment (docs/subgraphs/payment.md)
  { operation: 'Query.eeaCountries', prepare: constant('{ eeaCountries { code } }'), expect: EVERYONE },
  { operation: 'Query.interruptionCauses', prepare: constant('{ interruptionCauses { id } }'), expect: EVERYONE },
  {
    operation: 'Query.eeaBenefitPeriod',
    prepare: async (t) => ({ query: 'query($id: ID!) { eeaBenefitPeriod(paymentId: $id) { paymentId } }', variables: { id: await readEeaPeriod(t) } }),
    expect: allowOnly('jobcentre', 'akasse', 'system'),
  },
  {
    // M: the a-kasse the membership names (21, the person's a-kasse to be, dated today: an a-kasse
    // dates one at most 13 weeks back), or the register feed.
    operation: 'Mutation.registerAkasseMembership',
    prepare: async (t) => ({
      query: 'mutation($i: AkasseMembershipInput!) { registerAkasseMembership(input: $i) { id } }',
      variables: { i: { cpr: (await createPerson(t, { akasse: false })).cpr, akasse: '21', start: TODAY } },
    }),
    expect: allowOnly('akasse', 'system'),
  },
  {
    // The fixture person's membership of a-kasse 21, by its id.
    operation: 'Mutation.endAkasseMembership',
    prepare: async (t) => ({
      query: 'mutation($i: EndAkasseMembershipInput!) { endAkasseMembership(input: $i) { id } }',
      variables: { i: { membershipId: (await createPerson(t)).membershipId, end: TODAY } },
    }),
    expect: allowOnly('akasse', 'system'),
  },
  {
    // The paying a-kasse alone: STAR never reports on a fund's behalf.
    operation: 'Mutation.reportEeaBenefitPeriod',
    prepare: async (t) => ({
      query: 'mutation($i: ReportEeaBenefitPeriodInput!) { reportEeaBenefitPeriod(input: $i) { paymentId } }',
      variables: { i: { cpr: (await createPerson(t)).cpr, ...EEA_PERIOD } },
    }),
    expect: allowOnly('akasse'),
  },
  {
    operation: 'Mutation.interruptEeaBenefitPeriod',
    prepare: async (t) => ({
      query: 'mutation($i: InterruptEeaBenefitPeriodInput!) { interruptEeaBenefitPeriod(input: $i) { paymentId } }',
      variables: { i: { paymentId: await reportEeaPeriod(t, (await createPerson(t)).cpr), interruptionDate: TODAY, causeId: 3 } },
    }),
    expect: allowOnly('akasse', 'system'),
  },
  {
    operation: 'Mutation.updateEeaBenefitPeriod',
    prepare: async (t) => ({
      query: 'mutation($i: UpdateEeaBenefitPeriodInput!) { updateEeaBenefitPeriod(input: $i) { paymentId } }',
      variables: { i: { paymentId: await reportEeaPeriod(t, (await createPerson(t)).cpr), end: '2027-01-31' } },
    }),
    expect: allowOnly('akasse', 'system'),
  },
  {
    operation: 'Mutation.deleteEeaBenefitPeriod',
    prepare: async (t) => ({ query: 'mutation($id: ID!) { deleteEeaBenefitPeriod(paymentId: $id) }', variables: { id: await reportEeaPeriod(t, (await createPerson(t)).cpr) } }),
    expect: allowOnly('akasse', 'system'),
  },

  // ---------------------------------------------------------------- notifications (docs/notifications.md)
  { operation: 'Query.inbox', prepare: constant('{ inbox(first: 1) { pageInfo { hasNextPage } } }'), expect: EVERYONE },
  {
    // Addressed to the person's jobcentre and a-kasser; the system hears everything, analysts
    // nothing person-level; anyone else gets null, as for a position that does not exist.
    operation: 'Query.notification',
    prepare: async (t) => ({ query: 'query($p: String!) { notification(position: $p) { position } }', variables: { p: await readNotification(t) } }),
    expect: OWN_JC_AKASSE_SYSTEM,
    hidden: true,
  },
  {
    // Acknowledgements are per caller: everyone may move their own.
    operation: 'Mutation.acknowledge',
    prepare: async (t) => ({ query: 'mutation($p: String!) { acknowledge(upTo: $p) }', variables: { p: await readNotification(t) } }),
    expect: EVERYONE,
  },

  // ---------------------------------------------------------------- push delivery (docs/notifications.md "Push delivery")
  // Each authority manages its own declaration; analysts receive no person-level notifications.
  // An empty declaration decides access without making the worker reach out to an endpoint.
  { operation: 'Query.deliverySubscriptions', prepare: constant('{ deliverySubscriptions { id } }'), expect: INTEGRATIONS },
  { operation: 'Query.deliveries', prepare: constant('{ deliveries(first: 1) { pageInfo { hasNextPage } } }'), expect: INTEGRATIONS },
  { operation: 'Mutation.declareDeliverySubscriptions', prepare: constant('mutation { declareDeliverySubscriptions(input: []) { id } }'), expect: INTEGRATIONS },
  { operation: 'Mutation.pauseDeliverySubscriptions', prepare: constant('mutation { pauseDeliverySubscriptions }'), expect: INTEGRATIONS },
  { operation: 'Mutation.resumeDeliverySubscriptions', prepare: constant('mutation { resumeDeliverySubscriptions }'), expect: INTEGRATIONS },
  { operation: 'Mutation.replayDeliveries', prepare: constant('mutation { replayDeliveries(input: { ids: [] }) }'), expect: INTEGRATIONS },
];

/** The caller a row runs as. */
export function callerFor(entry: MatrixEntry, caller: CallerKey): Caller {
  return entry.callers?.[caller] ?? CALLERS[caller];
}
