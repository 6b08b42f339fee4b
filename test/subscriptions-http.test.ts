// Subscriptions over HTTP (issue 23, item 5), each driven by its own library's client: graphql-sse's
// createClient on /graphql/stream and Apollo Client 4's HttpLink (multipart) on /graphql receive
// notifications in order and resume after a position (SSE: Last-Event-ID, which each event carries
// as its id; multipart: `after:`), under the same authorization and limits as graphql-ws.
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { createClient, type Client } from 'graphql-sse';
import { devClientSigningKey } from '../gateway/keys';
import { decodePosition } from '../gateway/notifications/positions';
import { issueClientToken } from '../gateway/tokens';
import { startTestSystem, type TestSystem } from './support/system';
import { waitFor } from './support/ws';

const CPR = '1212801234';
const SUBSCRIPTION = 'subscription($after: String) { notifications(after: $after) { position kind } }';

interface Notification {
  position: string;
  kind: string;
}

let t: TestSystem;
let token: string;
beforeAll(async () => {
  // A budget this file's other callers stay well under; one identity spends it on purpose.
  t = await startTestSystem({ today: '2026-11-23', rateLimit: { points: 100, windowSeconds: 60 } });
  await t.gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr: CPR, name: 'Stream Person', municipalityCode: '101' } });
  await t.gql('mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr: CPR, contactGroupId: 1, start: '2026-06-01' } }, { role: 'caseworker', authority: '101' });
  token = await t.token('caseworker', '101');
});
afterAll(async () => {
  // An aborted streaming fetch leaves undici a spare socket that never sends a request, which the
  // gateway's drain would wait its full deadline (10 s) for; this file has nothing left to finish.
  t.system.gateway.http.server.closeAllConnections();
  await t.stop();
});

async function registerAbsences(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const response = await t.gql('mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }', { i: { cpr: CPR, typeId: 45, start: '2026-11-23', end: '2026-11-30' } }, { role: 'caseworker', authority: '101' });
    expect(response.errors).toBeUndefined();
  }
}

const streamUrl = () => `${t.url}/stream`;

/** graphql-sse's own client, sending Last-Event-ID when given one, as an EventSource does on reconnect. */
function sseClient(bearer: string, lastEventId?: () => string | undefined): Client {
  return createClient({
    url: streamUrl(),
    headers: () => {
      const last = lastEventId?.();
      return { authorization: `Bearer ${bearer}`, ...(last ? { 'last-event-id': last } : {}) };
    },
    retryAttempts: 0,
  });
}

interface Received {
  notifications: Notification[];
  errors: { message: string; extensions?: Record<string, unknown> }[];
  completed: boolean;
  dispose: () => void;
}

function sseSubscribe(client: Client, query = SUBSCRIPTION, variables: Record<string, unknown> = {}): Received {
  const received: Received = { notifications: [], errors: [], completed: false, dispose: () => undefined };
  received.dispose = client.subscribe<{ notifications: Notification }>(
    { query, variables },
    {
      next: ({ data, errors }) => {
        if (data) received.notifications.push(data.notifications);
        if (errors) received.errors.push(...errors.map((e) => ({ message: e.message, extensions: e.extensions })));
      },
      error: (error) => {
        received.errors.push({ message: String(error) });
        received.completed = true;
      },
      complete: () => (received.completed = true),
    },
  );
  return received;
}

const absences = (notifications: Notification[]) => notifications.filter((n) => n.kind === 'ABSENCE_REGISTERED').length;

/** Every notification after `last`, none twice, in order (an absence also changes the CV requirement, notified too). */
function expectResumedAfter(last: string, notifications: Notification[], absenceCount: number): void {
  const sequences = notifications.map((n) => decodePosition(n.position));
  expect(absences(notifications)).toBe(absenceCount);
  expect(sequences[0]).toBe(decodePosition(last) + 1);
  expect(new Set(sequences).size).toBe(sequences.length);
  expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
}

const settle = () => new Promise((r) => setTimeout(r, 300));

describe('GraphQL over SSE (graphql-sse)', () => {
  it('delivers notifications in order, each event carrying its position as the SSE id', async () => {
    const client = sseClient(token);
    const live = sseSubscribe(client);
    await settle();
    await registerAbsences(3);
    await waitFor(() => absences(live.notifications) >= 3);
    const sequences = live.notifications.map((n) => decodePosition(n.position));
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    live.dispose();
    client.dispose();

    // The raw stream: `id:` is the position a browser's EventSource sends back as Last-Event-ID.
    const response = await fetch(streamUrl(), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', 'content-type': 'application/json' },
      body: JSON.stringify({ query: SUBSCRIPTION, variables: { after: live.notifications[0].position } }),
    });
    const reader = response.body!.getReader();
    let text = '';
    while (!/event: next\ndata: .*\n\n/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    const [, id, data] = /id: (\S+)\nevent: next\ndata: (.*)\n/.exec(text)!;
    expect(id).toBe(live.notifications[1].position);
    expect((JSON.parse(data) as { data: { notifications: Notification } }).data.notifications.position).toBe(id);
  });

  it('resumes after Last-Event-ID: what was missed, once each, in order', async () => {
    const first = sseClient(token);
    const before = sseSubscribe(first);
    await settle();
    await registerAbsences(2);
    await waitFor(() => absences(before.notifications) >= 2);
    const last = before.notifications.at(-1)!.position;
    before.dispose();
    first.dispose();

    await registerAbsences(3); // missed while disconnected
    const second = sseClient(token, () => last);
    const resumed = sseSubscribe(second);
    await waitFor(() => absences(resumed.notifications) >= 3);
    await registerAbsences(1);
    await waitFor(() => absences(resumed.notifications) >= 4);
    await settle();
    expectResumedAfter(last, resumed.notifications, 4);
    resumed.dispose();
    second.dispose();
  });

  it('refuses without a bearer token (401), an invalid subscription, a position never issued, and past the per-identity cap', async () => {
    const anonymous = await fetch(streamUrl(), { method: 'POST', headers: { accept: 'text/event-stream', 'content-type': 'application/json' }, body: JSON.stringify({ query: SUBSCRIPTION }) });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const notAStream = await fetch(streamUrl(), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ query: SUBSCRIPTION }) });
    expect(notAStream.status).toBe(406);
    expect(((await notAStream.json()) as { errors: { message: string }[] }).errors[0].message).toContain('Accept: text/event-stream');

    const client = sseClient(token);
    const invalid = sseSubscribe(client, 'subscription { notifications { nope } }');
    const unissued = sseSubscribe(client, SUBSCRIPTION, { after: 'bjE6OTk5OTk5' });
    await waitFor(() => invalid.completed && unissued.completed);
    expect(invalid.errors.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(unissued.errors.map((e) => e.extensions?.code)).toEqual(['INVALID_POSITION']);

    // One identity holds at most 25 live subscriptions over all its connections, whatever the transport.
    const capped = await t.token('caseworker', '101', 'caseworker-with-many-tabs');
    const tabs = sseClient(capped);
    const open = Array.from({ length: 25 }, () => sseSubscribe(tabs));
    await settle();
    const refused = sseSubscribe(tabs);
    await waitFor(() => refused.completed);
    expect(refused.errors.map((e) => e.extensions?.code)).toEqual(['TOO_MANY_SUBSCRIPTIONS']);
    // A stream that ends gives its slot back.
    open[0].dispose();
    await settle();
    const again = sseSubscribe(tabs);
    await settle();
    expect(again.errors).toEqual([]);
    for (const s of [...open, again]) s.dispose();
    tabs.dispose();
    client.dispose();
  });

  it('ends the stream when the token expires, saying where to resume', async () => {
    const shortLived = await issueClientToken(await devClientSigningKey(t.dataDir), { role: 'caseworker', authority: '101', subject: 'caseworker-expiring', expiresIn: 2 });
    const client = sseClient(shortLived);
    const received = sseSubscribe(client);
    await waitFor(() => received.completed, 6_000);
    expect(received.errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(typeof received.errors[0].extensions?.resumeAfter).toBe('string');
    client.dispose();
  });
});

it('spends the same per-identity rate limit as any request: over budget, SSE and multipart refuse with RATE_LIMITED', async () => {
  const spender = await t.token('caseworker', '101', 'caseworker-over-budget');
  for (let i = 0; i < 100; i++) await t.gql('{ contactGroups { id } }', {}, spender);
  const sse = sseClient(spender);
  const refused = sseSubscribe(sse);
  await waitFor(() => refused.completed);
  expect(refused.errors.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
  sse.dispose();
  const multipart = await fetch(t.url, {
    method: 'POST',
    headers: { accept: 'multipart/mixed;boundary=graphql;subscriptionSpec=1.0', 'content-type': 'application/json', authorization: `Bearer ${spender}` },
    body: JSON.stringify({ query: SUBSCRIPTION }),
  });
  expect(multipart.status).toBe(429);
  expect(multipart.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(((await multipart.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('RATE_LIMITED');
});

describe('multipart HTTP (Apollo Client 4)', () => {
  const apollo = (bearer: string) => new ApolloClient({ link: new HttpLink({ uri: t.url, headers: { authorization: `Bearer ${bearer}` } }), cache: new InMemoryCache() });
  const document = gql(SUBSCRIPTION);

  function apolloSubscribe(client: ApolloClient, after?: string) {
    const received: { notifications: Notification[]; errors: unknown[] } = { notifications: [], errors: [] };
    const subscription = client.subscribe<{ notifications: Notification }>({ query: document, variables: { after } }).subscribe({
      next: ({ data, error }) => {
        if (data) received.notifications.push(data.notifications);
        if (error) received.errors.push(error);
      },
      error: (error) => received.errors.push(error),
    });
    return { received, stop: () => subscription.unsubscribe() };
  }

  it('receives notifications and resumes after the last position it saw', async () => {
    const client = apollo(token);
    const live = apolloSubscribe(client);
    await settle();
    await registerAbsences(2);
    await waitFor(() => absences(live.received.notifications) >= 2);
    expect(live.received.errors).toEqual([]);
    const last = live.received.notifications.at(-1)!.position;
    live.stop();

    await registerAbsences(2); // missed
    const resumed = apolloSubscribe(client, last);
    await waitFor(() => absences(resumed.received.notifications) >= 2);
    await registerAbsences(1);
    await waitFor(() => absences(resumed.received.notifications) >= 3);
    await settle();
    expectResumedAfter(last, resumed.received.notifications, 3);
    resumed.stop();
    client.stop();
  });

  it('ends the stream when the token expires, with the position to resume after', async () => {
    const shortLived = await issueClientToken(await devClientSigningKey(t.dataDir), { role: 'caseworker', authority: '101', subject: 'caseworker-expiring-multipart', expiresIn: 2 });
    const client = apollo(shortLived);
    let completed = false;
    const errors: { extensions?: Record<string, unknown> }[] = [];
    client.subscribe({ query: document }).subscribe({
      next: ({ error }) => {
        if (error && 'errors' in error) errors.push(...(error.errors as typeof errors));
      },
      error: () => (completed = true),
      complete: () => (completed = true),
    });
    await waitFor(() => completed, 6_000);
    expect(errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(typeof errors[0].extensions?.resumeAfter).toBe('string');
    client.stop();
  });

  it('refuses a request without a bearer token (401) and an invalid subscription (400), typed', async () => {
    const accept = 'multipart/mixed;boundary=graphql;subscriptionSpec=1.0,application/json;q=0.9';
    const anonymous = await fetch(t.url, { method: 'POST', headers: { accept, 'content-type': 'application/json' }, body: JSON.stringify({ query: SUBSCRIPTION }) });
    expect(anonymous.status).toBe(401);
    const invalid = await fetch(t.url, { method: 'POST', headers: { accept, 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: 'subscription { notifications { nope } }' }) });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

// Last: it restarts the gateway.
it('tells an HTTP subscriber where to resume when the gateway stops', async () => {
  const client = sseClient(token);
  const received = sseSubscribe(client);
  await settle();
  await registerAbsences(1);
  await waitFor(() => absences(received.notifications) >= 1);
  await settle();
  await t.system.restartGateway();
  await waitFor(() => received.completed);
  expect(received.errors.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
  expect(received.errors[0].extensions?.resumeAfter).toBe(received.notifications.at(-1)!.position);
  client.dispose();
});
