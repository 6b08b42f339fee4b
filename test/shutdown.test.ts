// Stopping drains (issue 19's lifecycle, where a deployment's SIGTERM lands): requests already in
// flight when the system is told to stop finish with their answers, a new connection is refused,
// and what the writes committed is published before the subgraphs stop.
import { SYSTEM, ok } from './support/callers';
import { startTestSystem, type TestSystem } from './support/system';
import { waitFor } from './support/ws';

const PERSONS = 40;
let t: TestSystem;
let stopped = false;

beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
  for (let i = 0; i < PERSONS; i++) {
    const cpr = `0101${String(850000 + i).padStart(6, '0')}`;
    await ok(t, 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name: `Person ${i}`, municipalityCode: '101' } }, SYSTEM);
  }
});
afterAll(async () => {
  if (!stopped) await t.stop();
});

const LIST = `{ persons(municipalityCode: "101", first: ${PERSONS}) { nodes { cpr name contactGroup { start } cvRequirement absences { id } plan { version } mediations { id } eeaBenefitPeriods { paymentId } } } }`;

it('lets every request in flight finish when the system stops, and refuses new ones', async () => {
  const token = await t.token('system', 'STAR');
  let received = 0;
  t.system.gateway.http.server.on('request', () => received++);
  const inFlight = Array.from({ length: 8 }, () => t.gql<{ persons: { nodes: unknown[] } }>(LIST, {}, token));
  await waitFor(() => received === 8);
  const url = t.url;
  const stopping = t.stop();
  stopped = true;
  const answers = await Promise.all(inFlight);
  expect(answers.map((a) => [a.status, a.errors, a.data?.persons.nodes.length])).toEqual(Array(8).fill([200, undefined, PERSONS]));
  await stopping;
  await expect(fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).rejects.toThrow();
});
