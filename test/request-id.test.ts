// Request ids and the access log (issue 19 item 4): the id a caseworker quotes is the one their
// client sent (or one we made), and it finds the response, the error, every access-log line of the
// gateway and the subgraphs, and the CPR audit row.
import { CprAccess } from '../core/audit';
import { logger } from '../core/logger';
import { eventually, startTestSystem, type TestSystem } from './support/system';
import { collect, waitFor, wsClient } from './support/ws';

const CPR = '0101852000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
  await t.gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr: CPR, name: 'Jens Larsen', municipalityCode: '101' } });
});
afterAll(() => t.stop());

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string>, token: string) {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
  return { status: response.status, requestId: response.headers.get('x-request-id'), body };
}

/** The access-log lines written while `run` ran (the logger is silent in tests; the spy sees every call). */
async function accessLines(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const spy = jest.spyOn(logger, 'info');
  try {
    await run();
    return spy.mock.calls.filter(([, message]) => message === 'access').map(([line]) => line as unknown as Record<string, unknown>);
  } finally {
    spy.mockRestore();
  }
}

it("echoes the client's id and writes it on the audit row of the CPR read it caused", async () => {
  const token = await t.token('caseworker', '101', 'caseworker-anne');
  const answer = await post('query PersonCard($cpr: String!) { person(cpr: $cpr) { cpr name } }', { cpr: CPR }, { 'x-request-id': 'case-4711.call-2' }, token);
  expect(answer.body.errors).toBeUndefined();
  expect(answer.requestId).toBe('case-4711.call-2');

  const person = t.system.subgraphs.find((s) => s.name === 'person')!;
  const rows = await person.orm.em.fork().find(CprAccess, { requestId: 'case-4711.call-2' });
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ subject: 'caseworker-anne', role: 'caseworker', authority: '101', operation: 'query PersonCard' });
});

it("puts the request's id on every error, a refusal before Apollo included", async () => {
  const token = await t.token('caseworker', '101');
  const invalid = await post('query { person(cpr: "12") { name } }', {}, { 'x-request-id': 'quoted-by-anne' }, token);
  expect(invalid.body.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'INVALID_CPR', requestId: 'quoted-by-anne' })]);

  const unauthenticated = await post('{ __typename }', {}, { 'x-request-id': 'no-token-1' }, 'not-a-token');
  expect(unauthenticated.requestId).toBe('no-token-1');
  expect(unauthenticated.body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', requestId: 'no-token-1' });

  const tooLarge = await post(`{ __typename }#${'x'.repeat(200_000)}`, {}, { 'x-request-id': 'big-1' }, token);
  expect(tooLarge.status).toBe(413);
  expect(tooLarge.body.errors?.[0].extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', requestId: 'big-1' });
});

it.each([
  ['too long', 'x'.repeat(37)],
  ['a line break', 'abc\tdef'],
  ['markup', '<script>'],
  ['empty', ''],
])('replaces a client id with %s by one of its own', async (_why, sent) => {
  const token = await t.token('caseworker', '101');
  const answer = await post('query { person(cpr: "12") { name } }', {}, { 'x-request-id': sent }, token);
  expect(answer.requestId).toMatch(UUID);
  expect(answer.body.errors?.[0].extensions?.requestId).toBe(answer.requestId);
});

it('makes an id when the client sends none', async () => {
  const answer = await post('{ __typename }', {}, {}, await t.token('caseworker', '101'));
  expect(answer.requestId).toMatch(UUID);
});

it('writes one access-log line per request at the gateway, and the subgraphs it called log the same id, without token or CPR', async () => {
  const token = await t.token('caseworker', '101', 'caseworker-bo');
  const lines = await accessLines(() => post('query PersonCard($cpr: String!) { person(cpr: $cpr) { cpr name } }', { cpr: CPR }, { 'x-request-id': 'log-line-1' }, token));

  const gateway = lines.filter((line) => line.service === 'gateway');
  expect(gateway).toEqual([
    { service: 'gateway', requestId: 'log-line-1', method: 'POST', path: '/graphql', status: 200, durationMs: expect.any(Number), operation: 'PersonCard', role: 'caseworker', authority: '101' },
  ]);
  const person = lines.filter((line) => line.service === 'person');
  expect(person.length).toBeGreaterThanOrEqual(1);
  expect(person.every((line) => line.requestId === 'log-line-1' && line.status === 200 && line.role === 'caseworker')).toBe(true);
  expect(lines.every((line) => line.requestId === 'log-line-1')).toBe(true);

  const written = JSON.stringify(lines);
  expect(written).not.toContain(CPR);
  expect(written).not.toContain(token);
  expect(written).not.toContain('caseworker-bo');
});

it("gives a subscription's follow-up fetch an id of its own, carried to the subgraph's audit row and access log", async () => {
  const token = await t.token('caseworker', '101', 'caseworker-carl');
  const client = wsClient(t.url, () => ({ authorization: `Bearer ${token}` }));
  const subscription = collect<{ notifications: { kind: string; person: { cpr: string } | null } }>(client, 'subscription Watch { notifications { kind person { cpr } } }');
  const cpr = '0606801234';
  const spy = jest.spyOn(logger, 'info');
  try {
    // The subscription is live once an event sent after subscribing arrives; retry until one does.
    let attempt = 0;
    await eventually(async () => {
      // A new name each time: an upsert that changes nothing announces nothing.
      await t.gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name: `Carl ${++attempt}`, municipalityCode: '101' } });
      await waitFor(() => subscription.results.some((r) => r.notifications.person?.cpr === cpr), 1_000);
    });
    const person = t.system.subgraphs.find((s) => s.name === 'person')!;
    const rows = await person.orm.em.fork().find(CprAccess, { subject: 'caseworker-carl' });
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows[0].requestId).toMatch(UUID);
    const lines = spy.mock.calls.filter(([, message]) => message === 'access').map(([line]) => line as unknown as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ service: 'person', requestId: rows[0].requestId, role: 'caseworker', authority: '101' }));
    // The gateway made the id and sent it to each subgraph of the follow-up: the notifications subgraph logged the same one.
    expect(lines).toContainEqual(expect.objectContaining({ service: 'notifications', requestId: rows[0].requestId }));
  } finally {
    spy.mockRestore();
    subscription.dispose();
    await client.dispose();
  }
});
