// The notification flow of notifications.test.ts on NATS JetStream, the distributed mode's bus:
// projections update asynchronously, subscribers still get every change once, in order, across a
// gateway killed and restarted in the middle of a burst. Runs when TEST_NATS_URL is set (.ci/run sets it).
import { decodePosition } from '../gateway/notifications/positions';
import { eventually, startTestSystem, type TestSystem } from './support/system';
import { waitFor, wsClient } from './support/ws';

const describeJetStream = process.env.TEST_NATS_URL ? describe : describe.skip;
const BURST = 30;

describeJetStream('notifications over JetStream', () => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem({ jetstream: true });
  });
  afterAll(() => t?.stop());

  it('delivers federated notifications and resumes after the gateway is killed mid-burst, without loss or duplicates', async () => {
    const CPR = '0707801234';
    const token = await t.token('caseworker', '101');
    let lastPosition: string | undefined;
    const received: { position: string; kind: string; person: { absences: unknown[] } | null }[] = [];
    const client = wsClient(t.url, () => ({ authorization: `Bearer ${token}`, ...(lastPosition ? { resumeAfter: lastPosition } : {}) }));
    client.subscribe<{ notifications: (typeof received)[number] }>(
      { query: 'subscription { notifications { position kind person { absences { id } } } }' },
      { next: ({ data }) => data && (received.push(data.notifications), (lastPosition = data.notifications.position)), error: () => undefined, complete: () => undefined },
    );
    await new Promise((r) => setTimeout(r, 500));

    await t.gql('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr: CPR, name: 'Jet Stream', municipalityCode: '101' } });
    await eventually(async () => {
      const r = await t.gql('mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr: CPR, contactGroupId: 1, start: '2026-06-01' } }, { role: 'caseworker', authority: '101' });
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    });
    const register = () =>
      eventually(async () => {
        const r = await t.gql('mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }', { i: { cpr: CPR, typeId: 73, start: '2026-11-23', end: '2026-11-30' } }, { role: 'caseworker', authority: '101' });
        if (r.errors) throw new Error(JSON.stringify(r.errors));
      });
    await register();
    await waitFor(() => received.some((n) => n.kind === 'ABSENCE_REGISTERED'));
    expect(received.find((n) => n.kind === 'ABSENCE_REGISTERED')!.person!.absences).toHaveLength(1);

    // A burst straight to the absence subgraph, with the gateway killed and kept down in the middle.
    let written = 0;
    const burst = (async () => {
      for (let i = 0; i < BURST; i++) {
        const r = await t.subgraphGql('absence', 'mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }', { i: { cpr: CPR, typeId: 73, start: '2026-11-23', end: '2026-11-30' } }, { role: 'caseworker', authority: '101' });
        expect(r.errors).toBeUndefined();
        written++;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await waitFor(() => written >= 5);
    const writtenBeforeKill = written;
    const killing = t.system.restartGateway({ kill: true, downMs: 400 });
    await new Promise((r) => setTimeout(r, 350));
    const writtenWhileDown = written - writtenBeforeKill;
    await killing;
    await burst;
    expect(writtenWhileDown).toBeGreaterThan(0);

    await waitFor(() => received.filter((n) => n.kind === 'ABSENCE_REGISTERED').length >= BURST + 1, 20_000);
    await new Promise((r) => setTimeout(r, 300));
    const sequences = received.map((n) => decodePosition(n.position));
    expect(received.filter((n) => n.kind === 'ABSENCE_REGISTERED')).toHaveLength(BURST + 1);
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    await client.dispose();
  });
});
