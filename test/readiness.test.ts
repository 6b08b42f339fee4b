// Liveness, readiness and outages (issue 19): /health says the process runs; /ready says whether it
// can answer, naming what it cannot reach; a stopped subgraph's fields answer SERVICE_UNAVAILABLE.
import { startTestSystem, type TestSystem } from './support/system';

const CPR = '0101852000';
let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
  await t.gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr: CPR, name: 'Jens Larsen', municipalityCode: '101' } });
});
afterAll(() => t.stop());

async function get(base: string, path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL(path, base));
  const text = await response.text();
  return { status: response.status, body: path === '/ready' ? (JSON.parse(text) as unknown) : text };
}

const subgraph = (name: string) => t.system.subgraphs.find((s) => s.name === name)!;

it('is ready when every subgraph, database and the bus answer', async () => {
  const gateway = await get(t.url, '/ready');
  expect(gateway.status).toBe(200);
  expect(gateway.body).toEqual({
    ready: true,
    checks: { person: 'ok', absence: 'ok', plan: 'ok', recruitment: 'ok', payment: 'ok', notifications: 'ok', bus: 'ok' },
  });
  expect(await get(subgraph('absence').url, '/ready')).toEqual({ status: 200, body: { ready: true, checks: { database: 'ok', bus: 'ok' } } });
});

it("a subgraph whose database is gone is alive but not ready; the gateway names a stopped subgraph", async () => {
  await subgraph('plan').orm.close();
  expect(await get(subgraph('plan').url, '/health')).toEqual({ status: 200, body: 'ok' });
  expect(await get(subgraph('plan').url, '/ready')).toEqual({ status: 503, body: { ready: false, checks: { database: 'unavailable', bus: 'ok' } } });

  await subgraph('payment').stop();
  const gateway = await get(t.url, '/ready');
  expect(gateway.status).toBe(503);
  expect(gateway.body).toMatchObject({ ready: false, checks: { payment: 'unavailable', person: 'ok', bus: 'ok' } });
  expect(await get(t.url, '/health')).toEqual({ status: 200, body: 'ok' });
});

it('answers SERVICE_UNAVAILABLE naming a stopped subgraph, never an internal error', async () => {
  await subgraph('payment').stop(); // stopped by the test above already, when run with it
  const response = await t.gql('query($cpr: String!) { person(cpr: $cpr) { name eeaBenefitPeriods { paymentId } } }', { cpr: CPR }, { role: 'caseworker', authority: '101' });
  expect(response.status).toBe(200);
  expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
  expect(response.errors?.[0].message).toBe('The payment service could not be reached; retry.');
  // The path names the field the payment service was to serve (issue 19 item 7).
  expect(response.errors?.[0].path).toEqual(['person', 'eeaBenefitPeriods']);
  // What the person subgraph answered still arrives where the schema lets it (here the non-null list nulls the person).
  expect(await t.gql('query($cpr: String!) { person(cpr: $cpr) { name } }', { cpr: CPR }, { role: 'caseworker', authority: '101' })).toEqual({ status: 200, data: { person: { name: 'Jens Larsen' } } });
});

it("names each entity's field a stopped subgraph was to serve, in a list too", async () => {
  await subgraph('payment').stop();
  await t.gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr: '0101852001', name: 'Ida Holm', municipalityCode: '101' } });
  const response = await t.gql('{ persons(municipalityCode: "101", first: 5) { nodes { name eeaBenefitPeriods { paymentId } } } }', {}, { role: 'caseworker', authority: '101' });
  expect(response.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([
    ['SERVICE_UNAVAILABLE', ['persons', 'nodes', 0, 'eeaBenefitPeriods']],
    ['SERVICE_UNAVAILABLE', ['persons', 'nodes', 1, 'eeaBenefitPeriods']],
  ]);
});
