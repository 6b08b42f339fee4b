// The gateway refuses abusive operations before planning them: too deep, too many aliases, too
// many tokens, a body over the limit, and batched requests, each with HTTP 400 and a typed code.
// Every subgraph applies limits of its own to whoever reaches it with a valid identity token, yet
// never refuses what the gateway sends for a query within the gateway's limits. Limits are not
// revealed in the errors, and no error suggests a name from the schema.
import { JOBCENTRE, SYSTEM } from './support/callers';
import { startTestSystem, type GraphQLResponse, type TestSystem } from './support/system';

let t: TestSystem;
let bearer: string;
/** A person of jobcentre 101 with three absences, the first of many like it. */
let personId: string;
const PERSONS = 12;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
  bearer = await t.token('caseworker', '101');
  [personId] = await Promise.all(Array.from({ length: PERSONS }, (_, n) => seedPerson(n)));
});
afterAll(() => t.stop());

/** Person n of jobcentre 101 in contact group 1 with three absences; returns the person id. */
async function seedPerson(n: number): Promise<string> {
  const cpr = `${String((n % 28) + 1).padStart(2, '0')}${String(Math.floor(n / 28) + 1).padStart(2, '0')}85${String(3000 + n)}`;
  const upserted = await t.gql<{ upsertPerson: { id: string } }>('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name: `Person ${n}`, municipalityCode: '101' } });
  await t.gql('mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr, contactGroupId: 1, start: '2026-06-01' } }, JOBCENTRE);
  for (const [start, end] of [['2026-11-23', '2026-11-24'], ['2026-11-26', '2026-11-27'], ['2026-11-30', '2026-12-01']]) {
    const registered = await t.gql('mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }', { i: { cpr, typeId: 45, start, end } }, JOBCENTRE);
    expect(registered.errors).toBeUndefined();
  }
  return upserted.data!.upsertPerson.id;
}

async function post(body: string, contentType = 'application/json') {
  const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${bearer}` }, body });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
}

it('refuses a query nested deeper than the limit without naming the limit', async () => {
  // Person → absences → person → absences → … is a legal cycle through federation; 10 rounds is 21 levels.
  let selection = 'id';
  for (let i = 0; i < 10; i++) selection = `absences { person { ${selection} } }`;
  const { body } = await post(JSON.stringify({ query: `{ person(cpr: "0101901234") { ${selection} } }` }));
  expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(body.errors?.[0].message).not.toMatch(/\d/);
});

it.each([40, 400])('refuses %i aliases with 400 and a typed code', async (count) => {
  const aliases = Array.from({ length: count }, (_, i) => `a${i}: absenceTypes { id }`).join(' ');
  const { status, body } = await post(JSON.stringify({ query: `{ ${aliases} }` }));
  expect(status).toBe(400);
  expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(body.data).toBeUndefined();
});

it('refuses a query over the token limit with 400 and a typed code, without naming the limit', async () => {
  const fields = Array.from({ length: 3_000 }, () => 'id').join(' ');
  const { status, body } = await post(JSON.stringify({ query: `{ absenceTypes { ${fields} } }` }));
  expect(status).toBe(400);
  expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(body.errors?.[0].message).toMatch(/too large/);
  expect(body.errors?.[0].message).not.toMatch(/\d/);
});

it('refuses a 10 MB body with 413 before parsing it', async () => {
  const huge = JSON.stringify({ query: `{ absenceTypes { id } } # ${'x'.repeat(10 * 1024 * 1024)}` });
  const { status, body } = await post(huge);
  expect(status).toBe(413);
  expect(body.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
});

it('refuses batched requests', async () => {
  const { status } = await post(JSON.stringify([{ query: '{ absenceTypes { id } }' }, { query: '{ absenceTypes { id } }' }]));
  expect(status).toBe(400);
});

it('does not suggest field names for a typo', async () => {
  const { body } = await post(JSON.stringify({ query: '{ absenceType { id } }' }));
  expect(body.errors?.[0].message).not.toMatch(/Did you mean/);
});

it.each([
  ['a caseworker (no introspection)', JOBCENTRE],
  ['the system role (introspection allowed)', SYSTEM],
])('does not suggest enum values for a misspelt enum variable, to %s', async (_case, caller) => {
  const response = await t.gql('query($c: OccupationClassification) { occupation(code: "2512.1", classification: $c) { code } }', { c: 'ESCO_STARR' }, caller);
  expect(response.status).toBe(400);
  expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(response.errors?.[0].message).toMatch(/ESCO_STARR/);
  expect(response.errors?.[0].message).not.toMatch(/Did you mean|ESCO_STAR"/);
});

it('refuses a form-encoded POST (CSRF prevention)', async () => {
  const { status } = await post('query=%7B%20absenceTypes%20%7B%20id%20%7D%20%7D', 'application/x-www-form-urlencoded');
  expect(status).toBe(400);
});

/** person → absences → person … `rounds` times, read straight from the absence subgraph. */
function absenceCycle(rounds: number): string {
  let selection = 'id';
  for (let i = 0; i < rounds; i++) selection = `absences { person { ${selection} } }`;
  return `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${selection} } } }`;
}

async function atAbsenceSubgraph(query: string, representations: unknown[] = [{ __typename: 'Person', id: personId }]): Promise<GraphQLResponse & { ms: number }> {
  const started = performance.now();
  const response = await t.subgraphGql('absence', query, { r: representations }, JOBCENTRE);
  return { ...response, ms: performance.now() - started };
}

it('a subgraph refuses a cyclic query too deep for it, sent with a valid identity token, quickly', async () => {
  // Ten rounds of a person's three absences is 3^10 persons: seconds and megabytes without the limit.
  const response = await atAbsenceSubgraph(absenceCycle(10));
  expect(response.status).toBe(400);
  expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(response.errors?.[0].message).not.toMatch(/\d/);
  expect(response.ms).toBeLessThan(1_000);
});

it('a subgraph refuses a cyclic query within its depth limit when it would cost too much', async () => {
  const response = await atAbsenceSubgraph(absenceCycle(6));
  expect(response.status).toBe(400);
  expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COSTLY']);
});

it('a subgraph prices `_entities` by the representations it is sent', async () => {
  // Ten thousand of one person fit in the body limit; priced as a default page of 10 they would pass.
  const many = Array.from({ length: 10_000 }, () => ({ __typename: 'Person', id: personId }));
  const response = await atAbsenceSubgraph(absenceCycle(1), many);
  expect(response.status).toBe(400);
  expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COSTLY']);
});

it('a subgraph refuses a body-sized unbounded query at the token limit, and stays up', async () => {
  const deep = absenceCycle(20_000);
  expect(deep.length).toBeLessThan(1_000_000);
  const response = await atAbsenceSubgraph(deep);
  expect(response.status).toBe(400);
  expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect((await atAbsenceSubgraph(absenceCycle(1))).errors).toBeUndefined();
});

it('refuses a query nested past the parser\'s stack before parsing it, at the gateway and at a subgraph', async () => {
  // Two tokens a level: far under any token limit, deep enough to exhaust graphql-js's recursive parser.
  const deep = `{ ${'a { '.repeat(5_000)}b${' }'.repeat(5_000)} }`;
  for (const response of [await t.gql(deep, {}, JOBCENTRE), await t.subgraphGql('absence', deep, {}, JOBCENTRE)]) {
    expect(response.status).toBe(400);
    expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.errors?.[0].message).toBe('The query is nested too deeply.');
  }
});

describe('what the gateway sends within its own limits, no subgraph refuses', () => {
  const EVERYTHING = 'cpr name contactGroup { contactGroup { id name } start } cvRequirement absences { type { name } start end status } plan { version } mediations { id } eeaBenefitPeriods { country start end }';

  it("the system role's big page with fields from every subgraph", async () => {
    const response = await t.gql<{ persons: { nodes: { absences: unknown[] }[] } }>(`{ persons(municipalityCode: "101", first: 1000) { nodes { ${EVERYTHING} } } }`, {}, SYSTEM);
    expect(response.errors).toBeUndefined();
    expect(response.data?.persons.nodes).toHaveLength(PERSONS);
    expect(response.data?.persons.nodes.every((p) => p.absences.length === 3)).toBe(true);
  });

  it('a query at the depth limit that crosses subgraphs back and forth', async () => {
    const response = await t.gql<{ person: unknown }>(
      '{ person(cpr: "0101853000") { absences { person { absences { person { absences { person { absences { person { contactGroup { contactGroup { name } } } } } } } } } } } }',
      {},
      SYSTEM,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.person).not.toBeNull();
  });

  it('a caseworker list of 100 persons with everything, under as many aliases as allowed', async () => {
    const aliases = Array.from({ length: 15 }, (_, i) => `p${i}: persons(municipalityCode: "101", first: ${i === 0 ? 100 : 1}) { nodes { ${i === 0 ? EVERYTHING : 'name absences { start }'} } }`).join(' ');
    const response = await t.gql<Record<string, { nodes: unknown[] }>>(`{ ${aliases} }`, {}, JOBCENTRE);
    expect(response.errors).toBeUndefined();
    expect(response.data?.p0.nodes).toHaveLength(PERSONS);
  });
});
