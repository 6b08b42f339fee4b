// Issue 16 §9: an integration cannot acknowledge (or read its inbox after) a position the log has
// not reached: it is INVALID_POSITION, nothing is written, and the notifications that arrive later
// still reach the inbox instead of being skipped.
import { decodePosition, encodePosition } from '../gateway/notifications/positions';
import { errorCodes, eventually, startTestSystem, type TestSystem } from './support/system';
import { collect, waitFor, wsClient } from './support/ws';

let t: TestSystem;
const JOBCENTRE = { role: 'caseworker', authority: '101' } as const;
const CPR = '0707801234';
const ACK = 'mutation($p: String!) { acknowledge(upTo: $p) }';
const INBOX = 'query($after: String) { inbox(after: $after, first: 50) { nodes { kind position } pageInfo { endCursor } } }';

interface Inbox {
  inbox: { nodes: { kind: string; position: string }[]; pageInfo: { endCursor: string | null } };
}

beforeAll(async () => {
  // On JetStream too when the CI gives one: its head of the log is the stream's last sequence.
  t = await startTestSystem({ today: '2026-11-23', jetstream: Boolean(process.env.TEST_NATS_URL) });
  await t.gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr: CPR, name: 'Test Person', municipalityCode: '101' } });
  await changeGroup(1, '2026-06-01');
});
afterAll(() => t.stop());

async function changeGroup(group: number, start: string) {
  const response = await t.gql('mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr: CPR, contactGroupId: group, start } }, JOBCENTRE);
  expect(response.errors).toBeUndefined();
}

async function acknowledgements(): Promise<unknown[]> {
  const notifications = t.system.subgraphs.find((s) => s.name === 'notifications')!;
  return notifications.orm.em.getConnection().execute('select role, authority, subject, sequence from notification_acknowledgement order by subject');
}

it('refuses to acknowledge beyond the head of the log, writes nothing, and the next notification still arrives', async () => {
  const head = await t.system.bus.latestSequence();
  const before = await acknowledgements();
  for (const beyond of [head + 1, head + 1_000_000]) {
    const response = await t.gql(ACK, { p: encodePosition(beyond) }, JOBCENTRE);
    expect(errorCodes(response)).toEqual(['INVALID_POSITION']);
    expect(response.data ?? null).toBeNull();
  }
  expect(await acknowledgements()).toEqual(before);

  // In force today (2026-11-23): a later day would be announced as scheduled, not as a change.
  await changeGroup(2, '2026-11-22');
  await eventually(async () => {
    const { data } = await t.gql<Inbox>(INBOX, {}, JOBCENTRE);
    expect(data!.inbox.nodes.map((n) => n.kind)).toContain('CONTACT_GROUP_CHANGED');
    expect(Math.max(...data!.inbox.nodes.map((n) => decodePosition(n.position)))).toBeGreaterThan(head);
  });
});

it('refuses an inbox read after a position beyond the head the same way', async () => {
  const head = await t.system.bus.latestSequence();
  const response = await t.gql(INBOX, { after: encodePosition(head + 5) }, JOBCENTRE);
  expect(errorCodes(response)).toEqual(['INVALID_POSITION']);
});

it('still acknowledges the head itself, and a page end it was handed', async () => {
  const endCursor = await eventually(async () => {
    const { data } = await t.gql<Inbox>(INBOX, {}, JOBCENTRE);
    const cursor = data!.inbox.pageInfo.endCursor!;
    expect(decodePosition(cursor)).toBe(await t.system.bus.latestSequence());
    return cursor;
  });
  expect((await t.gql(ACK, { p: endCursor }, JOBCENTRE)).data).toEqual({ acknowledge: true });
  expect(await acknowledgements()).toEqual([expect.objectContaining({ role: 'caseworker', authority: '101', subject: 'test-caseworker-101' })]);
  expect((await t.gql<Inbox>(INBOX, {}, JOBCENTRE)).data!.inbox.nodes).toEqual([]);
});

it('refuses a subscription resuming after a position beyond the head, and one at the head still hears what comes next', async () => {
  const head = await t.system.bus.latestSequence();
  const token = await t.token('caseworker', '101');
  const client = wsClient(t.url, () => ({ authorization: `Bearer ${token}` }));
  const SUBSCRIBE = 'subscription($after: String) { notifications(after: $after) { kind position } }';
  const beyond = collect<unknown>(client, SUBSCRIBE, { after: encodePosition(head + 5) });
  await beyond.done;
  expect(beyond.errors.flat().map((e) => (e as { extensions?: { code?: string } }).extensions?.code)).toEqual(['INVALID_POSITION']);

  const atHead = collect<{ notifications: { kind: string; position: string } }>(client, SUBSCRIBE, { after: encodePosition(head) });
  await changeGroup(1, '2026-11-23');
  await waitFor(() => atHead.results.some((r) => r.notifications.kind === 'CONTACT_GROUP_CHANGED'));
  expect(decodePosition(atHead.results[0].notifications.position)).toBe(head + 1);
  atHead.dispose();
  await client.dispose();
});
