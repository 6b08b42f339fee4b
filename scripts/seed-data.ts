// A realistic demo data set, written through the gateway like any integration would: a few hundred
// persons across five jobcentres and their contact groups, with absences, plans, job orders,
// a-kasse memberships and EEA periods. Deterministic, so two runs describe the same people.
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import { logger } from '../core/logger';
import type { Role } from '../core/identity';

const JOBCENTRES = ['101', '147', '751', '461', '851'];
const FIRST = ['Anna', 'Mette', 'Lars', 'Jens', 'Sofie', 'Mads', 'Freja', 'Peter', 'Ida', 'Ahmad', 'Fatima', 'Oliver', 'Emma', 'Noah', 'Karen'];
const LAST = ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Hussein'];
/** Weighted towards the groups a jobcentre sees most: dagpenge, kontanthjælp, sick benefits. */
const GROUPS = [1, 1, 1, 2, 2, 12, 25, 24, 7, 10, 11, 13, 28];

/** A small deterministic PRNG (mulberry32): the same seed gives the same demo people. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoPerson {
  cpr: string;
  name: string;
  municipalityCode: string;
  contactGroupId: number;
  contactGroupStart: string;
}

export function demoPersons(count: number, seed = 2021, jobcentres: readonly string[] = JOBCENTRES): DemoPerson[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const persons: DemoPerson[] = [];
  for (let i = 0; i < count; i++) {
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const year = String(60 + Math.floor(next() * 45)).padStart(2, '0').slice(-2);
    const serial = String(i).padStart(4, '0');
    const startMonth = String(1 + Math.floor(next() * 10)).padStart(2, '0');
    persons.push({
      cpr: `${day}${month}${year}${serial}`,
      name: `${pick(FIRST)} ${pick(LAST)}`,
      municipalityCode: jobcentres[i % jobcentres.length],
      contactGroupId: pick(GROUPS),
      contactGroupStart: `2026-${startMonth}-01`,
    });
  }
  return persons;
}

async function call(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new Error(`${body.errors[0].extensions?.code}: ${body.errors[0].message}`);
  return body.data ?? {};
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function inBatches<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let index = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (index < items.length) await work(items[index++]);
  }));
}

const AKASSER = ['21', '22', '30', '55', '84'];
const EEA = ['DE', 'SE', 'NO', 'PL', 'ES', 'NL'];
/** ESCO-STAR titles from the shipped occupation catalog. */
const OCCUPATIONS = ['5223.1', '5120.1', '4110.1', '7115.1', '2512.1', '5321.1'];

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An absence type the person's group allows and the jobcentre may register, with a legal period. */
function absenceFor(groupId: number, today: string): { typeId: number; start: string; end: string } | null {
  if ([1, 2, 7, 12, 28].includes(groupId)) return { typeId: 45, start: shiftDays(today, -7), end: shiftDays(today, 21) }; // På vej i job, ≤ 6 weeks
  if ([24, 25].includes(groupId)) return { typeId: 11, start: shiftDays(today, -10), end: shiftDays(today, 30) }; // Sygdom
  if ([11, 13].includes(groupId)) return { typeId: 79, start: shiftDays(today, -14), end: shiftDays(today, 60) }; // Sorgorlov, ≤ 26 weeks
  return null;
}

/** 002: the benefit the work obligation's reach is judged on, for the cash-benefit groups of the demo (cashBenefitTypes). */
const BENEFIT_BY_GROUP: ReadonlyMap<number, number> = new Map([
  [2, 901], // kontanthjælp
  [12, 901], // uddannelseshjælp
  [28, 903], // uddannelsespålæg – overgangsydelse
]);

/**
 * Work-obligation facts for a person in a cash-benefit group: every other one (by CPR serial, so
 * the other demo data keeps its random draws) entered Denmark at 25 and meets neither requirement,
 * the rest were born here and meet both; covered or not follows from the rules.
 */
function workObligationFactsFor(person: DemoPerson): Record<string, unknown> | null {
  const benefitTypeId = BENEFIT_BY_GROUP.get(person.contactGroupId);
  if (benefitTypeId === undefined) return null;
  const entered = Number(person.cpr.slice(6)) % 2 === 0;
  const birthYear = 1900 + Number(person.cpr.slice(4, 6));
  return {
    cpr: person.cpr,
    validFrom: person.contactGroupStart,
    benefitTypeId,
    residenceYears: entered ? 4 : 10,
    fullTimeEmploymentYears: entered ? 1 : 6,
    entryYear: entered ? Math.min(birthYear + 25, Number(person.contactGroupStart.slice(0, 4))) : null,
  };
}

/**
 * A mentor grant (VITAS, 003) for every fifth person in a kontanthjælp or flex-job group (by CPR
 * serial, keeping the other random draws): with a wage subsidy ('Mentor, plads') or an internship
 * ('Mentor, individuel'), or, for flex-job visited persons, with no such offer and so no type.
 */
function mentorGrantFor(person: DemoPerson, today: string): Record<string, unknown> | null {
  const serial = Number(person.cpr.slice(6));
  if (![2, 7].includes(person.contactGroupId) || serial % 5 !== 0) return null;
  const start = shiftDays(today, -14);
  if (person.contactGroupId === 7) return { cpr: person.cpr, offerId: 905, start, end: shiftDays(today, 90) };
  return serial % 2 === 0
    ? { cpr: person.cpr, offerId: 902, mentorTypeId: 902, start, end: shiftDays(today, 180) }
    : { cpr: person.cpr, offerId: 901, mentorTypeId: 901, start, end: shiftDays(today, 28) };
}

/**
 * Writes the demo data set through the gateway, each part as the role that owns it in real life:
 * the CPR feed and the a-kasse register as the system role, contact groups, absences, plans and job
 * orders as the person's jobcentre, EEA periods as the person's a-kasse. Skipped when the data
 * folder already holds the first demo person.
 */
export async function seedDemoData(url: string, dataDir: string, count = 300, today = new Date().toISOString().slice(0, 10), jobcentres: readonly string[] = JOBCENTRES): Promise<void> {
  const key = await devClientSigningKey(dataDir);
  const token = (role: Role, authority: string) => issueClientToken(key, { role, authority, subject: `demo-seed-${role}-${authority}` });
  const system = await token('system', 'STAR');
  const persons = demoPersons(count, 2021, jobcentres);
  const existing = await call(url, system, 'query($cpr: String!) { person(cpr: $cpr) { id } }', { cpr: persons[0].cpr });
  if (existing.person) {
    logger.info('demo data already loaded');
    return;
  }
  const tokens = new Map<string, string>();
  const as = async (role: Role, authority: string) => {
    const id = `${role}:${authority}`;
    if (!tokens.has(id)) tokens.set(id, await token(role, authority));
    return tokens.get(id)!;
  };

  // Job orders first: three per jobcentre, the first public, so citizens can be mediated to them.
  const orders = new Map<string, string[]>();
  for (const jobcentre of jobcentres) {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const data = await call(url, await as('caseworker', jobcentre), 'mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { id } }', {
        i: {
          title: `${['Butiksassistent', 'Kok', 'Kontorassistent'][i]} søges`,
          occupationCode: ['5223.1', '5120.1', '4110.1'][i],
          description: 'Vi søger en stabil medarbejder til 37 timer om ugen. Erfaring er en fordel, men ikke et krav.',
          numberOfPositions: 1 + i,
          isInternal: i !== 0,
        },
      });
      ids.push((data.createJobOrder as { id: string }).id);
    }
    orders.set(jobcentre, ids);
  }

  const next = random(7);
  const counts = { persons: 0, memberships: 0, absences: 0, plans: 0, mediations: 0, eeaPeriods: 0, workObligationFacts: 0, mentorGrants: 0, jobSearchConfirmations: 0, joblogEntries: 0 };
  await inBatches(persons, 8, async (person) => {
    const jobcentre = await as('caseworker', person.municipalityCode);
    await call(url, system, 'mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) { id } }', {
      input: { cpr: person.cpr, name: person.name, municipalityCode: person.municipalityCode },
    });
    counts.persons++;
    // Dagpenge and sick-benefit recipients from employment are insured: a membership of an a-kasse.
    const akasse = [1, 24, 25].includes(person.contactGroupId) || next() < 0.3 ? AKASSER[Math.floor(next() * AKASSER.length)] : null;
    if (akasse) {
      await call(url, system, 'mutation($i: AkasseMembershipInput!) { registerAkasseMembership(input: $i) { id } }', { i: { cpr: person.cpr, akasse, start: '2020-01-01' } });
      counts.memberships++;
    }
    await call(url, jobcentre, 'mutation($input: ChangeContactGroupInput!) { changeContactGroup(input: $input) { id } }', {
      input: { cpr: person.cpr, contactGroupId: person.contactGroupId, start: person.contactGroupStart },
    });
    const absence = absenceFor(person.contactGroupId, today);
    if (absence && next() < 0.35) {
      await call(url, jobcentre, 'mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }', { i: { cpr: person.cpr, ...absence } });
      counts.absences++;
    }
    const facts = workObligationFactsFor(person);
    if (facts) {
      await call(url, jobcentre, 'mutation($i: WorkObligationFactsInput!) { recordWorkObligationFacts(input: $i) { id } }', { i: facts });
      counts.workObligationFacts++;
    }
    // Every third kontanthjælp recipient registered as a job seeker who has confirmed the job search (004).
    if (person.contactGroupId === 2 && Number(person.cpr.slice(6)) % 3 === 0) {
      await call(url, jobcentre, 'mutation($i: RegisterJobSeekerInput!) { registerJobSeeker(input: $i) { id } }', { i: { cpr: person.cpr, category: 'KONTANTHJAELP', registrationDate: today } });
      await call(url, system, 'mutation($cpr: String!) { confirmJobSearch(cpr: $cpr) { id } }', { cpr: person.cpr });
      counts.jobSearchConfirmations++;
      // ...and has kept a joblog since (Jobnet writes it as the system role): one job applied for, one general search.
      await call(url, system, 'mutation($i: JoblogEntryInput!) { recordJoblogEntry(input: $i) { id } }', {
        i: { cpr: person.cpr, kind: 'SPECIFIC_JOB', date: shiftDays(today, -3), employer: 'Netto Vesterbro', jobTitle: 'Butiksassistent', contactPerson: 'Butikschefen' },
      });
      await call(url, system, 'mutation($i: JoblogEntryInput!) { recordJoblogEntry(input: $i) { id } }', {
        i: { cpr: person.cpr, kind: 'GENERAL', date: shiftDays(today, -1), description: 'Opdateret CV og søgt uopfordret hos tre lokale butikker.' },
      });
      counts.joblogEntries += 2;
    }
    const mentorGrant = mentorGrantFor(person, today);
    if (mentorGrant) {
      await call(url, jobcentre, 'mutation($i: RegisterMentorGrantInput!) { registerMentorGrant(input: $i) { id } }', { i: mentorGrant });
      counts.mentorGrants++;
    }
    if (person.contactGroupId === 1) {
      await call(url, jobcentre, 'mutation($i: JobSearchRequirementsInput!) { setJobSearchRequirements(input: $i) { version } }', {
        i: {
          cpr: person.cpr,
          occupations: [{ code: OCCUPATIONS[Math.floor(next() * OCCUPATIONS.length)], level: 3 }],
          where: { municipalityCodes: [person.municipalityCode] },
        },
      });
      counts.plans++;
    }
    if ([1, 2].includes(person.contactGroupId) && next() < 0.15) {
      await call(url, jobcentre, 'mutation($i: MediateCandidateInput!) { mediateCandidate(input: $i) { id } }', { i: { jobOrderId: orders.get(person.municipalityCode)![0], cpr: person.cpr } });
      counts.mediations++;
    }
    if (akasse && person.contactGroupId === 1 && next() < 0.2) {
      await call(url, await as('akasse', akasse), 'mutation($i: ReportEeaBenefitPeriodInput!) { reportEeaBenefitPeriod(input: $i) { paymentId } }', {
        i: { cpr: person.cpr, country: EEA[Math.floor(next() * EEA.length)], start: shiftDays(today, -60), end: shiftDays(today, 30) },
      });
      counts.eeaPeriods++;
    }
  });
  logger.info({ ...counts, jobOrders: jobcentres.length * 3 }, 'demo data loaded');
}
