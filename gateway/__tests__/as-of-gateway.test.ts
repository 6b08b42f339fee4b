// person(cpr:, asOf:) through the real gateway: one operation reads one day (two days are refused
// with AS_OF_CONFLICT and HTTP 400, before any subgraph is asked); the day reaches every subgraph
// the operation calls in the as-of header, and none for a read of today; and notifications carry
// the valid time of their event as effectiveDate, in the subscription and in the inbox.
import type http from 'node:http';
import type { DomainEvent } from '../../core/events';
import { AS_OF_HEADER } from '../../core/valid-time';
import { decodePosition } from '../notifications/positions';
import { errorCodes, startTestSystem, type TestSystem } from '../../test/support/system';
import { collect, waitFor, wsClient } from '../../test/support/ws';

const CPR = '2012801234';
const JOBCENTRE = { role: 'caseworker', authority: '101' } as const;
const OVERVIEW = `query Overview($cpr: String!, $day: Date) {
  person(cpr: $cpr, asOf: $day) { cpr name contactGroup { contactGroup { id } } absences { start end } plan { version } mediations { id } }
}`;

let t: TestSystem;
/** The as-of header of every request each subgraph received, in order (null: no header). */
const received = new Map<string, (string | null)[]>();

beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-30' });
  for (const subgraph of t.system.subgraphs) {
    received.set(subgraph.name, []);
    // A second listener on the subgraph's own server only records; the server answers as always.
    (subgraph.httpServer as http.Server).on('request', (req: http.IncomingMessage) => {
      if (req.method !== 'POST') return;
      const header = req.headers[AS_OF_HEADER];
      received.get(subgraph.name)!.push(typeof header === 'string' ? header : null);
    });
  }
  await t.gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr: CPR, name: 'Ida Valid', municipalityCode: '101' } });
  await t.gql('mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr: CPR, contactGroupId: 1, start: '2026-06-01' } }, JOBCENTRE);
  await t.gql('mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }', { i: { cpr: CPR, typeId: 45, start: '2026-11-30', end: '2026-12-04' } }, JOBCENTRE);
});
afterAll(() => t?.stop());

function clearReceived(): void {
  for (const list of received.values()) list.length = 0;
}

describe('one operation reads one day', () => {
  it('refuses two person fields for different days with AS_OF_CONFLICT and HTTP 400, asking no subgraph', async () => {
    clearReceived();
    const response = await t.gql(
      `query { a: person(cpr: "${CPR}", asOf: "2026-11-30") { name } b: person(cpr: "${CPR}", asOf: "2026-12-20") { name } }`,
      {},
      JOBCENTRE,
    );
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['AS_OF_CONFLICT']);
    expect(response.errors![0].message).toContain('2026-11-30');
    expect(response.errors![0].message).toContain('2026-12-20');
    expect(response.data ?? null).toBeNull();
    expect([...received.values()].flat()).toEqual([]);
  });

  it('refuses a variable day beside a literal one in a fragment the same way', async () => {
    const response = await t.gql(
      `query($day: Date) { a: person(cpr: "${CPR}", asOf: $day) { name } ...Later } fragment Later on Query { b: person(cpr: "${CPR}", asOf: "2026-12-21") { name } }`,
      { day: '2026-12-20' },
      JOBCENTRE,
    );
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['AS_OF_CONFLICT']);
  });

  it('refuses a person as of a day beside a person of today, which would otherwise be answered as of that day', async () => {
    const response = await t.gql(`query { a: person(cpr: "${CPR}", asOf: "2026-12-20") { name } b: person(cpr: "${CPR}") { name } }`, {}, JOBCENTRE);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['AS_OF_CONFLICT']);
    expect(response.errors![0].message).toContain('not given (today)');
  });

  it('answers two person fields for the same day', async () => {
    const same = await t.gql<{ a: { name: string }; b: { name: string } }>(`query { a: person(cpr: "${CPR}", asOf: "2026-12-20") { name } b: person(cpr: "${CPR}", asOf: "2026-12-20") { name } }`, {}, JOBCENTRE);
    expect(same.status).toBe(200);
    expect(same.errors).toBeUndefined();
    expect(same.data).toEqual({ a: { name: 'Ida Valid' }, b: { name: 'Ida Valid' } });
  });
});

describe('the day reaches every subgraph', () => {
  it('sets the as-of header on every subgraph call of an as-of read', async () => {
    clearReceived();
    const response = await t.gql(OVERVIEW, { cpr: CPR, day: '2026-12-20' }, JOBCENTRE);
    expect(response.errors).toBeUndefined();
    expect(response.data).toMatchObject({ person: { cpr: CPR, name: 'Ida Valid' } });
    const called = [...received.entries()].filter(([, headers]) => headers.length > 0);
    expect(called.map(([name]) => name).sort()).toEqual(expect.arrayContaining(['absence', 'person', 'plan', 'recruitment']));
    for (const [, headers] of called) expect(new Set(headers)).toEqual(new Set(['2026-12-20']));
  });

  it('sets no header on a read of today', async () => {
    clearReceived();
    const response = await t.gql(OVERVIEW, { cpr: CPR }, JOBCENTRE);
    expect(response.errors).toBeUndefined();
    const headers = [...received.values()].flat();
    expect(headers.length).toBeGreaterThan(0);
    expect(new Set(headers)).toEqual(new Set([null]));
  });

  it('answers concurrent reads of the same person for different days each for its own day', async () => {
    clearReceived();
    const days = ['2026-11-30', '2026-12-20', '2026-12-21'];
    const answers = await Promise.all(Array.from({ length: 9 }, (_, i) => t.gql(OVERVIEW, { cpr: CPR, day: days[i % 3] }, JOBCENTRE)));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    // Whatever was merged, each day was asked of the absence subgraph on its own.
    expect(new Set(received.get('absence'))).toEqual(new Set(days));
  });
});

describe('Notification.effectiveDate', () => {
  const FIELDS = 'position kind occurredAt effectiveDate';

  it('is the effectiveDate of the event on the bus, in the inbox and in the subscription', async () => {
    const token = await t.token(JOBCENTRE.role, JOBCENTRE.authority);
    const client = wsClient(t.url, () => ({ authorization: `Bearer ${token}` }));
    const live = collect<{ notifications: { position: string; kind: string; occurredAt: string; effectiveDate: string } }>(client, `subscription { notifications(after: null) { ${FIELDS} } }`);
    await new Promise((r) => setTimeout(r, 300));

    // An event whose change is in force from another day than the one it was recorded on, on a
    // stream of its own (no subgraph consumes it), addressed to jobcentre 101.
    const sequenceBefore = await t.system.bus.latestSequence();
    const probe: DomainEvent = {
      id: 'a7f3c1d2-0000-4000-8000-000000000001',
      stream: 'valid-time-probe',
      streamPosition: 1,
      kind: 'CONTACT_GROUP_CHANGED',
      personId: null,
      entityType: 'ContactGroupPeriod',
      entityId: 'probe',
      authorities: { jobcentres: ['101'] },
      occurredAt: '2026-11-30T09:00:00.000Z',
      effectiveDate: '2026-12-20',
      payload: {},
      schemaVersion: 1,
    };
    await t.system.bus.publish(probe);
    await waitFor(() => live.results.some((r) => r.notifications.kind === 'CONTACT_GROUP_CHANGED' && decodePosition(r.notifications.position) > sequenceBefore));

    const inbox = await t.gql<{ inbox: { nodes: { position: string; kind: string; occurredAt: string; effectiveDate: string }[] } }>(`{ inbox(first: 500) { nodes { ${FIELDS} } } }`, {}, JOBCENTRE);
    expect(inbox.errors).toBeUndefined();
    const events = new Map((await t.system.bus.read(0, 1000)).map((e) => [e.sequence, e]));
    const nodes = inbox.data!.inbox.nodes;
    // The setup's mutations (recorded today) and the probe (in force from 2026-12-20).
    expect(nodes.map((n) => n.kind)).toEqual(expect.arrayContaining(['PERSON_UPSERTED', 'CONTACT_GROUP_CHANGED', 'ABSENCE_REGISTERED']));
    for (const node of nodes) {
      const event = events.get(decodePosition(node.position))!;
      expect(node.effectiveDate).toBe(event.effectiveDate);
    }
    expect(nodes.find((n) => n.kind === 'ABSENCE_REGISTERED')!.effectiveDate).toBe('2026-11-30');
    const probeNode = nodes.find((n) => decodePosition(n.position) > sequenceBefore && n.kind === 'CONTACT_GROUP_CHANGED')!;
    expect(probeNode).toMatchObject({ occurredAt: '2026-11-30T09:00:00.000Z', effectiveDate: '2026-12-20' });

    const liveProbe = live.results.find((r) => r.notifications.position === probeNode.position)!;
    expect(liveProbe.notifications.effectiveDate).toBe('2026-12-20');
    for (const r of live.results) expect(r.notifications.effectiveDate).toBe(events.get(decodePosition(r.notifications.position))!.effectiveDate);
    live.dispose();
    await client.dispose();
  });
});
