// SIGKILL of the gateway in the middle of push deliveries loses nothing: the deliveries are rows in
// the gateway's database, the dead process's claims are released when it starts again, and every
// message reaches the receiver at least once. A gateway process on SQLite (runs everywhere).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startReceiver, webhookSecret, type Receiver } from './support/receiver';
import { declareAt, publishEvents, startDeliveringGateway, type GatewayProcess } from './support/delivery-processes';
import { eventually } from './support/system';

jest.setTimeout(120_000);
const EVENTS = 30;
let dir: string;
let receiver: Receiver;
let gateway: GatewayProcess | undefined;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-delivery-crash-'));
  receiver = await startReceiver();
});
afterAll(async () => {
  await gateway?.process.stop();
  await receiver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('delivers every message after the process is killed mid-delivery and started again', async () => {
  gateway = await startDeliveringGateway(dir);
  await declareAt(gateway, dir, receiver.url, webhookSecret());
  // The receiver takes the first requests and never answers them: the process dies holding them.
  const hanging: (() => void)[] = [];
  receiver.answer = () => 200;
  const held = new Promise<void>((resolve) => {
    receiver.hold = (release) => {
      hanging.push(release);
      if (hanging.length >= 4) resolve();
      return true;
    };
  });
  await publishEvents(dir, EVENTS);
  await held;
  gateway.process.child.kill('SIGKILL');
  await gateway.process.exited;
  // The receiver sees the dead process's connections close before it answers the held requests.
  await new Promise((r) => setTimeout(r, 300));
  receiver.hold = undefined;
  hanging.forEach((release) => release());

  gateway = await startDeliveringGateway(dir);
  await eventually(async () => {
    const answered = new Set(receiver.received.filter((r) => r.answered).map((r) => r.headers['webhook-id']));
    expect(answered.size).toBe(EVENTS);
  }, 30_000);
});
