// A webhook receiver on 127.0.0.1 for push-delivery tests: records every POST (headers and body)
// and answers with whatever `answer` decides (200 by default).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: Record<string, string>;
  body: string;
  json: { data?: { notifications?: { position: string; kind: string; person?: { id: string } | null } | null } };
  /** Answered with 2xx while the sender still waited for it. */
  answered: boolean;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** The status to answer a request with; change it to make the receiver fail or recover. */
  answer: (request: Received) => number;
  /** When set and it returns true, the request is left unanswered until `release` is called (a slow or hung receiver). */
  hold?: (release: () => void) => boolean;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: '', received: [], answer: () => 200, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request: Received = { headers: req.headers as Record<string, string>, body, json: JSON.parse(body) as Received['json'], answered: false };
      receiver.received.push(request);
      const status = receiver.answer(request);
      const respond = () => {
        // A sender that died or gave up meanwhile never reads the answer.
        if (res.destroyed) return;
        request.answered = status >= 200 && status < 300;
        res.writeHead(status).end();
      };
      if (receiver.hold?.(respond)) return;
      respond();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return receiver;
}

/** A Standard Webhooks secret: "whsec_" + base64 of 32 random bytes. */
export function webhookSecret(): string {
  return `whsec_${Buffer.from(Array.from({ length: 32 }, () => Math.floor(Math.random() * 256))).toString('base64')}`;
}
