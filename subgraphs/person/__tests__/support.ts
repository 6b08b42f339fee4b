// Shared steps of the person subgraph's end-to-end suites: callers, persons created through the
// gateway, compact reads of results and of the events that reached the bus.
import type { BusEvent } from '../../../core/bus';
import { eventually, type TestSystem } from '../../../test/support/system';

export { AKASSE, ANALYST, JOBCENTRE, OTHER_AKASSE, OTHER_JOBCENTRE, SYSTEM, fails, ok } from '../../../test/support/callers';
import { JOBCENTRE, SYSTEM, ok } from '../../../test/support/callers';

export type Caller = Parameters<TestSystem['gql']>[2];

let serial = 0;

/** A fresh CPR per call, so tests never share a person. */
export function newCpr(prefix = '020290'): string {
  serial += 1;
  return `${prefix}${String(1000 + serial).slice(-4)}`;
}

export const UPSERT = 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id municipalityCode } }';
export const CHANGE_GROUP = 'mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id contactGroup { id } start end recoveryCauseId } }';
export const REGISTER =
  'mutation($i: RegisterJobSeekerInput!) { registerJobSeeker(input: $i) { id category status registrationDate eventDate contactGroup { id name } awaitingAttendance attendanceDeadline dimittend withoutMembership selfService closedOn } }';

export interface CreatedPerson {
  id: string;
  cpr: string;
}

export async function createPerson(t: TestSystem, options: { municipalityCode?: string; livesAbroad?: boolean; contactGroupId?: number; start?: string; akasse?: string } = {}): Promise<CreatedPerson> {
  const cpr = newCpr();
  const municipalityCode = options.municipalityCode ?? '101';
  const { upsertPerson } = await ok<{ upsertPerson: { id: string } }>(t, UPSERT, { i: { cpr, name: 'Test Person', municipalityCode, livesAbroad: options.livesAbroad ?? false } }, SYSTEM);
  if (options.akasse) await addMembership(t, cpr, options.akasse);
  if (options.contactGroupId !== undefined) {
    await ok(t, CHANGE_GROUP, { i: { cpr, contactGroupId: options.contactGroupId, start: options.start ?? '2026-01-05' } }, { role: 'caseworker', authority: municipalityCode });
  }
  return { id: upsertPerson.id, cpr };
}

/**
 * A membership through the payment subgraph, from the register feed (the a-kasse itself dates one
 * only 13 weeks back); the person subgraph learns it from its event.
 */
export async function addMembership(t: TestSystem, cpr: string, akasse: string, start = '2020-01-01'): Promise<void> {
  await ok(t, 'mutation($i: AkasseMembershipInput!) { registerAkasseMembership(input: $i) { id } }', { i: { cpr, akasse, start } }, SYSTEM);
}

export async function read<T = Record<string, unknown>>(t: TestSystem, cpr: string, fields: string, as: Caller = JOBCENTRE): Promise<T> {
  const data = await ok<{ person: T }>(t, `query($cpr: String!) { person(cpr: $cpr) { ${fields} } }`, { cpr }, as);
  return data.person;
}

/** Every event of `kind` about the person that reached the bus. */
export async function eventsOf(t: TestSystem, kind: string, personId: string): Promise<BusEvent[]> {
  const all = await t.system.bus.read(0, 1_000_000);
  return all.filter((e) => e.kind === kind && e.personId === personId);
}

/** Waits until `count` events of `kind` reached the bus (reactions are relayed within a second). */
export async function awaitEvents(t: TestSystem, kind: string, personId: string, count: number): Promise<BusEvent[]> {
  return eventually(async () => {
    const events = await eventsOf(t, kind, personId);
    if (events.length < count) throw new Error(`${events.length} of ${count} ${kind}`);
    return events;
  });
}
