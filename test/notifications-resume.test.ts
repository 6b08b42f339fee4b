// Kill the gateway (sockets dropped, no close frame) in the middle of a burst of changes, keep it
// down while writes go on, and start it again: a graphql-ws client that keeps its last position in
// connectionParams.resumeAfter (re-read on every reconnect) gets every notification exactly once,
// in order.
import { decodePosition } from '../gateway/notifications/positions';
import { startTestSystem, type TestSystem } from './support/system';
import { waitFor, wsClient } from './support/ws';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

const CPR = '0606801234';
const BURST = 60;

it('resumes after a gateway restart without losing or repeating a notification', async () => {
  await t.gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr: CPR, name: 'Burst Person', municipalityCode: '101' } });
  await t.gql('mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr: CPR, contactGroupId: 1, start: '2026-06-01' } }, { role: 'caseworker', authority: '101' });

  const token = await t.token('caseworker', '101');
  let lastPosition: string | undefined;
  const received: { position: string; kind: string }[] = [];
  const client = wsClient(t.url, () => ({ authorization: `Bearer ${token}`, ...(lastPosition ? { resumeAfter: lastPosition } : {}) }));
  client.subscribe<{ notifications: { position: string; kind: string } }>(
    { query: 'subscription { notifications { position kind } }' },
    {
      next: ({ data }) => {
        if (!data) return;
        received.push(data.notifications);
        lastPosition = data.notifications.position;
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  await new Promise((r) => setTimeout(r, 300));

  // Writes go straight to the absence subgraph, so they continue while the gateway is down.
  const write = () =>
    t.subgraphGql('absence', 'mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }', { i: { cpr: CPR, typeId: 45, start: '2026-11-23', end: '2026-11-30' } }, { role: 'caseworker', authority: '101' });

  let written = 0;
  const burst = (async () => {
    for (let i = 0; i < BURST; i++) {
      const response = await write();
      expect(response.errors).toBeUndefined();
      written++;
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  await waitFor(() => received.length >= 5);
  // Killed, not stopped: the sockets drop without a close frame, and the gateway stays down for a
  // while the burst goes on, so some notifications exist only in the log when the client returns.
  const writtenBeforeKill = written;
  let writtenWhileDown = 0;
  const killing = t.system.restartGateway({ kill: true, downMs: 400 });
  await new Promise((r) => setTimeout(r, 350));
  writtenWhileDown = written - writtenBeforeKill;
  await killing;
  await burst;
  expect(writtenWhileDown).toBeGreaterThan(0);

  await waitFor(() => received.filter((n) => n.kind === 'ABSENCE_REGISTERED').length >= BURST, 20_000);
  await new Promise((r) => setTimeout(r, 300));
  const absences = received.filter((n) => n.kind === 'ABSENCE_REGISTERED');
  const sequences = absences.map((n) => decodePosition(n.position));
  expect(absences).toHaveLength(BURST);
  expect(new Set(sequences).size).toBe(BURST);
  expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
  await client.dispose();
});
