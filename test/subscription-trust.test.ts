// What one WebSocket client may do to the gateway and to the others: its socket lives no longer
// than its token, it holds a bounded number of subscriptions, every subscribe spends its rate
// limit, oversized or missing frames close the socket, and errors carry no schema hints.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import { startTestSystem, type TestSystem } from './support/system';
import { waitFor } from './support/ws';

const PROTOCOL = 'graphql-transport-ws';

interface Message {
  type: string;
  id?: string;
  payload?: unknown;
  at: number;
}

interface RawSocket {
  socket: WebSocket;
  messages: Message[];
  closed: Promise<{ code: number; reason: string }>;
  send(message: Record<string, unknown>): void;
  /** The subscriptions refused so far, by id, with their error codes. */
  refusals(): Map<string, unknown[]>;
}

/** A bare graphql-transport-ws socket: every frame the server sends is recorded. */
async function openSocket(t: TestSystem): Promise<RawSocket> {
  const socket = new WebSocket(t.url.replace(/^http/, 'ws'), PROTOCOL);
  const messages: Message[] = [];
  socket.on('message', (data) => messages.push({ ...(JSON.parse(String(data)) as Omit<Message, 'at'>), at: Date.now() }));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  // A refused frame can reset the connection under the sender; the close code is what counts.
  socket.on('error', () => undefined);
  return {
    socket,
    messages,
    closed,
    send: (message) => socket.send(JSON.stringify(message)),
    refusals: () =>
      new Map(messages.filter((m) => m.type === 'error').map((m) => [m.id!, (m.payload as { extensions?: { code?: unknown } }[]).map((e) => e.extensions?.code)])),
  };
}

/** A socket past connection_ack, authenticated with the token. */
async function connect(t: TestSystem, token: string): Promise<RawSocket> {
  const raw = await openSocket(t);
  raw.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
  await waitFor(() => raw.messages.some((m) => m.type === 'connection_ack'));
  return raw;
}

/** The close code within `ms`, or null when the socket is still open then. */
function closeCode(raw: RawSocket, ms: number): Promise<number | null> {
  return Promise.race([raw.closed.then(({ code }) => code), new Promise<null>((r) => setTimeout(() => r(null), ms))]);
}

function subscribe(raw: RawSocket, id: string, query: string, variables: Record<string, unknown> = {}): void {
  raw.send({ id, type: 'subscribe', payload: { query, variables } });
}

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

const NAME = 'Karen Expiry';

async function person(cpr: string): Promise<void> {
  const response = await t.gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name: NAME, municipalityCode: '101' } });
  expect(response.errors).toBeUndefined();
  const group = await t.gql('mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr, contactGroupId: 1, start: '2026-06-01' } }, { role: 'caseworker', authority: '101' });
  expect(group.errors).toBeUndefined();
}

async function registerAbsence(cpr: string): Promise<void> {
  const response = await t.gql('mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }', { i: { cpr, typeId: 45, start: '2026-11-23', end: '2026-12-01' } }, { role: 'caseworker', authority: '101' });
  expect(response.errors).toBeUndefined();
}

/** A caseworker token of jobcentre 101 that expires `seconds` from now (JWT exp is whole seconds). */
async function shortLivedToken(subject: string, seconds: number): Promise<{ token: string; expiresAt: number }> {
  const token = await issueClientToken(await devClientSigningKey(t.dataDir), { role: 'caseworker', authority: '101', subject, expiresIn: seconds });
  const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number };
  return { token, expiresAt: exp * 1000 };
}

const CPR_SUBSCRIPTION = 'subscription { notifications { position kind person { cpr name } } }';

describe('a socket lives no longer than its token', () => {
  it('closes the socket with 4403 at the token’s exp, after which no CPR or name arrives', async () => {
    const cpr = '0101801234';
    await person(cpr);
    const { token, expiresAt } = await shortLivedToken('caseworker-short', 2);
    const raw = await connect(t, token);
    subscribe(raw, 'cpr', CPR_SUBSCRIPTION);
    await new Promise((r) => setTimeout(r, 200));

    await registerAbsence(cpr);
    const absence = () => raw.messages.find((m) => m.type === 'next' && JSON.stringify(m.payload).includes('ABSENCE_REGISTERED'));
    await waitFor(() => absence() !== undefined);
    expect(absence()!.payload).toMatchObject({ data: { notifications: { person: { cpr, name: NAME } } } });

    // Past exp: the same change again must not reach this socket.
    await waitFor(() => Date.now() > expiresAt + 300, 5_000);
    await registerAbsence(cpr);
    await new Promise((r) => setTimeout(r, 700));
    expect(raw.messages.filter((m) => m.type === 'next' && m.at >= expiresAt)).toEqual([]);
    expect(await closeCode(raw, 0)).toBe(4403);
  });

  it('a client renews by reconnecting with a fresh token from connectionParams, and loses nothing', async () => {
    const cpr = '0202801234';
    await person(cpr);
    const signingKey = await devClientSigningKey(t.dataDir);
    // The first token lives 2 seconds; each reconnect fetches a fresh one, as a real client would.
    let connects = 0;
    let lastPosition: string | undefined;
    const closeCodes: number[] = [];
    const client = createClient({
      url: t.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      retryWait: () => new Promise((r) => setTimeout(r, 300)),
      connectionParams: async () => {
        const token = await issueClientToken(signingKey, { role: 'caseworker', authority: '101', subject: 'caseworker-renewing', expiresIn: connects++ === 0 ? 2 : 3600 });
        return { authorization: `Bearer ${token}`, ...(lastPosition ? { resumeAfter: lastPosition } : {}) };
      },
      on: { closed: (event) => void closeCodes.push((event as { code: number }).code) },
    });
    const kinds: string[] = [];
    client.subscribe<{ notifications: { position: string; kind: string } }>(
      { query: 'subscription { notifications { position kind } }' },
      {
        next: ({ data }) => {
          if (!data) return;
          lastPosition = data.notifications.position;
          // The fixture's own person and contact group events may still be on their way.
          if (data.notifications.kind === 'ABSENCE_REGISTERED') kinds.push(data.notifications.kind);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await new Promise((r) => setTimeout(r, 300));
    await registerAbsence(cpr);
    await waitFor(() => kinds.length === 1);

    // Written while the old socket is closed and before the client is back: resumeAfter covers it.
    await waitFor(() => closeCodes.length > 0, 5_000);
    await registerAbsence(cpr);
    await waitFor(() => connects >= 2 && kinds.length === 2, 5_000);
    await registerAbsence(cpr);
    await waitFor(() => kinds.length === 3);
    await new Promise((r) => setTimeout(r, 300));
    expect(closeCodes[0]).toBe(4403);
    expect(kinds).toEqual(['ABSENCE_REGISTERED', 'ABSENCE_REGISTERED', 'ABSENCE_REGISTERED']);
    await client.dispose();
  });
});

describe('subscriptions are bounded per socket and per identity', () => {
  it('refuses an aliased flood past 10 subscriptions on one socket, so one event costs 10 follow-ups, not 300', async () => {
    const cpr = '0303801234';
    await person(cpr);
    const raw = await connect(t, await t.token('caseworker', '101', 'caseworker-flood'));
    for (let i = 0; i < 300; i++) subscribe(raw, `s${i}`, `subscription { n${i}: notifications { kind person { id } } }`);
    await waitFor(() => raw.refusals().size === 290);
    expect(new Set([...raw.refusals().values()].flat())).toEqual(new Set(['TOO_MANY_SUBSCRIPTIONS']));

    await registerAbsence(cpr);
    const absences = () => raw.messages.filter((m) => m.type === 'next' && JSON.stringify(m.payload).includes('ABSENCE_REGISTERED'));
    await waitFor(() => absences().length >= 10);
    await new Promise((r) => setTimeout(r, 500));
    const delivered = absences();
    expect(delivered).toHaveLength(10);
    expect(delivered.every((m) => !raw.refusals().has(m.id!))).toBe(true);
    raw.socket.close();
  });

  it('counts every socket of one identity against 25, frees slots when a socket closes, and leaves other identities alone', async () => {
    const token = await t.token('caseworker', '101', 'caseworker-many-tabs');
    const sockets = [await connect(t, token), await connect(t, token), await connect(t, token)];
    for (const [n, raw] of sockets.entries()) {
      for (let i = 0; i < 10; i++) subscribe(raw, `s${i}`, 'subscription { notifications { kind } }');
      // One socket at a time, so which socket reaches the cap is known.
      await new Promise((r) => setTimeout(r, n === 2 ? 500 : 200));
    }
    expect(sockets.map((raw) => raw.refusals().size)).toEqual([0, 0, 5]);
    expect(new Set([...sockets[2].refusals().values()].flat())).toEqual(new Set(['TOO_MANY_SUBSCRIPTIONS']));

    const colleague = await connect(t, await t.token('caseworker', '101', 'caseworker-colleague'));
    subscribe(colleague, 'mine', 'subscription { notifications { kind } }');

    sockets[0].socket.close();
    await sockets[0].closed;
    await new Promise((r) => setTimeout(r, 200));
    subscribe(sockets[2], 'again', 'subscription { notifications { kind } }');
    await new Promise((r) => setTimeout(r, 500));
    expect(sockets[2].refusals().has('again')).toBe(false);
    expect(colleague.refusals().size).toBe(0);
    for (const raw of [...sockets, colleague]) raw.socket.close();
  });
});

describe('frames and handshakes', () => {
  it('refuses a frame over the HTTP body limit with 1009, before it is parsed', async () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const raw = await openSocket(t);
      const token = await t.token('caseworker', '101');
      raw.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}`, padding: 'x'.repeat(20 * 1024 * 1024) } });
      expect(await closeCode(raw, 10_000)).toBe(1009);
      expect(parse.mock.calls.filter(([text]) => typeof text === 'string' && text.length > 100_000)).toEqual([]);
    } finally {
      parse.mockRestore();
    }
  });

  it('closes a socket that never sends connection_init with 4408 after 3 seconds', async () => {
    const opened = Date.now();
    const raw = await openSocket(t);
    expect(await closeCode(raw, 5_000)).toBe(4408);
    expect(Date.now() - opened).toBeGreaterThanOrEqual(2_900);
  });
});

describe('errors over WebSocket', () => {
  const refusal = async (query: string, variables: Record<string, unknown> = {}) => {
    const raw = await connect(t, await t.token('caseworker', '101', 'caseworker-typos'));
    subscribe(raw, 'bad', query, variables);
    await waitFor(() => raw.refusals().has('bad'));
    raw.socket.close();
    return raw.messages.find((m) => m.type === 'error')!.payload as { message: string; extensions?: { code?: string } }[];
  };

  it.each([
    ['a typo in a field', 'subscription { notifications { kidn } }'],
    ['a typo in a type', 'subscription($a: Strin) { notifications(after: $a) { kind } }'],
    ['a typo in an enum value', 'subscription($s: AbsenceStatus = OPNE) { notifications { kind } }'],
    ['a typo in an argument', 'subscription { notifications(aftre: "x") { kind } }'],
  ])('gives no schema hints for %s', async (_, query) => {
    const errors = await refusal(query);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.message).not.toMatch(/did you mean/i);
      expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('refuses a query over the token limit at subscribe, without naming the limit', async () => {
    const errors = await refusal(`subscription { notifications { ${'kind '.repeat(2_100)} } }`);
    expect(errors.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    // Parsing stopped at the limit (validation never ran), and the limit is not named.
    expect(errors[0].message).toMatch(/too large/);
    expect(errors[0].message).not.toMatch(/\d/);
  });

  it('refuses a query over the cost limit at subscribe, not at every event', async () => {
    const nested = 'person { absences { person { absences { person { absences { person { absences { id } } } } } } } }';
    const errors = await refusal(`subscription { notifications { ${nested} } }`);
    expect(errors.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('refuses text no database stores as written at subscribe', async () => {
    const errors = await refusal('subscription($a: String) { notifications(after: $a) { kind } }', { a: 'x\u0000' });
    expect(errors.map((e) => e.extensions?.code)).toEqual(['INVALID_TEXT']);
  });

  it('refuses a wrongly typed variable as BAD_USER_INPUT instead of ignoring it', async () => {
    const errors = await refusal('subscription($a: String) { notifications(after: $a) { kind } }', { a: 5 });
    expect(errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('subscribing spends the identity’s rate limit', () => {
  let limited: TestSystem;
  beforeAll(async () => {
    limited = await startTestSystem({ today: '2026-11-23', rateLimit: { points: 5, windowSeconds: 60 } });
  });
  afterAll(() => limited.stop());

  it('shares one budget between HTTP requests and subscribe operations', async () => {
    const token = await limited.token('caseworker', '101', 'caseworker-budget');
    for (let i = 0; i < 4; i++) expect((await limited.gql('{ __typename }', {}, token)).status).toBe(200);
    const raw = await connect(limited, token);
    subscribe(raw, 'fifth', 'subscription { notifications { kind } }');
    subscribe(raw, 'sixth', 'subscription { notifications { kind } }');
    await waitFor(() => raw.refusals().has('sixth'));
    await new Promise((r) => setTimeout(r, 200));
    expect(raw.refusals().has('fifth')).toBe(false);
    expect(raw.refusals().get('sixth')).toEqual(['RATE_LIMITED']);
    expect((await limited.gql('{ __typename }', {}, token)).status).toBe(429);
    raw.socket.close();
  });
});
