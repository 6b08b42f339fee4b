// Shared set-up of the recruitment end-to-end suites: callers, persons, a collaboration, orders.
import { errorCodes, type GraphQLResponse, type TestSystem } from '../../../test/support/system';

export type Caller = { role: 'caseworker' | 'akasse' | 'analyst' | 'system'; authority: string };

/** Jobcentre 101 owns the orders; 147 and a-kasse 21 share its collaboration; 461's citizen is mediated. */
export const CALLERS = {
  owner: { role: 'caseworker', authority: '101' },
  collaborationMember: { role: 'caseworker', authority: '147' },
  collaborationAkasse: { role: 'akasse', authority: '21' },
  mediatedCitizensJobcentre: { role: 'caseworker', authority: '461' },
  unrelatedJobcentre: { role: 'caseworker', authority: '751' },
  unrelatedAkasse: { role: 'akasse', authority: '5' },
  analyst: { role: 'analyst', authority: 'STAR' },
  system: { role: 'system', authority: 'STAR' },
} as const satisfies Record<string, Caller>;

export async function ok<T = Record<string, unknown>>(t: TestSystem, query: string, variables: Record<string, unknown>, as: Caller = CALLERS.system): Promise<T> {
  const response = await t.gql<T>(query, variables, as);
  if (response.errors) throw new Error(`Unexpected errors: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}

export function codeOf(response: GraphQLResponse<unknown>): unknown {
  return errorCodes(response)[0] ?? null;
}

export async function person(t: TestSystem, cpr: string, municipalityCode: string): Promise<string> {
  const data = await ok<{ upsertPerson: { id: string } }>(t, 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', {
    i: { cpr, name: `Borger ${cpr}`, municipalityCode },
  });
  return data.upsertPerson.id;
}

/** A membership from 2020, as the register feed delivers history. */
export async function membership(t: TestSystem, cpr: string, akasse: string): Promise<void> {
  await ok(t, 'mutation($i: AkasseMembershipInput!) { registerAkasseMembership(input: $i) { id } }', { i: { cpr, akasse, start: '2020-01-01' } });
}

export async function collaboration(t: TestSystem, name: string, jobcentres: string[], akasser: string[] = []): Promise<string> {
  const data = await ok<{ createRecruitmentCollaboration: { id: string } }>(
    t,
    'mutation($i: RecruitmentCollaborationInput!) { createRecruitmentCollaboration(input: $i) { id } }',
    { i: { name, jobcentres, akasser } },
  );
  return data.createRecruitmentCollaboration.id;
}

export async function createOrder(t: TestSystem, input: Record<string, unknown> = {}, as: Caller = CALLERS.owner): Promise<string> {
  const data = await ok<{ createJobOrder: { id: string } }>(t, 'mutation($i: CreateJobOrderInput!) { createJobOrder(input: $i) { id } }', {
    i: { title: 'Social- og sundhedshjælper', description: 'Dagvagt i hjemmeplejen.', occupationCode: '5322.1', ...input },
  }, as);
  return data.createJobOrder.id;
}

export const MEDIATE = 'mutation($i: MediateCandidateInput!) { mediateCandidate(input: $i) { id status } }';

export async function mediate(t: TestSystem, jobOrderId: string, cpr: string, as: Caller = CALLERS.owner): Promise<string> {
  return (await ok<{ mediateCandidate: { id: string } }>(t, MEDIATE, { i: { jobOrderId, cpr } }, as)).mediateCandidate.id;
}

/** The kinds of the notifications an authority has received, oldest first. */
export async function inboxKinds(t: TestSystem, as: Caller): Promise<{ kind: string; entityId: string | null }[]> {
  const data = await ok<{ inbox: { nodes: { kind: string; entityId: string | null }[] } }>(t, '{ inbox(first: 500) { nodes { kind entityId } } }', {}, as);
  return data.inbox.nodes;
}
