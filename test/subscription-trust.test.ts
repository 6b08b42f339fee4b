// What one WebSocket client may do to the gateway and to the others: its socket lives no longer
// than its token, it holds a bounded number of subscriptions, every subscribe spends its rate
// limit, oversized or missing frames close the socket, and errors carry no schema hints.
import WebSocket from 'ws';
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

function subscribe(raw: RawSocket, id: string, query: string, variables: Record<string, unknown> = {}): void {
  raw.send({ id, type: 'subscribe', payload: { query, variables } });
}

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

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

  it('refuses a wrongly typed variable as BAD_USER_INPUT instead of ignoring it', async () => {
    const errors = await refusal('subscription($a: String) { notifications(after: $a) { kind } }', { a: 5 });
    expect(errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });
});
