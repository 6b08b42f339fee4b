// Fixtures of the access-matrix suite (test/access-matrix.test.ts): the six kinds of caller and the
// persons, absences, activities, orders and ads the matrix's operations act on, all built through
// the gateway as the system role (or as the authority a step belongs to), dated relative to the
// suite's day 2026-11-23.
import { addDays } from '../../core/dates';
import type { Role } from '../../core/identity';
import { AKASSE, ANALYST, JOBCENTRE, OTHER_AKASSE, OTHER_JOBCENTRE, SYSTEM } from '../support/callers';
import type { GraphQLResponse, TestSystem } from '../support/system';

export type Caller = { role: Role; authority: string };

export const CALLER_KEYS = ['jobcentre', 'otherJobcentre', 'akasse', 'otherAkasse', 'analyst', 'system'] as const;
export type CallerKey = (typeof CALLER_KEYS)[number];

/**
 * The fixture person belongs to jobcentre 101 and is a member of a-kasse 21 (since 2020-01-01);
 * 147 is another jobcentre and 99 an a-kasse the person never was a member of (the callers every
 * end-to-end suite uses, test/support/callers.ts).
 */
export const CALLERS: Record<CallerKey, Caller> = {
  jobcentre: JOBCENTRE,
  otherJobcentre: OTHER_JOBCENTRE,
  akasse: AKASSE,
  otherAkasse: OTHER_AKASSE,
  analyst: ANALYST,
  system: SYSTEM,
};

export const DESCRIBE: Record<CallerKey, string> = {
  jobcentre: "the person's jobcentre",
  otherJobcentre: 'another jobcentre',
  akasse: "the person's a-kasse",
  otherAkasse: 'another a-kasse',
  analyst: 'an analyst',
  system: 'the system role',
};

export { AKASSE, JOBCENTRE, SYSTEM };

export const TODAY = '2026-11-23';

/** Runs a set-up step and throws (naming the step) when it did not succeed. */
export async function ok<T = Record<string, unknown>>(t: TestSystem, query: string, variables: Record<string, unknown> = {}, as: Caller = SYSTEM): Promise<T> {
  const response: GraphQLResponse<T> = await t.gql<T>(query, variables, as);
  if (response.errors || !response.data) {
    throw new Error(`Fixture step failed as ${as.role} ${as.authority}: ${query}\n${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

let serial = 0;
/** A fresh CPR per call, born 1990 (7th digit 1-3), day and month varied so numbers never repeat. */
export function newCpr(): string {
  serial += 1;
  const day = String((serial % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(serial / 28) % 12) + 1).padStart(2, '0');
  return `${day}${month}90${String(1000 + (serial % 3000)).padStart(4, '0')}`;
}

let counter = 0;
/** A number unique within the suite run, for names, legacy ids and collaboration members. */
export function unique(): number {
  counter += 1;
  return counter;
}

export interface PersonFixture {
  id: string;
  cpr: string;
  /** The membership of a-kasse 21, when the person has one. */
  membershipId: string | null;
}

export interface PersonOptions {
  /** The person's jobcentre; 101 unless the operation needs another. */
  municipalityCode?: string;
  /** The open contact group (null: none); 1 unless given. */
  contactGroupId?: number | null;
  /** Its start; 2026-01-05 unless given. */
  start?: string;
  /** A member of a-kasse 21 since 2020-01-01 unless false. */
  akasse?: boolean;
}

/** The fixture person: jobcentre 101, a member of a-kasse 21 since 2020-01-01, contact group 1 from 2026-01-05. */
export async function createPerson(t: TestSystem, options: PersonOptions = {}): Promise<PersonFixture> {
  const cpr = newCpr();
  const municipalityCode = options.municipalityCode ?? '101';
  const { upsertPerson } = await ok<{ upsertPerson: { id: string } }>(t, 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', {
    i: { cpr, name: 'Adgang Testperson', municipalityCode },
  });
  let membershipId: string | null = null;
  if (options.akasse !== false) {
    const data = await ok<{ registerAkasseMembership: { id: string } }>(t, 'mutation($i: AkasseMembershipInput!) { registerAkasseMembership(input: $i) { id } }', { i: { cpr, akasse: '21', start: '2020-01-01' } });
    membershipId = data.registerAkasseMembership.id;
  }
  const group = options.contactGroupId === undefined ? 1 : options.contactGroupId;
  if (group !== null) {
    await ok(t, 'mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr, contactGroupId: group, start: options.start ?? '2026-01-05' } }, { role: 'caseworker', authority: municipalityCode });
  }
  return { id: upsertPerson.id, cpr, membershipId };
}

/** Builds a fixture once per test system and hands the same one to every caller (reads only). */
export function shared<T>(build: (t: TestSystem) => Promise<T>): (t: TestSystem) => Promise<T> {
  const built = new WeakMap<TestSystem, Promise<T>>();
  return (t) => {
    let fixture = built.get(t);
    if (!fixture) {
      fixture = build(t);
      built.set(t, fixture);
    }
    return fixture;
  };
}

// --- person subgraph ---

export async function registerJobSeeker(t: TestSystem, cpr: string, category: string, extra: Record<string, unknown> = {}): Promise<void> {
  await ok(t, 'mutation($i: RegisterJobSeekerInput!) { registerJobSeeker(input: $i) { id } }', { i: { cpr, category, registrationDate: TODAY, ...extra } });
}

/**
 * A kontanthjælp recipient the scheduled job deregistered for a missing job-search confirmation
 * (004), TODAY: registered 8 days before, with the clock moved back there and home again.
 */
export async function deregisteredForMissingConfirmation(t: TestSystem, cpr: string): Promise<void> {
  const home = t.clock.now().toISOString();
  t.clock.set(`${addDays(TODAY, -8)}T09:00:00Z`);
  try {
    await ok(t, 'mutation($i: RegisterJobSeekerInput!) { registerJobSeeker(input: $i) { id } }', { i: { cpr, category: 'KONTANTHJAELP', registrationDate: addDays(TODAY, -8) } }, JOBCENTRE);
  } finally {
    t.clock.set(home);
  }
  await ok(t, 'mutation { runScheduledJobs { deregisteredForMissingConfirmation } }');
}

export async function summon(t: TestSystem, cpr: string, as: Caller, meetingTypeId: number): Promise<string> {
  const data = await ok<{ summonToMeeting: { id: string } }>(t, 'mutation($i: SummonToMeetingInput!) { summonToMeeting(input: $i) { id } }', { i: { cpr, meetingTypeId, at: '2026-12-03T09:00:00Z' } }, as);
  return data.summonToMeeting.id;
}

export async function selfBookingDeadline(t: TestSystem, cpr: string): Promise<string> {
  const data = await ok<{ setSelfBookingDeadline: { id: string } }>(t, 'mutation($i: SelfBookingDeadlineInput!) { setSelfBookingDeadline(input: $i) { id } }', { i: { cpr, deadline: '2026-12-10' } });
  return data.setSelfBookingDeadline.id;
}

// --- absence subgraph ---

/** Type 45 'På vej i job (inden for 6 uger)' (group 1; J and A), registered by the system role. */
export async function registerAbsence(t: TestSystem, cpr: string, start: string, end: string): Promise<string> {
  const data = await ok<{ registerAbsence: { id: string } }>(t, 'mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }', { i: { cpr, typeId: 45, start, end } });
  return data.registerAbsence.id;
}

// --- plan subgraph ---

/** Category 903 'Jobrettet uddannelse' (at most 42 days; the a-kasse's own category), registered by the system role. */
export async function registerActivity(t: TestSystem, cpr: string, start: string, end: string): Promise<string> {
  const data = await ok<{ registerActivity: { id: string } }>(t, 'mutation($i: RegisterActivityInput!) { registerActivity(input: $i) { id } }', { i: { cpr, categoryId: 903, start, end } });
  return data.registerActivity.id;
}

// --- recruitment subgraph ---

/**
 * Who owns the job orders and ads a recruitment operation acts on: a-kasse 21 when an a-kasse calls
 * (so "the owner / primary authority" can be an a-kasse too), jobcentre 101 otherwise. Another
 * jobcentre (147) and another a-kasse (99) are then never primary: no collaboration is set up.
 */
export function ownerFor(caller: CallerKey): Caller {
  return caller === 'akasse' || caller === 'otherAkasse' ? AKASSE : JOBCENTRE;
}

export async function createOrder(t: TestSystem, owner: Caller, input: Record<string, unknown> = {}): Promise<string> {
  const data = await ok<{ createJobOrder: { id: string } }>(t, 'mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { id } }', { i: { ...JOB_ORDER, ...input } }, owner);
  return data.createJobOrder.id;
}

export const JOB_ORDER = { title: 'Social- og sundhedshjælper', description: 'Dagvagt i hjemmeplejen.', occupationCode: '5322.1' };

export async function mediate(t: TestSystem, jobOrderId: string, cpr: string, as: Caller): Promise<string> {
  const data = await ok<{ mediateCandidate: { id: string } }>(t, 'mutation($i: MediateCandidateInput!) { mediateCandidate(input: $i) { id } }', { i: { jobOrderId, cpr } }, as);
  return data.mediateCandidate.id;
}

export const JOB_AD = { title: 'Svejser søges', text: 'Vi søger en erfaren svejser.', occupationCode: '7212.1', employerName: 'Stål A/S', lastPublicationDate: '2026-12-31' };

export async function publishAd(t: TestSystem, owner: Caller): Promise<string> {
  const data = await ok<{ publishJobAd: { id: string } }>(t, 'mutation($i: PublishJobAdInput!) { publishJobAd(input: $i) { id } }', { i: JOB_AD }, owner);
  return data.publishJobAd.id;
}

/** Two jobcentre codes no other collaboration of the suite uses (3 digits, from 500 up). */
export function freshJobcentres(): [string, string] {
  const n = unique();
  return [String(500 + 2 * n), String(501 + 2 * n)];
}

export async function createCollaboration(t: TestSystem): Promise<string> {
  const data = await ok<{ createRecruitmentCollaboration: { id: string } }>(t, 'mutation($i: RecruitmentCollaborationInput!) { createRecruitmentCollaboration(input: $i) { id } }', {
    i: { name: `Adgangstest ${unique()}`, jobcentres: freshJobcentres() },
  });
  return data.createRecruitmentCollaboration.id;
}

// --- payment subgraph ---

/** A Swedish EEA benefit period from 1 September to 31 December 2026, reported by a-kasse 21 (the member a-kasse on its start). */
export const EEA_PERIOD = { country: 'SE', start: '2026-09-01', end: '2026-12-31' };

export async function reportEeaPeriod(t: TestSystem, cpr: string): Promise<string> {
  const data = await ok<{ reportEeaBenefitPeriod: { paymentId: string } }>(t, 'mutation($i: ReportEeaBenefitPeriodInput!) { reportEeaBenefitPeriod(input: $i) { paymentId } }', { i: { cpr, ...EEA_PERIOD } }, AKASSE);
  return data.reportEeaBenefitPeriod.paymentId;
}
