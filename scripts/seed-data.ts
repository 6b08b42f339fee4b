// A realistic demo data set, written through the gateway like any integration would: a few hundred
// persons across five jobcentres and their contact groups, with absences, plans, job orders,
// a-kasse memberships and EEA periods. Deterministic, so two runs describe the same people.
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import { logger } from '../core/logger';

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

export function demoPersons(count: number, seed = 2021): DemoPerson[] {
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
      municipalityCode: JOBCENTRES[i % JOBCENTRES.length],
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

export async function seedDemoData(url: string, dataDir: string, count = 300): Promise<void> {
  const key = await devClientSigningKey(dataDir);
  const system = await issueClientToken(key, { role: 'system', authority: 'STAR', subject: 'demo-seed' });
  const persons = demoPersons(count);
  await inBatches(persons, 8, async (person) => {
    await call(url, system, 'mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) { id } }', {
      input: { cpr: person.cpr, name: person.name, municipalityCode: person.municipalityCode },
    });
    await call(url, system, 'mutation($input: ChangeContactGroupInput!) { changeContactGroup(input: $input) { id } }', {
      input: { cpr: person.cpr, contactGroupId: person.contactGroupId, start: person.contactGroupStart },
    }).catch((error: Error) => {
      // Re-seeding an existing data folder: the group is already open from that date.
      if (!error.message.startsWith('INVALID_DATE_RANGE')) throw error;
    });
  });
  logger.info({ persons: persons.length }, 'demo data loaded');
}
