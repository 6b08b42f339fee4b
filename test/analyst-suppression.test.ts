// Issue 16 §8, as an attack: jobcentre 101 has one person in contact group 7, so the analysts'
// aggregate suppresses that cell. No other query an analyst can send, through the gateway or
// straight at a subgraph with an analyst identity, may reveal who that person is, any attribute of
// theirs, or the count: not listing or paging persons, not a CPR lookup, not another subgraph's
// fields, not a job order they were mediated to, not notifications. Their birth date appears nowhere.
import { JOBCENTRE, createOrder, createPerson, mediate, ok, reportEeaPeriod, TODAY } from './access/fixtures';
import { ANALYST, SYSTEM } from './support/callers';
import { errorCodes, startTestSystem, type GraphQLResponse, type TestSystem } from './support/system';

let t: TestSystem;
/** The one person in contact group 7 of jobcentre 101: the suppressed cell. */
let hidden: { id: string; cpr: string };
let paymentId: string;
let orderId: string;
/** Everything an analyst was answered, to search for the person at the end. */
const seen: string[] = [];

const COUNTS = 'query($m: String) { personsByContactGroup(on: "2026-11-23", municipalityCode: $m) { municipalityCode contactGroup { id } count suppressed } }';
type Counts = { personsByContactGroup: { municipalityCode: string; contactGroup: { id: number }; count: number | null; suppressed: boolean }[] };

beforeAll(async () => {
  t = await startTestSystem({ today: TODAY });
  // Five in group 2 (a cell analysts may see), one in group 7 (the cell they may not see into).
  for (let i = 0; i < 5; i++) await createPerson(t, { contactGroupId: 2 });
  const person = await createPerson(t, { contactGroupId: 7 });
  hidden = { id: person.id, cpr: person.cpr };
  paymentId = await reportEeaPeriod(t, person.cpr);
  orderId = await createOrder(t, JOBCENTRE, { isInternal: false });
  await mediate(t, orderId, person.cpr, JOBCENTRE);
}, 60_000);
afterAll(() => t.stop());

async function asAnalyst<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const response = await t.gql<T>(query, variables, ANALYST);
  seen.push(JSON.stringify(response));
  return response;
}

it('suppresses the cell in the aggregate', async () => {
  const { data } = await asAnalyst<Counts>(COUNTS, { m: '101' });
  expect(data!.personsByContactGroup).toEqual(
    expect.arrayContaining([
      { municipalityCode: '101', contactGroup: { id: 2 }, count: 5, suppressed: false },
      { municipalityCode: '101', contactGroup: { id: 7 }, count: null, suppressed: true },
    ]),
  );
});

it('refuses to list or page through the jobcentre’s persons, so they can be neither read nor counted', async () => {
  for (const first of [100, 1]) {
    const response = await asAnalyst(`{ persons(municipalityCode: "101", first: ${first}) { nodes { pseudonym contactGroup { contactGroup { id } } } pageInfo { hasNextPage endCursor } } }`);
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.data ?? null).toBeNull();
  }
});

it('refuses a look-up by CPR the same way whether the person exists or not', async () => {
  const query = 'query($cpr: String!) { person(cpr: $cpr) { id pseudonym } }';
  const known = await asAnalyst(query, { cpr: hidden.cpr });
  const unknown = await asAnalyst(query, { cpr: '0101011234' });
  expect(errorCodes(known)).toEqual(['FORBIDDEN']);
  expect(known.data).toEqual(unknown.data);
  expect(known.errors?.map((e) => e.message)).toEqual(unknown.errors?.map((e) => e.message));
});

it('refuses every person-level field when the person is reached through a public job order’s mediation', async () => {
  const fields = ['cpr', 'municipalityCode', 'address { municipalityCode }', 'contactGroup { contactGroup { id } }', 'contactGroupHistory { start }',
    'visitation { category }', 'jobSeekerRegistration { category }', 'meetingSummonses { at }', 'absences { start }', 'exemptions', 'plan { version }',
    'activities { id }', 'akasseMemberships { akasse }', 'eeaBenefitPeriods { start }', 'eeaCoverage { week }'];
  for (const field of fields) {
    const response = await asAnalyst<{ jobOrder: { mediations: { person: Record<string, unknown> | null }[] } }>(
      `query($id: ID!) { jobOrder(id: $id) { mediations { person { pseudonym ${field} } } } }`, { id: orderId });
    expect([field, errorCodes(response)]).toEqual([field, ['FORBIDDEN']]);
  }
  // What stays: the candidate as a pseudonym, with no attribute to place them in a cell.
  const { data } = await asAnalyst<{ jobOrder: { mediations: { person: { pseudonym: string } }[] } }>('query($id: ID!) { jobOrder(id: $id) { mediations { person { pseudonym } } } }', { id: orderId });
  expect(data!.jobOrder.mediations).toEqual([{ person: { pseudonym: expect.stringMatching(/^[A-Za-z0-9_-]{16,}$/) } }]);
});

it('refuses the person’s EEA period by its payment id', async () => {
  const response = await asAnalyst('query($id: ID!) { eeaBenefitPeriod(paymentId: $id) { start } }', { id: paymentId });
  expect(errorCodes(response)).toEqual(['FORBIDDEN']);
});

it('delivers an analyst no notification about the person', async () => {
  const { data } = await asAnalyst<{ inbox: { nodes: unknown[] } }>('{ inbox(first: 500) { nodes { kind person { id } } } }');
  expect(data!.inbox.nodes).toEqual([]);
});

it('refuses the same at the subgraphs themselves, to a gateway-signed analyst identity', async () => {
  const entity = (fields: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${fields} } } }`;
  const representations = [{ __typename: 'Person', id: hidden.id }];
  const probes: [string, string][] = [
    ['person', 'cpr'], ['person', 'municipalityCode'], ['person', 'contactGroup { start }'],
    ['absence', 'absences { start }'], ['plan', 'plan { version }'], ['payment', 'eeaBenefitPeriods { start }'],
  ];
  for (const [subgraph, fields] of probes) {
    const response = await t.subgraphGql(subgraph, entity(fields), { r: representations }, ANALYST);
    seen.push(JSON.stringify(response));
    expect([subgraph, fields, errorCodes(response)]).toEqual([subgraph, fields, ['FORBIDDEN']]);
  }
  const list = await t.subgraphGql('person', '{ persons(municipalityCode: "101", first: 100) { nodes { id } } }', {}, ANALYST);
  seen.push(JSON.stringify(list));
  expect(errorCodes(list)).toEqual(['FORBIDDEN']);
});

it('never showed the analyst the person’s CPR, birth date or name (the others still see them)', async () => {
  const everything = seen.join('\n');
  expect(everything).not.toContain(hidden.cpr);
  expect(everything).not.toContain(`${hidden.cpr.slice(0, 6)}-`);
  expect(everything).not.toContain(hidden.id);
  expect(everything).not.toContain('Adgang Testperson');
  const jobcentre = await ok<{ person: { cpr: string; contactGroup: { contactGroup: { id: number } } } }>(t, 'query($cpr: String!) { person(cpr: $cpr) { cpr contactGroup { contactGroup { id } } } }', { cpr: hidden.cpr }, JOBCENTRE);
  expect(jobcentre.person).toEqual({ cpr: hidden.cpr, contactGroup: { contactGroup: { id: 7 } } });
  const system = await ok<{ persons: { nodes: unknown[] } }>(t, '{ persons(municipalityCode: "101", first: 100) { nodes { id } } }', {}, SYSTEM);
  expect(system.persons.nodes).toHaveLength(6);
});
