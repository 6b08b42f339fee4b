// Two gateway replicas on one PostgreSQL database share push delivery: in normal operation each
// message reaches the receiver once (every attempt claims its row first), and when one replica is
// killed holding deliveries in flight, its claims expire and the other delivers them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { dropPostgresDatabase } from '../core/db';
import { declareAt, publishEvents, startDeliveringGateway, type GatewayProcess } from './support/delivery-processes';
import { startReceiver, webhookSecret, type Receiver } from './support/receiver';
import { eventually } from './support/system';

const server = process.env.TEST_DATABASE_URL;
const describeOnPostgres = server ? describe : describe.skip;
if (!server) console.warn('replicas-delivery test skipped: set TEST_DATABASE_URL');
jest.setTimeout(120_000);

describeOnPostgres('push delivery from two gateway replicas on one PostgreSQL database', () => {
  // The body is collected even when the suite is skipped: touch nothing then.
  const prefix = `dfdg_test_push_${randomBytes(4).toString('hex')}`;
  let dir: string;
  let receiver: Receiver;
  const gateways: GatewayProcess[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-push-replicas-'));
    receiver = await startReceiver();
    // One after the other: the first generates the dev keys both then use, and migrates the database.
    for (let i = 0; i < 2; i++) gateways.push(await startDeliveringGateway(dir, { DATABASE_URL: server!, DATABASE_PREFIX: prefix }));
    await declareAt(gateways[0], dir, receiver.url, webhookSecret());
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.process.stop();
    await receiver?.close();
    await dropPostgresDatabase(new URL(`/${prefix}_notifications`, server!).toString());
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ids = () => receiver.received.map((r) => r.headers['webhook-id']);

  it('delivers each message once', async () => {
    await publishEvents(dir, 60);
    await eventually(async () => expect(new Set(ids()).size).toBe(60), 30_000);
    // A moment more: a second delivery of anything would show up now.
    await new Promise((r) => setTimeout(r, 500));
    expect(ids()).toHaveLength(60);
  });

  it("leaves a killed replica's deliveries in flight to the other", async () => {
    receiver.received.length = 0;
    const hanging: (() => void)[] = [];
    const held = new Promise<void>((resolve) => {
      receiver.hold = (release) => {
        hanging.push(release);
        if (hanging.length >= 8) resolve();
        return true;
      };
    });
    await publishEvents(dir, 20);
    await held;
    const [killed] = gateways.splice(0, 1);
    killed.process.child.kill('SIGKILL');
    await killed.process.exited;
    // The receiver sees the dead process's connections close before it answers the held requests.
    await new Promise((r) => setTimeout(r, 300));
    receiver.hold = undefined;
    hanging.forEach((release) => release());
    await eventually(async () => expect(new Set(receiver.received.filter((r) => r.answered).map((r) => r.headers['webhook-id'])).size).toBe(20), 30_000);
  });
});
