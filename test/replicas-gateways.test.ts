// Two gateway processes (`npm start -- --gateway`) given one DATABASE_URL (TEST_DATABASE_URL) act
// as one gateway towards a client: one rate-limit budget per identity, refused with 429 and
// Retry-After at whichever replica the request lands on, and one inbox position per caller.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { InProcessBus } from '../core/bus';
import { dropPostgresDatabase } from '../core/db';
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import { startProcess, type StartedProcess } from './support/start-process';

const server = process.env.TEST_DATABASE_URL;
const describeOnPostgres = server ? describe : describe.skip;
if (!server) console.warn('replicas-gateways test skipped: set TEST_DATABASE_URL');

const INBOX = '{ inbox(first: 50) { nodes { kind position } } }';

describeOnPostgres('two gateway replicas on one PostgreSQL database', () => {
  let dir: string;
  let prefix: string;
  const gateways: { process: StartedProcess; url: string }[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-gateways-'));
    prefix = `dfdg_test_gw_${randomBytes(4).toString('hex')}`;
    // One after the other: the first generates the dev keys both then use, and migrates the database.
    for (let i = 0; i < 2; i++) {
      const started = startProcess({
        args: ['--gateway'],
        env: { DATA_DIR: dir, DATABASE_URL: server!, DATABASE_PREFIX: prefix, ALLOW_DEV_KEYS: 'true', PORT: '0', NOTIFICATIONS_PORT: '0', RATE_LIMIT_PER_MINUTE: '4' },
      });
      const up = await started.waitForLog('gateway is up');
      gateways.push({ process: started, url: up.url as string });
    }
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.process.stop();
    if (prefix) await dropPostgresDatabase(new URL(`/${prefix}_notifications`, server!).toString());
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function post(url: string, subject: string, query: string, variables: object = {}) {
    const token = await issueClientToken(await devClientSigningKey(dir), { role: 'caseworker', authority: '101', subject });
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { data?: Record<string, unknown>; errors?: { extensions: { code: string } }[] } };
  }

  it('spends one budget per identity across both', async () => {
    const [a, b] = gateways;
    for (let i = 0; i < 4; i++) expect((await post(a.url, 'busy-integration', INBOX)).status).toBe(200);
    const refused = await post(b.url, 'busy-integration', INBOX);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors?.map((e) => e.extensions.code)).toEqual(['RATE_LIMITED']);
    expect((await post(b.url, 'another-caseworker', INBOX)).status).toBe(200);
  });

  it("starts one replica's inbox after what the caller acknowledged at the other", async () => {
    // Both replicas read the same log (their DATA_DIR's bus here; JetStream in production).
    const bus = new InProcessBus(path.join(dir, 'bus.sqlite'));
    try {
      for (const kind of ['FIRST', 'SECOND', 'THIRD']) {
        await bus.publish({ id: randomUUID(), stream: 'absence', streamPosition: 0, kind, personId: null, entityType: null, entityId: null, authorities: { jobcentres: ['101'] }, occurredAt: new Date().toISOString(), payload: {}, schemaVersion: 1 });
      }
    } finally {
      await bus.close();
    }
    const [a, b] = gateways;
    const inbox = (await post(a.url, 'acknowledging', INBOX)).body.data!.inbox as { nodes: { kind: string; position: string }[] };
    expect(inbox.nodes.map((n) => n.kind)).toEqual(['FIRST', 'SECOND', 'THIRD']);
    expect((await post(a.url, 'acknowledging', 'mutation($p: String!) { acknowledge(upTo: $p) }', { p: inbox.nodes[1].position })).body).toEqual({ data: { acknowledge: true } });
    const atB = (await post(b.url, 'acknowledging', INBOX)).body.data!.inbox as { nodes: { kind: string }[] };
    expect(atB.nodes.map((n) => n.kind)).toEqual(['THIRD']);
  });
});
