// Push delivery end to end (issue 21), with real HTTP receivers on 127.0.0.1: declarations are
// validated and all-or-nothing; every delivery is signed by the Standard Webhooks spec; a receiver
// that fails and recovers gets every message in per-citizen order with STAR's backoff (the clock is
// driven); a failing citizen holds back only that citizen's messages, and a down receiver only its own.
import { Webhook } from 'standardwebhooks';
import { decodePosition } from '../gateway/notifications/positions';
import { startReceiver, webhookSecret, type Receiver } from './support/receiver';
import { errorCodes, eventually, startTestSystem, type TestSystem } from './support/system';

let t: TestSystem;
const receivers: Receiver[] = [];
const QUERY = 'subscription { notifications { position kind person { id } } }';
const DECLARE = 'mutation($input: [DeliverySubscriptionInput!]!) { declareDeliverySubscriptions(input: $input) { id endpoint paused } }';
const DELIVERIES = 'query($status: DeliveryStatus) { deliveries(status: $status, first: 100) { nodes { id position kind status attempts lastError nextAttemptAt } } }';

beforeAll(async () => {
  process.env.DELIVERY_ALLOW_LOOPBACK = 'true';
  process.env.DELIVERY_POLL_MS = '20';
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(async () => {
  // Receivers first: the gateway's stop waits for attempts in flight, which a hung receiver would hold.
  for (const r of receivers) await r.close();
  await t.stop();
  delete process.env.DELIVERY_ALLOW_LOOPBACK;
  delete process.env.DELIVERY_POLL_MS;
});

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  receivers.push(r);
  return r;
}

async function declare(as: { role: 'caseworker' | 'akasse'; authority: string }, entries: { endpoint: string; secret: string; query?: string }[]) {
  return t.gql<{ declareDeliverySubscriptions: { id: string; endpoint: string }[] }>(DECLARE, { input: entries.map((e) => ({ query: QUERY, ...e })) }, as);
}

/** A person of the jobcentre: three messages in the person area (upserted, contact group, CV requirement). */
async function person(cpr: string, municipalityCode: string): Promise<string> {
  const upsert = await t.gql<{ upsertPerson: { id: string } }>('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name: 'Test Person', municipalityCode } });
  await t.gql('mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr, contactGroupId: 1, start: '2026-06-01' } }, { role: 'caseworker', authority: municipalityCode });
  return upsert.data!.upsertPerson.id;
}

const kindsFor = (r: Receiver, personId: string) => r.received.filter((x) => x.json.data?.notifications?.person?.id === personId).map((x) => x.json.data!.notifications!.kind);

it('signs every delivery by the Standard Webhooks spec, with the position as webhook-id', async () => {
  const r = await receiver();
  const secret = webhookSecret();
  const declared = await declare({ role: 'caseworker', authority: '230' }, [{ endpoint: r.url, secret }]);
  expect(declared.errors).toBeUndefined();
  const personId = await person('0101801111', '230');
  await eventually(async () => expect(kindsFor(r, personId)).toEqual(['PERSON_UPSERTED', 'CONTACT_GROUP_CHANGED', 'CV_REQUIREMENT_CHANGED']));
  const webhook = new Webhook(secret);
  for (const request of r.received) {
    expect(webhook.verify(request.body, request.headers)).toEqual(request.json);
    expect(request.headers['webhook-id']).toBe(request.json.data!.notifications!.position);
  }
  expect(() => new Webhook(webhookSecret()).verify(r.received[0].body, r.received[0].headers)).toThrow();
  const metrics = await (await fetch(new URL('/metrics', t.url))).text();
  expect(Number(/dfdg_delivery_attempts_total\{outcome="delivered"[^}]*\} (\d+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(3);
});

it('retries a failing receiver with 2^n−1 s backoff and delivers every message in per-citizen order once it recovers', async () => {
  const r = await receiver();
  r.answer = () => 503;
  await declare({ role: 'caseworker', authority: '250' }, [{ endpoint: r.url, secret: webhookSecret() }]);
  const personId = await person('0202802222', '250');
  const as = { role: 'caseworker', authority: '250' } as const;
  const failed = async (attempts: number) =>
    eventually(async () => {
      const { data } = await t.gql<{ deliveries: { nodes: { attempts: number; nextAttemptAt: string; lastError: string; kind: string }[] } }>(DELIVERIES, { status: 'FAILED' }, as);
      expect(data!.deliveries.nodes).toHaveLength(1);
      expect(data!.deliveries.nodes[0]).toMatchObject({ attempts, kind: 'PERSON_UPSERTED', lastError: 'answered HTTP 503' });
      return data!.deliveries.nodes[0];
    });
  // Only the citizen's first message is tried: the later ones wait behind it.
  const first = await failed(1);
  expect(Date.parse(first.nextAttemptAt) - t.clock.now().getTime()).toBe(1_000);
  await new Promise((res) => setTimeout(res, 200));
  expect(r.received).toHaveLength(1);
  t.clock.set(new Date(t.clock.now().getTime() + 1_000));
  const second = await failed(2);
  expect(Date.parse(second.nextAttemptAt) - t.clock.now().getTime()).toBe(3_000);
  t.clock.set(new Date(t.clock.now().getTime() + 3_000));
  const third = await failed(3);
  expect(Date.parse(third.nextAttemptAt) - t.clock.now().getTime()).toBe(7_000);
  expect(r.received).toHaveLength(3);

  r.answer = () => 200;
  t.clock.set(new Date(t.clock.now().getTime() + 7_000));
  await eventually(async () => expect(kindsFor(r, personId).slice(-3)).toEqual(['PERSON_UPSERTED', 'CONTACT_GROUP_CHANGED', 'CV_REQUIREMENT_CHANGED']));
  const { data } = await t.gql<{ deliveries: { nodes: { status: string; position: string }[] } }>(DELIVERIES, {}, as);
  expect(data!.deliveries.nodes.map((d) => d.status)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']);
  const positions = r.received.filter((x) => r.answer(x) === 200).map((x) => decodePosition(x.json.data!.notifications!.position));
  expect(positions.slice(-3)).toEqual([...positions.slice(-3)].sort((a, b) => a - b));
});

it('holds back only the failing citizen, and a down receiver only its own authority', async () => {
  const healthy = await receiver();
  const picky = await receiver();
  const down = await receiver();
  down.answer = () => 500;
  await declare({ role: 'caseworker', authority: '260' }, [{ endpoint: picky.url, secret: webhookSecret() }]);
  await declare({ role: 'caseworker', authority: '270' }, [{ endpoint: down.url, secret: webhookSecret() }]);
  await declare({ role: 'caseworker', authority: '280' }, [{ endpoint: healthy.url, secret: webhookSecret() }]);
  // Fails the first citizen's messages (all of them until its id is known).
  const stuck = { id: '' };
  picky.answer = (request) => (!stuck.id || request.json.data?.notifications?.person?.id === stuck.id ? 500 : 200);
  stuck.id = await person('0303803333', '260');
  const flowing = await person('0404804444', '260');
  const elsewhere = await person('0505805555', '280');
  await person('0606806666', '270');
  await eventually(async () => expect(kindsFor(picky, flowing)).toEqual(['PERSON_UPSERTED', 'CONTACT_GROUP_CHANGED', 'CV_REQUIREMENT_CHANGED']));
  await eventually(async () => expect(kindsFor(healthy, elsewhere)).toEqual(['PERSON_UPSERTED', 'CONTACT_GROUP_CHANGED', 'CV_REQUIREMENT_CHANGED']));
  // The stuck citizen's first message was tried and failed; its later ones were never sent.
  expect(new Set(kindsFor(picky, stuck.id))).toEqual(new Set(['PERSON_UPSERTED']));
  expect(down.received.length).toBeGreaterThan(0);
});

it('refuses a declaration as a whole when one entry is bad, and replaces it idempotently when all are good', async () => {
  const as = { role: 'akasse', authority: '21' } as const;
  const r = await receiver();
  const good = await declare(as, [{ endpoint: r.url, secret: webhookSecret() }]);
  const id = good.data!.declareDeliverySubscriptions[0].id;
  const other = await receiver();
  const cases: [Record<string, string>, string, string][] = [
    [{ endpoint: 'https://169.254.169.254/latest/meta-data' }, 'INVALID_DELIVERY_ENDPOINT', 'input[1].endpoint'],
    [{ endpoint: 'https://10.1.2.3/hook' }, 'INVALID_DELIVERY_ENDPOINT', 'input[1].endpoint'],
    [{ endpoint: 'ftp://example.com/hook' }, 'INVALID_DELIVERY_ENDPOINT', 'input[1].endpoint'],
    [{ secret: 'not-a-secret' }, 'INVALID_DELIVERY_SECRET', 'input[1].secret'],
    [{ query: 'subscription { notifications { nope } }' }, 'GRAPHQL_VALIDATION_FAILED', 'input[1].query'],
    [{ query: 'query { inbox { nodes { kind } } }' }, 'BAD_USER_INPUT', 'input[1].query'],
    [{ query: 'subscription {' }, 'GRAPHQL_PARSE_FAILED', 'input[1].query'],
    [{ endpoint: other.url }, 'DUPLICATE_DELIVERY_ENDPOINT', 'input[1].endpoint'],
  ];
  for (const [override, code, field] of cases) {
    const response = await declare(as, [{ endpoint: other.url, secret: webhookSecret() }, { endpoint: r.url.replace('/hook', '/second'), secret: webhookSecret(), ...override }]);
    expect({ override, codes: errorCodes(response), field: response.errors?.[0].extensions?.field }).toEqual({ override, codes: [code], field });
    const read = await t.gql<{ deliverySubscriptions: { id: string; endpoint: string }[] }>('{ deliverySubscriptions { id endpoint } }', {}, as);
    expect(read.data!.deliverySubscriptions).toEqual([{ id, endpoint: r.url }]);
  }
  const again = await declare(as, [{ endpoint: r.url, secret: webhookSecret() }]);
  expect(again.data!.declareDeliverySubscriptions.map((s) => s.id)).toEqual([id]);
  const analyst = await t.gql(DECLARE, { input: [{ endpoint: r.url, secret: webhookSecret(), query: QUERY }] }, { role: 'analyst', authority: 'STAR' });
  expect(errorCodes(analyst)).toEqual(['FORBIDDEN']);
  const emptied = await declare(as, []);
  expect(emptied.data!.declareDeliverySubscriptions).toEqual([]);
});

it('parks a delivery failing past the parking period, and sends it again on resume; pause holds, replay re-sends', async () => {
  const as = { role: 'caseworker', authority: '290' } as const;
  const r = await receiver();
  r.answer = () => 503;
  await declare(as, [{ endpoint: r.url, secret: webhookSecret() }]);
  const personId = await person('0707807777', '290');
  const statuses = async () => (await t.gql<{ deliveries: { nodes: { id: string; position: string; status: string }[] } }>(DELIVERIES, {}, as)).data!.deliveries.nodes;
  await eventually(async () => expect((await statuses()).map((d) => d.status)).toEqual(['FAILED', 'PENDING', 'PENDING']));
  // 72 hours after the first failure, the next failure parks it instead of retrying.
  t.clock.set(new Date(t.clock.now().getTime() + 72 * 3_600_000));
  await eventually(async () => expect((await statuses()).map((d) => d.status)).toEqual(['PARKED', 'PENDING', 'PENDING']));
  const sent = r.received.length;
  t.clock.set(new Date(t.clock.now().getTime() + 3 * 3_600_000));
  await new Promise((res) => setTimeout(res, 200));
  expect(r.received).toHaveLength(sent);

  r.answer = () => 200;
  expect((await t.gql(`mutation { resumeDeliverySubscriptions }`, {}, as)).data).toEqual({ resumeDeliverySubscriptions: true });
  await eventually(async () => expect(kindsFor(r, personId).slice(-3)).toEqual(['PERSON_UPSERTED', 'CONTACT_GROUP_CHANGED', 'CV_REQUIREMENT_CHANGED']));

  // Replay everything after the first message: the other two again, with the same webhook-ids.
  const [first] = await statuses();
  const before = r.received.length;
  const replayed = await t.gql<{ replayDeliveries: number }>('mutation($p: String!) { replayDeliveries(input: { after: $p }) }', { p: first.position }, as);
  expect(replayed.data).toEqual({ replayDeliveries: 2 });
  await eventually(async () => expect(r.received.slice(before).map((x) => x.json.data!.notifications!.kind)).toEqual(['CONTACT_GROUP_CHANGED', 'CV_REQUIREMENT_CHANGED']));
  expect(new Set(r.received.map((x) => x.headers['webhook-id'])).size).toBe(3);

  // Paused: recorded, not sent, until resumed.
  expect((await t.gql('mutation { pauseDeliverySubscriptions }', {}, as)).data).toEqual({ pauseDeliverySubscriptions: true });
  const later = await person('0808808888', '290');
  await eventually(async () => expect((await statuses()).filter((d) => d.status === 'PENDING')).toHaveLength(3));
  expect(kindsFor(r, later)).toEqual([]);
  await t.gql('mutation { resumeDeliverySubscriptions }', {}, as);
  await eventually(async () => expect(kindsFor(r, later)).toHaveLength(3));

  // Another authority's deliveries cannot be replayed.
  const ids = (await statuses()).map((d) => d.id);
  const foreign = await t.gql('mutation($ids: [ID!]) { replayDeliveries(input: { ids: $ids }) }', { ids: ids.slice(0, 1) }, { role: 'caseworker', authority: '250' });
  expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
});

it('lets a hung receiver hold only its own share: another receiver gets every message meanwhile', async () => {
  const hung = await receiver();
  hung.hold = () => true; // never answers
  const healthy = await receiver();
  await declare({ role: 'caseworker', authority: '310' }, [{ endpoint: hung.url, secret: webhookSecret() }]);
  await declare({ role: 'caseworker', authority: '320' }, [{ endpoint: healthy.url, secret: webhookSecret() }]);
  // Six citizens of the hung receiver's jobcentre: more first messages than its share of 4 attempts.
  for (const cpr of ['1010801010', '1111801111', '1212801212', '1312801313', '1412801414', '1512801515']) await person(cpr, '310');
  const ids: string[] = [];
  for (const cpr of ['1612801616', '1712801717', '1812801818']) ids.push(await person(cpr, '320'));
  await eventually(async () => expect(ids.map((id) => kindsFor(healthy, id).length)).toEqual([3, 3, 3]), 5_000);
  // The hung one holds its per-endpoint share of attempts (DELIVERY_CONCURRENCY_PER_ENDPOINT), never more.
  expect(hung.received).toHaveLength(4);
});

it('fetches each body under the declarer\'s identity at delivery time, so a CPR in it is audited under that subject', async () => {
  const as = { role: 'caseworker', authority: '340' } as const;
  const r = await receiver();
  await declare(as, [{ endpoint: r.url, secret: webhookSecret(), query: 'subscription { notifications { kind person { cpr } } }' }]);
  const cpr = '2012802020';
  await person(cpr, '340');
  await eventually(async () => expect(r.received.map((x) => (x.json.data?.notifications as { person?: { cpr?: string } } | undefined)?.person?.cpr)).toContain(cpr));
  const audit = await t.gql<{ auditLog: { nodes: { subject: string }[] } }>('query($cpr: String) { auditLog(cpr: $cpr, first: 100) { nodes { subject } } }', { cpr });
  expect(audit.data!.auditLog.nodes.map((n) => n.subject)).toContain('test-caseworker-340');
});

it('pages deliveries with an opaque cursor, and refuses a cursor or position it did not issue', async () => {
  const as = { role: 'caseworker', authority: '250' } as const;
  const PAGE = 'query($after: String) { deliveries(first: 2, after: $after) { nodes { position } pageInfo { endCursor hasNextPage } } }';
  type Page = { deliveries: { nodes: { position: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } };
  const first = (await t.gql<Page>(PAGE, {}, as)).data!.deliveries;
  expect([first.nodes.length, first.pageInfo.hasNextPage]).toEqual([2, true]);
  const second = (await t.gql<Page>(PAGE, { after: first.pageInfo.endCursor }, as)).data!.deliveries;
  expect([second.nodes.length, second.pageInfo.hasNextPage]).toEqual([1, false]);
  expect(decodePosition(second.nodes[0].position)).toBeGreaterThan(decodePosition(first.nodes[1].position));
  expect(errorCodes(await t.gql(PAGE, { after: 'bm9wZQ' }, as))).toEqual(['BAD_USER_INPUT']);
  const beyond = Buffer.from('n1:99999999').toString('base64url');
  expect(errorCodes(await t.gql('mutation($p: String!) { replayDeliveries(input: { after: $p }) }', { p: beyond }, as))).toEqual(['INVALID_POSITION']);
  expect(errorCodes(await t.gql('mutation { replayDeliveries(input: {}) }', {}, as))).toEqual(['BAD_USER_INPUT']);
});

it('prunes delivered rows once the event log no longer keeps their events (30 days), and nothing else', async () => {
  const as = { role: 'caseworker', authority: '330' } as const;
  const r = await receiver();
  await declare(as, [{ endpoint: r.url, secret: webhookSecret() }]);
  const personId = await person('1912801919', '330');
  await eventually(async () => expect(kindsFor(r, personId)).toHaveLength(3));
  const count = async (status: string) => (await t.gql<{ deliveries: { nodes: unknown[] } }>(DELIVERIES, { status }, as)).data!.deliveries.nodes.length;
  await eventually(async () => expect(await count('DELIVERED')).toBe(3));
  // Delivered at the clock's time now: 30 days later they stay, a moment after that they go.
  const then = t.clock.now();
  t.clock.set(new Date(then.getTime() + 30 * 86_400_000));
  await t.system.gateway.delivery!.prune();
  expect(await count('DELIVERED')).toBe(3);
  t.clock.set(new Date(then.getTime() + 30 * 86_400_000 + 1));
  expect(await t.system.gateway.delivery!.prune()).toBeGreaterThanOrEqual(3);
  expect(await count('DELIVERED')).toBe(0);
});
