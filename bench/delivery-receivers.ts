// Child process of the delivery benchmark: webhook receivers on 127.0.0.1, one server (one origin)
// each, as separate integrations would be. Healthy ones answer 204 and record commit → arrival
// latency from the body's occurredAt; failing ones answer 500.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const latencies: number[] = [];
/** Port and webhook-id of every message received, to count duplicates (at least once allows them; normal operation should not make them). */
const seen = new Set<string>();
let duplicates = 0;
const servers: http.Server[] = [];

async function listen(fail: boolean): Promise<number> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (fail) return void res.writeHead(500).end();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { notifications: { occurredAt: string } } };
      latencies.push(Date.now() - Date.parse(body.data.notifications.occurredAt));
      const id = `${(server.address() as AddressInfo).port}:${String(req.headers['webhook-id'])}`;
      if (seen.has(id)) duplicates++;
      seen.add(id);
      res.writeHead(204).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

process.on('message', (m: { type: string; healthy?: number; failing?: number }) => {
  if (m.type === 'start') {
    void (async () => {
      const healthy = [];
      const failing = [];
      for (let i = 0; i < m.healthy!; i++) healthy.push(await listen(false));
      for (let i = 0; i < m.failing!; i++) failing.push(await listen(true));
      process.send!({ type: 'ready', healthy, failing });
    })();
  } else if (m.type === 'count') process.send!({ type: 'count', received: latencies.length });
  else if (m.type === 'drain') process.send!({ type: 'latencies', latencies: latencies.splice(0), duplicates });
  else if (m.type === 'stop') {
    for (const s of servers) s.closeAllConnections();
    process.exit(0);
  }
});
