// One attempt's limits: a receiver that does not answer in time, or answers too much, fails the
// attempt; a name resolving to a refused address is never connected to.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSender, type Sender } from '../sender';
import { deliveryConfig } from '../config';

let server: http.Server;
let base: string;
let sender: Sender;
const attempt = (path: string) => ({ endpoint: `${base}${path}`, secret: `whsec_${Buffer.alloc(32, 7).toString('base64')}`, messageId: 'm1', body: '{}' });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    if (req.url === '/slow') return void setTimeout(() => res.end(), 2_000);
    if (req.url === '/big') return void res.end(Buffer.alloc(100_000, 'x'));
    res.writeHead(req.url === '/fail' ? 500 : 204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sender = createSender({ ...deliveryConfig(), allowLoopback: true, timeoutMs: 300, maxResponseBytes: 65_536 });
});
afterAll(async () => {
  await sender.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

it('succeeds on 2xx and fails on other statuses', async () => {
  expect(await sender.send(attempt('/ok'))).toEqual({ ok: true });
  expect(await sender.send(attempt('/fail'))).toEqual({ ok: false, error: 'answered HTTP 500' });
});

it('fails an attempt that takes longer than the timeout', async () => {
  const started = Date.now();
  const result = await sender.send(attempt('/slow'));
  expect(result.ok).toBe(false);
  expect(Date.now() - started).toBeLessThan(1_500);
});

it('fails an answer larger than the cap without reading it all', async () => {
  expect(await sender.send(attempt('/big'))).toEqual({ ok: false, error: 'answer larger than 65536 bytes' });
});

it('never connects to a refused address', async () => {
  const strict = createSender({ ...deliveryConfig(), allowLoopback: false, timeoutMs: 300 });
  try {
    expect(await strict.send({ ...attempt('/ok'), endpoint: `https://localhost:1/hook` })).toEqual({ ok: false, error: 'endpoint refused: a loopback address' });
  } finally {
    await strict.close();
  }
});
