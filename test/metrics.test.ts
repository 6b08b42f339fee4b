// /metrics (issue 19 item 3): what an operator's Prometheus scrapes from the gateway and from each
// subgraph's own port, after real requests: counters and histograms by name and labels.
import { createPerson } from '../subgraphs/person/__tests__/support';
import { JOBCENTRE, ok } from './support/callers';
import { startTestSystem, eventually, postGraphQL, type TestSystem } from './support/system';
import { collect, wsClient } from './support/ws';

const CPR = '0101852000';
let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23', rateLimit: { points: 10, windowSeconds: 60 } });
});
afterAll(() => t.stop());

/** Each test calls as a caller of its own, so the small rate limit only bites where a test means it to. */
let callers = 0;
async function as(role: 'system' | 'caseworker', authority: string): Promise<string> {
  return t.token(role, authority, `metrics-${++callers}`);
}

async function scrape(base: string): Promise<{ status: number; contentType: string | null; text: string }> {
  const response = await fetch(new URL('/metrics', base));
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/** The value of the sample `name` whose labels include all of `labels`; undefined when there is none. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
}

const subgraphUrl = (name: string) => t.system.subgraphs.find((s) => s.name === name)!.url;

it('counts requests by operation and outcome, with latency histograms, and the process metrics', async () => {
  const token = await as('system', 'STAR');
  const upsert = 'mutation StoreJens($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }';
  expect((await t.gql(upsert, { i: { cpr: CPR, name: 'Jens Larsen', municipalityCode: '101' } }, token)).errors).toBeUndefined();
  expect((await t.gql('query BadCpr { person(cpr: "12") { name } }', {}, await as('system', 'STAR'))).errors?.[0].extensions?.code).toBe('INVALID_CPR');

  const { status, contentType, text } = await scrape(t.url);
  expect(status).toBe(200);
  expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(sample(text, 'dfdg_requests_total', { service: 'gateway', operation: 'StoreJens', outcome: 'ok' })).toBe(1);
  expect(sample(text, 'dfdg_requests_total', { service: 'gateway', operation: 'BadCpr', outcome: 'client_error' })).toBe(1);
  expect(sample(text, 'dfdg_request_duration_seconds_count', { operation: 'StoreJens', outcome: 'ok' })).toBe(1);
  expect(sample(text, 'dfdg_request_duration_seconds_bucket', { operation: 'StoreJens', le: '+Inf' })).toBe(1);
  // The gateway timed its fetch from the person subgraph.
  expect(sample(text, 'dfdg_subgraph_fetch_duration_seconds_count', { subgraph: 'person', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  // prom-client's default process metrics.
  expect(sample(text, 'process_cpu_user_seconds_total', { service: 'gateway' })).toBeGreaterThan(0);
  expect(sample(text, 'nodejs_heap_size_used_bytes', { service: 'gateway' })).toBeGreaterThan(0);
});

it("serves each subgraph's own figures on its own port: requests, relay backlog, consumers, effects", async () => {
  const token = await as('system', 'STAR');
  await t.gql('mutation StoreAnne($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr: '0202904000', name: 'Anne', municipalityCode: '101' } }, token);

  const person = (await scrape(subgraphUrl('person'))).text;
  expect(sample(person, 'dfdg_requests_total', { service: 'person', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  expect(sample(person, 'dfdg_requests_total', { service: 'gateway' })).toBeUndefined();
  // Embedded mode publishes before answering a mutation: nothing waits.
  expect(sample(person, 'dfdg_relay_backlog', { service: 'person' })).toBe(0);
  expect(sample(person, 'dfdg_relay_lag_seconds', { service: 'person' })).toBe(0);
  expect(sample(person, 'dfdg_scheduled_effects_total', { outcome: 'applied' })).toBe(0);

  // The absence subgraph heard the person stream (its contact groups follow the person).
  const absence = (await scrape(subgraphUrl('absence'))).text;
  const consumed = absence.split('\n').filter((line) => line.startsWith('dfdg_consumer_events_total{') && line.includes('stream="person"') && line.includes('outcome="handled"'));
  expect(consumed.length).toBeGreaterThanOrEqual(1);
  expect(sample(absence, 'dfdg_consumer_position', { service: 'absence', stream: 'person' })).toBeGreaterThanOrEqual(1);
  expect(sample(absence, 'dfdg_consumer_lag_seconds', { service: 'absence', stream: 'person' })).toBeGreaterThanOrEqual(0);
});

it('counts retention runs and what they deleted, per kind', async () => {
  const ran = await t.gql('mutation { runRetention { kind deleted } }', {}, await as('system', 'STAR'));
  expect(ran.errors).toBeUndefined();
  const person = (await scrape(subgraphUrl('person'))).text;
  expect(sample(person, 'dfdg_retention_runs', { kind: 'screening-result' })).toBe(1);
  expect(sample(person, 'dfdg_retention_deleted_rows', { kind: 'screening-result' })).toBe(0);
});

it('counts rate-limit and limit refusals by kind, as client errors', async () => {
  const token = await as('caseworker', '101');
  for (let i = 0; i < 10; i++) await t.gql('query Me { absenceTypes { id } }', {}, token);
  // The eleventh is refused before Apollo reads the document: counted under the name the client sent.
  const limited = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: 'query Me { absenceTypes { id } }', operationName: 'Me' }) });
  expect(limited.status).toBe(429);
  const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: absenceTypes { id }`).join(' ');
  expect((await t.gql(`query Aliased { ${aliases} }`, {}, await as('system', 'STAR'))).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  const big = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await as('system', 'STAR')}` }, body: JSON.stringify({ query: `{ __typename }#${'x'.repeat(200_000)}` }) });
  expect(big.status).toBe(413);

  const text = (await scrape(t.url)).text;
  expect(sample(text, 'dfdg_refusals_total', { service: 'gateway', kind: 'RATE_LIMITED' })).toBe(1);
  expect(sample(text, 'dfdg_refusals_total', { kind: 'PAYLOAD_TOO_LARGE' })).toBe(1);
  expect(sample(text, 'dfdg_refusals_total', { kind: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
  expect(sample(text, 'dfdg_requests_total', { operation: 'Me', outcome: 'ok' })).toBe(10);
  expect(sample(text, 'dfdg_requests_total', { operation: 'Me', outcome: 'client_error' })).toBe(1);
  // Refused before Apollo resolved the operation, and no operationName sent: its name is not known.
  expect(sample(text, 'dfdg_requests_total', { operation: 'anonymous', outcome: 'client_error' })).toBe(2);
  expect(sample(text, 'dfdg_requests_total', { outcome: 'server_error' })).toBeUndefined();
});

it('counts a subgraph that cannot be reached as a server error and an unreachable fetch', async () => {
  const outage = t.system.subgraphs.find((s) => s.name === 'payment')!;
  await outage.stop();
  const response = await postGraphQL(t.url, 'query Payments { eeaCountries { __typename } }', {}, { authorization: `Bearer ${await as('system', 'STAR')}` });
  expect(response.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
  const text = (await scrape(t.url)).text;
  expect(sample(text, 'dfdg_requests_total', { operation: 'Payments', outcome: 'server_error' })).toBe(1);
  expect(sample(text, 'dfdg_subgraph_fetch_duration_seconds_count', { subgraph: 'payment', outcome: 'unreachable' })).toBe(1);
});

it('gauges open subscriptions', async () => {
  const token = await as('system', 'STAR');
  const client = wsClient(t.url, () => ({ authorization: `Bearer ${token}` }));
  const subscription = collect(client, 'subscription { notifications { kind } }');
  await eventually(async () => expect(sample((await scrape(t.url)).text, 'dfdg_subscriptions_open', { service: 'gateway' })).toBe(1));
  subscription.dispose();
  await client.dispose();
  await eventually(async () => expect(sample((await scrape(t.url)).text, 'dfdg_subscriptions_open', { service: 'gateway' })).toBe(0));
});

it('counts a scheduled change applied on its day', async () => {
  const anne = await createPerson(t, { contactGroupId: 2, start: '2026-01-05' });
  await ok(t, 'mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr: anne.cpr, contactGroupId: 10, start: '2026-11-25' } }, JOBCENTRE);
  const person = t.system.subgraphs.find((s) => s.name === 'person')!;
  t.clock.set('2026-11-25T09:00:00Z');
  expect(await person.effectuate()).toEqual({ applied: 1, failed: 0 });
  const text = (await scrape(person.url)).text;
  expect(sample(text, 'dfdg_scheduled_effects_total', { service: 'person', outcome: 'applied' })).toBe(1);
  expect(sample(text, 'dfdg_scheduled_effects_total', { service: 'person', outcome: 'failed' })).toBe(0);
});

it("still answers a scrape when the subgraph's database is gone, the gauges read from it unknown (NaN)", async () => {
  const plan = t.system.subgraphs.find((s) => s.name === 'plan')!;
  expect(sample((await scrape(plan.url)).text, 'dfdg_relay_backlog', { service: 'plan' })).toBe(0);
  await plan.orm.close();
  const { status, text } = await scrape(plan.url);
  expect(status).toBe(200);
  expect(sample(text, 'dfdg_relay_backlog', { service: 'plan' })).toBeNaN();
  expect(sample(text, 'dfdg_relay_lag_seconds', { service: 'plan' })).toBeNaN();
  expect(sample(text, 'process_cpu_user_seconds_total', { service: 'plan' })).toBeGreaterThan(0);
});
