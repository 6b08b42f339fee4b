// One attempt: POST the signed body to the endpoint through the SSRF guard (endpoint-guard.ts),
// within the attempt timeout, reading at most the response-size cap. A keep-alive pool of at most
// `concurrencyPerEndpoint` connections per origin (undici, as for the subgraphs: subgraph-fetch.ts).
import { Agent, request } from 'undici';
import { Webhook } from 'standardwebhooks';
import type { DeliveryConfig } from './config';
import { pinnedLookup, refusedEndpoint } from './endpoint-guard';

export interface Attempt {
  endpoint: string;
  secret: string;
  /** The webhook-id: the same on every attempt of one delivery, so a receiver drops duplicates. */
  messageId: string;
  body: string;
}

export type AttemptResult = { ok: true } | { ok: false; error: string };

export interface Sender {
  send(attempt: Attempt): Promise<AttemptResult>;
  close(): Promise<void>;
}

export function createSender(config: DeliveryConfig): Sender {
  const agent = new Agent({
    connections: config.concurrencyPerEndpoint,
    connect: { lookup: pinnedLookup(config), timeout: config.timeoutMs },
    headersTimeout: config.timeoutMs,
    bodyTimeout: config.timeoutMs,
  });
  return {
    async send({ endpoint, secret, messageId, body }) {
      // Checked again at every attempt: the operator's settings may have changed since it was declared.
      const refused = refusedEndpoint(endpoint, config);
      if (refused) return { ok: false, error: `endpoint refused: ${refused}` };
      // The signature's timestamp is the wall clock's: receivers reject one more than 5 minutes off theirs.
      const sentAt = new Date();
      const headers = {
        'content-type': 'application/json',
        'webhook-id': messageId,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(messageId, sentAt, body),
      };
      try {
        const response = await request(endpoint, { method: 'POST', headers, body, dispatcher: agent, signal: AbortSignal.timeout(config.timeoutMs), maxRedirections: 0 });
        let read = 0;
        for await (const chunk of response.body) {
          read += (chunk as Buffer).length;
          if (read > config.maxResponseBytes) {
            response.body.destroy();
            return { ok: false, error: `answer larger than ${config.maxResponseBytes} bytes` };
          }
        }
        return response.statusCode >= 200 && response.statusCode < 300 ? { ok: true } : { ok: false, error: `answered HTTP ${response.statusCode}` };
      } catch (error) {
        const { code, message } = error as { code?: string; message?: string };
        return { ok: false, error: (code ? `${code}: ` : '') + (message ?? 'request failed').slice(0, 300) };
      }
    },
    close: () => agent.close(),
  };
}
