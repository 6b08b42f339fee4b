// Two gateway replicas' notification services on one PostgreSQL database (TEST_DATABASE_URL) keep
// one inbox position per caller: an acknowledgement made at one replica is where the other's inbox
// starts, and acknowledgements racing at both never move it backwards.
import { randomBytes, randomUUID } from 'node:crypto';
import { generateKeyPair } from 'jose';
import { InProcessBus } from '../core/bus';
import { ManualClock } from '../core/clock';
import { dropPostgresDatabase } from '../core/db';
import type { Identity } from '../core/identity';
import { IDENTITY_HEADER, IdentityTokenIssuer } from '../core/identity-token';
import { startSubgraph, type RunningSubgraph } from '../core/subgraph-server';
import { notificationsSubgraph } from '../gateway/notifications';
import { decodePosition } from '../gateway/notifications/positions';

const server = process.env.TEST_DATABASE_URL;
const describeOnPostgres = server ? describe : describe.skip;
if (!server) console.warn('replicas-notifications test skipped: set TEST_DATABASE_URL');

const JOBCENTRE: Identity = { subject: 'jobcentre-101-integration', role: 'caseworker', authority: '101' };
const ACK = 'mutation($p: String!) { acknowledge(upTo: $p) }';
const INBOX = '{ inbox(first: 50) { nodes { kind position } } }';

interface Inbox {
  inbox: { nodes: { kind: string; position: string }[] };
}

describeOnPostgres('notification acknowledgements across gateway replicas on PostgreSQL', () => {
  let url: string;
  // The log both replicas read: JetStream in production, one in-process log here.
  const bus = new InProcessBus();
  const replicas: RunningSubgraph[] = [];
  let issuer: IdentityTokenIssuer;

  beforeAll(async () => {
    const target = new URL(server!);
    target.pathname = `/dfdg_test_acks_${randomBytes(4).toString('hex')}`;
    url = target.toString();
    const keys = await generateKeyPair('ES256');
    issuer = new IdentityTokenIssuer(keys.privateKey);
    // One after the other, as replicas rolled out: the first brings the schema up to date.
    for (let i = 0; i < 2; i++) {
      replicas.push(
        await startSubgraph(notificationsSubgraph, {
          host: '127.0.0.1',
          port: 0,
          database: { kind: 'postgresql', location: url },
          bus,
          clock: new ManualClock('2026-11-23T09:00:00Z'),
          identityPublicKey: keys.publicKey,
          cprPseudonymKey: Buffer.alloc(32, 1),
        }),
      );
    }
    for (let i = 1; i <= 6; i++) {
      await bus.publish({
        id: randomUUID(),
        stream: 'absence',
        streamPosition: i,
        kind: `CHANGE_${i}`,
        personId: null,
        entityType: null,
        entityId: null,
        authorities: { jobcentres: ['101'] },
        occurredAt: '2026-11-23T09:00:00Z',
        payload: {},
        schemaVersion: 1,
      });
    }
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    await bus.close();
    if (url) await dropPostgresDatabase(url);
  });

  async function gql<T>(replica: RunningSubgraph, query: string, variables: object = {}): Promise<{ data?: T; errors?: unknown[] }> {
    const response = await fetch(replica.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: await issuer.mint(JOBCENTRE, 'notifications') },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: T; errors?: unknown[] };
  }

  const kinds = async (replica: RunningSubgraph) => (await gql<Inbox>(replica, INBOX)).data!.inbox.nodes.map((n) => n.kind);

  it("starts one replica's inbox after what was acknowledged at the other", async () => {
    const [a, b] = replicas;
    const nodes = (await gql<Inbox>(a, INBOX)).data!.inbox.nodes;
    expect(nodes.map((n) => n.kind)).toEqual(['CHANGE_1', 'CHANGE_2', 'CHANGE_3', 'CHANGE_4', 'CHANGE_5', 'CHANGE_6']);

    expect(await gql(a, ACK, { p: nodes[1].position })).toEqual({ data: { acknowledge: true } });
    expect(await kinds(b)).toEqual(['CHANGE_3', 'CHANGE_4', 'CHANGE_5', 'CHANGE_6']);

    expect(await gql(b, ACK, { p: nodes[2].position })).toEqual({ data: { acknowledge: true } });
    expect(await kinds(a)).toEqual(['CHANGE_4', 'CHANGE_5', 'CHANGE_6']);
  });

  it('keeps the furthest position when acknowledgements race at both replicas', async () => {
    const [a, b] = replicas;
    const positions = (await gql<Inbox>(a, INBOX)).data!.inbox.nodes.map((n) => n.position);
    expect(positions).toHaveLength(3); // CHANGE_4 … CHANGE_6
    const furthest = positions[2];
    // Each replica reads the stored position while the other writes: a read-then-write could let an
    // older position land after the furthest one.
    const racing = Array.from({ length: 8 }, () => positions).flat();
    const answers = await Promise.all(racing.map((p, i) => gql(i % 2 ? a : b, ACK, { p })));
    expect(answers.every((answer) => JSON.stringify(answer) === JSON.stringify({ data: { acknowledge: true } }))).toBe(true);
    expect(await kinds(a)).toEqual([]);
    expect(await kinds(b)).toEqual([]);
    const [row] = await replicas[0].orm.em.getConnection().execute<{ sequence: string }[]>('select sequence from notification_acknowledgement');
    expect(Number(row.sequence)).toBe(decodePosition(furthest));
  });
});
