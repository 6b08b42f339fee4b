// Change notifications end to end: a mutation through the gateway reaches exactly the subscribers
// of the authorities it is addressed to, with federated fields resolved under each subscriber's
// identity; `after` and connectionParams.resumeAfter resume without loss or duplicates; the inbox
// serves the same stream to integrations that poll.
import { decodePosition } from '../gateway/notifications/positions';
import { startTestSystem, type TestSystem } from './support/system';
import { collect, waitFor, wsClient } from './support/ws';

let t: TestSystem;
const JOBCENTRE = { role: 'caseworker', authority: '101' } as const;
const OTHER_JOBCENTRE = { role: 'caseworker', authority: '147' } as const;
const AKASSE = { role: 'akasse', authority: '21' } as const;

beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

interface NotificationData {
  notifications: { position: string; kind: string; person: { id: string; absences?: { type: { id: number } }[]; contactGroup?: { contactGroup: { id: number } } } | null };
}

const SUBSCRIPTION = `subscription($after: String) {
  notifications(after: $after) { position kind person { id absences { type { id } } contactGroup { contactGroup { id } } } }
}`;

async function person(cpr: string, municipalityCode: string, group = 1): Promise<string> {
  const upsert = await t.gql<{ upsertPerson: { id: string } }>('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name: 'Test Person', municipalityCode } });
  await t.gql('mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr, contactGroupId: group, start: '2026-06-01' } }, { role: 'caseworker', authority: municipalityCode });
  return upsert.data!.upsertPerson.id;
}

async function registerAbsence(cpr: string, as = JOBCENTRE) {
  const response = await t.gql('mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }', { i: { cpr, typeId: 73, start: '2026-11-23', end: '2026-12-01' } }, as);
  expect(response.errors).toBeUndefined();
}

it('delivers a mutation to its jobcentre with federated fields, and not to another jobcentre', async () => {
  const mine = wsClient(t.url, () => ({ authorization: `Bearer ${tokens.jobcentre}` }));
  const other = wsClient(t.url, () => ({ authorization: `Bearer ${tokens.other}` }));
  const minePending = collect<NotificationData>(mine, SUBSCRIPTION);
  const otherPending = collect<NotificationData>(other, SUBSCRIPTION);
  await new Promise((r) => setTimeout(r, 300));

  const personId = await person('0303801234', '101');
  await registerAbsence('0303801234');

  await waitFor(() => minePending.results.some((r) => r.notifications.kind === 'ABSENCE_REGISTERED'));
  const absence = minePending.results.find((r) => r.notifications.kind === 'ABSENCE_REGISTERED')!;
  expect(absence.notifications.person).toEqual({ id: personId, absences: [{ type: { id: 73 } }], contactGroup: { contactGroup: { id: 1 } } });
  expect(minePending.results.map((r) => r.notifications.kind)).toEqual(['PERSON_UPSERTED', 'CONTACT_GROUP_CHANGED', 'CV_REQUIREMENT_CHANGED', 'ABSENCE_REGISTERED']);
  expect(otherPending.results).toEqual([]);
  minePending.dispose();
  otherPending.dispose();
  await mine.dispose();
  await other.dispose();
});

it('audits a CPR in a notification under every caseworker who received it, even when their follow-ups are identical', async () => {
  const CPR_SUBSCRIPTION = 'subscription { notifications { kind person { cpr } } }';
  const [anne, bo] = await Promise.all([t.token('caseworker', '101', 'caseworker-anne'), t.token('caseworker', '101', 'caseworker-bo')]);
  const clients = [anne, bo].map((token) => wsClient(t.url, () => ({ authorization: `Bearer ${token}` })));
  const pending = clients.map((client) => collect<{ notifications: { kind: string; person: { cpr: string } | null } }>(client, CPR_SUBSCRIPTION));
  await new Promise((r) => setTimeout(r, 300));

  const cpr = '0606801234';
  await person(cpr, '101');
  await registerAbsence(cpr);
  for (const p of pending) await waitFor(() => p.results.some((r) => r.notifications.kind === 'ABSENCE_REGISTERED'));
  for (const p of pending) expect(p.results.find((r) => r.notifications.kind === 'ABSENCE_REGISTERED')!.notifications.person).toEqual({ cpr });

  const audit = await t.gql<{ auditLog: { nodes: { subject: string }[] } }>('query($cpr: String) { auditLog(cpr: $cpr, first: 100) { nodes { subject } } }', { cpr });
  const subjects = new Set(audit.data!.auditLog.nodes.map((n) => n.subject));
  expect(subjects.has('caseworker-anne')).toBe(true);
  expect(subjects.has('caseworker-bo')).toBe(true);
  for (const p of pending) p.dispose();
  for (const client of clients) await client.dispose();
});

it('refuses a WebSocket connection without a valid token', async () => {
  const client = wsClient(t.url, () => ({ authorization: 'Bearer not-a-token' }));
  const pending = collect(client, SUBSCRIPTION);
  const failed = await Promise.race([pending.done.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
  expect(failed).toBe(true);
  await client.dispose();
});

it('replays what a subscriber missed after `after`, in order, then continues live without duplicates', async () => {
  const cpr = '0404801234';
  await person(cpr, '101');
  const seen = await t.gql<{ inbox: { pageInfo: { endCursor: string } } }>('{ inbox(first: 500) { pageInfo { endCursor } } }', {}, JOBCENTRE);
  const after = seen.data!.inbox.pageInfo.endCursor;
  for (let i = 0; i < 5; i++) await registerAbsence(cpr);

  const client = wsClient(t.url, () => ({ authorization: `Bearer ${tokens.jobcentre}` }));
  const pending = collect<NotificationData>(client, SUBSCRIPTION, { after });
  await waitFor(() => pending.results.length >= 5);
  await registerAbsence(cpr);
  await waitFor(() => pending.results.length >= 6);
  await new Promise((r) => setTimeout(r, 200));
  const positions = pending.results.map((r) => r.notifications.position);
  expect(pending.results.map((r) => r.notifications.kind)).toEqual(Array(6).fill('ABSENCE_REGISTERED'));
  expect(new Set(positions).size).toBe(6);
  const sequences = positions.map(decodePosition);
  expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  pending.dispose();
  await client.dispose();
});

it('an integration polls the inbox, acknowledges, and starts after its acknowledgement next time', async () => {
  await person('0505801234', '101');
  await t.gql('mutation($i: AkasseMembershipInput!) { registerAkasseMembership(input: $i) { id } }', { i: { cpr: '0505801234', akasse: '21', start: '2025-01-01' } }); // the register feed
  await registerAbsence('0505801234');
  const first = await t.gql<{ inbox: { nodes: { kind: string; position: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(
    '{ inbox(first: 10) { nodes { kind position } pageInfo { endCursor hasNextPage } } }', {}, AKASSE);
  expect(first.data!.inbox.nodes.map((n) => n.kind)).toEqual(['AKASSE_MEMBERSHIP_STARTED', 'ABSENCE_REGISTERED']);
  const ack = await t.gql('mutation($p: String!) { acknowledge(upTo: $p) }', { p: first.data!.inbox.pageInfo.endCursor }, AKASSE);
  expect(ack.data).toEqual({ acknowledge: true });
  await registerAbsence('0505801234');
  const next = await t.gql<{ inbox: { nodes: { kind: string }[] } }>('{ inbox { nodes { kind } } }', {}, AKASSE);
  expect(next.data!.inbox.nodes.map((n) => n.kind)).toEqual(['ABSENCE_REGISTERED']);
});

const tokens = { jobcentre: '', other: '' };
beforeAll(async () => {
  tokens.jobcentre = await t.token(JOBCENTRE.role, JOBCENTRE.authority);
  tokens.other = await t.token(OTHER_JOBCENTRE.role, OTHER_JOBCENTRE.authority);
});
