// Shared steps of the absence subgraph's end-to-end tests: persons in a contact group, a-kasse
// memberships, and what the absence database holds (rows and outbox events).
import type { Role } from '../../../core/identity';
import { errorCodes, type GraphQLResponse, type TestSystem } from '../../../test/support/system';

export type Caller = { role: Role; authority: string };
export const SYSTEM: Caller = { role: 'system', authority: 'STAR' };
export const JOBCENTRE: Caller = { role: 'caseworker', authority: '101' };
export const OTHER_JOBCENTRE: Caller = { role: 'caseworker', authority: '147' };
export const AKASSE: Caller = { role: 'akasse', authority: '21' };
export const OTHER_AKASSE: Caller = { role: 'akasse', authority: '99' };
export const ANALYST: Caller = { role: 'analyst', authority: 'STAR' };

export const REGISTER = 'mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id type { id } start end status } }';
export const UPDATE = 'mutation($i: UpdateAbsenceInput!) { updateAbsence(input: $i) { id start end status } }';
export const DELETE = 'mutation($id: ID!, $c: String!) { deleteAbsence(id: $id, comment: $c) { absence { id status } reRegistered reRegistrationRequired message } }';
export const CHANGE_GROUP = 'mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }';

let nextCpr = 1;
/** A fresh CPR per call (day 01-28, month 01-12), so tests never share a person. */
export function newCpr(): string {
  const n = nextCpr++;
  return `${String((n % 28) + 1).padStart(2, '0')}${String((Math.floor(n / 28) % 12) + 1).padStart(2, '0')}85${String(1000 + n).padStart(4, '0')}`;
}

export async function ok<T = Record<string, unknown>>(t: TestSystem, query: string, variables: Record<string, unknown>, as: Caller = SYSTEM): Promise<T> {
  const response = await t.gql<T>(query, variables, as);
  if (response.errors) throw new Error(`${query}: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}

/** A person of jobcentre 101 in `group` from `start`, optionally a member of a-kasse 21; returns the person id. */
export async function person(t: TestSystem, cpr: string, group: number | null, options: { start?: string; akasse?: boolean } = {}): Promise<string> {
  const { upsertPerson } = await ok<{ upsertPerson: { id: string } }>(t, 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name: 'Test Person', municipalityCode: '101' } });
  if (group !== null) await ok(t, CHANGE_GROUP, { i: { cpr, contactGroupId: group, start: options.start ?? '2026-01-01' } }, JOBCENTRE);
  if (options.akasse) await ok(t, 'mutation($i: AkasseMembershipInput!) { registerAkasseMembership(input: $i) { id } }', { i: { cpr, akasse: '21', start: '2020-01-01' } }); // the register feed: history
  return upsertPerson.id;
}

export async function changeGroup(t: TestSystem, cpr: string, contactGroupId: number, start: string, recoveryCauseId?: number): Promise<void> {
  await ok(t, CHANGE_GROUP, { i: { cpr, contactGroupId, start, ...(recoveryCauseId ? { recoveryCauseId } : {}) } }, JOBCENTRE);
}

export interface AbsenceView {
  id: string;
  type: { id: number };
  start: string;
  end: string | null;
  status: string;
}

export async function register(t: TestSystem, input: Record<string, unknown>, as: Caller = JOBCENTRE): Promise<GraphQLResponse<{ registerAbsence: AbsenceView }>> {
  return t.gql<{ registerAbsence: AbsenceView }>(REGISTER, { i: input }, as);
}

export async function registered(t: TestSystem, input: Record<string, unknown>, as: Caller = JOBCENTRE): Promise<AbsenceView> {
  const response = await register(t, input, as);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.registerAbsence;
}

export function codes(response: GraphQLResponse<unknown>): unknown[] {
  return errorCodes(response);
}

function absenceDb(t: TestSystem) {
  return t.system.subgraphs.find((s) => s.name === 'absence')!.orm.em.getConnection();
}

/** Rows in the absence table and the outbox: a refused write must change neither. */
export async function counts(t: TestSystem): Promise<{ absence: number; outbox: number }> {
  const db = absenceDb(t);
  const [a] = await db.execute<{ n: number | string }[]>('select count(*) as n from absence');
  const [o] = await db.execute<{ n: number | string }[]>('select count(*) as n from outbox_event');
  return { absence: Number(a.n), outbox: Number(o.n) };
}

export interface StoredEvent {
  kind: string;
  payload: Record<string, unknown>;
  authorities: { jobcentres?: string[]; akasser?: string[] };
}

/** The absence subgraph's outbox events about one absence, oldest first. */
export async function eventsOf(t: TestSystem, absenceId: string): Promise<StoredEvent[]> {
  const rows: { kind: string; payload: string | object; authorities: string | object }[] = await absenceDb(t).execute(
    'select kind, payload, authorities from outbox_event where entity_id = ? order by seq',
    [absenceId],
  );
  const json = (value: string | object) => (typeof value === 'string' ? JSON.parse(value) : value);
  return rows.map((r) => ({ kind: r.kind, payload: json(r.payload), authorities: json(r.authorities) }));
}

export const ABSENCES_OF = `query($cpr: String!, $deleted: Boolean) { person(cpr: $cpr) { absences(includeDeleted: $deleted) { id type { id } start end status statusSince } } }`;

export async function absencesOf(t: TestSystem, cpr: string, includeDeleted = false): Promise<(AbsenceView & { statusSince: string | null })[]> {
  const data = await ok<{ person: { absences: (AbsenceView & { statusSince: string | null })[] } }>(t, ABSENCES_OF, { cpr, deleted: includeDeleted }, JOBCENTRE);
  return data.person.absences;
}
