// A child process holding many graphql-ws subscribers for the notification benchmark. Each worker
// keeps its own sockets (a process has a file-descriptor limit), records, per notification it
// receives, the time from the event's occurredAt to its arrival, and reports in bulk over IPC.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

interface Start {
  type: 'start';
  url: string;
  token: string;
  count: number;
  query: string;
}

const clients: Client[] = [];
let latencies: number[] = [];
let received = 0;

function send(message: unknown): void {
  process.send?.(message);
}

async function start({ url, token, count, query }: Start): Promise<void> {
  let ready = 0;
  for (let i = 0; i < count; i++) {
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      retryAttempts: 0,
      on: { connected: () => void (++ready === count && send({ type: 'ready' })) },
    });
    clients.push(client);
    client.subscribe<{ notifications: { occurredAt: string } }>(
      { query },
      {
        next: (value) => {
          const occurredAt = value.data?.notifications.occurredAt;
          if (!occurredAt) return;
          received++;
          latencies.push(Date.now() - Date.parse(occurredAt));
        },
        error: (error) => send({ type: 'error', error: String((error as Error).message ?? error) }),
        complete: () => undefined,
      },
    );
    // Connect in waves so the gateway's accept queue is not flooded.
    if (i % 200 === 199) await new Promise((r) => setTimeout(r, 20));
  }
}

process.on('message', (message: Start | { type: 'count' | 'drain' | 'stop' }) => {
  if (message.type === 'start') void start(message);
  if (message.type === 'count') send({ type: 'count', received });
  if (message.type === 'drain') {
    send({ type: 'latencies', latencies, received });
    latencies = [];
  }
  if (message.type === 'stop') {
    for (const client of clients) void client.dispose();
    setTimeout(() => process.exit(0), 200);
  }
});
