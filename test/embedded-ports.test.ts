// `npm start` (embedded) listens where the environment says: every service it starts takes its port
// from <NAME>_PORT, the notifications service (default 4006) included, as in the distributed mode.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedSubgraphs } from '../launcher/embedded';
import { SUBGRAPHS } from '../gateway/subgraph-list';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

it('starts each service on its <NAME>_PORT', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-ports-'));
  const wanted: Record<string, number> = {};
  for (const { name } of SUBGRAPHS) {
    wanted[name] = await freePort();
    process.env[`${name.toUpperCase()}_PORT`] = String(wanted[name]);
  }
  const started = await startEmbeddedSubgraphs({ dataDir });
  try {
    const ports = Object.fromEntries(started.subgraphs.map((s) => [s.name, Number(new URL(s.url).port)]));
    expect(ports).toEqual(wanted);
  } finally {
    await started.stop();
    for (const { name } of SUBGRAPHS) delete process.env[`${name.toUpperCase()}_PORT`];
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
