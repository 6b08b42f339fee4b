// Serves an ApolloServer on a plain Node HTTP server: /graphql, /health (liveness), /ready (readiness),
// /metrics (Prometheus) and any extra routes the caller adds (the gateway's explorer and WebSocket
// upgrade live on the same server); every request gets an id and an access-log line (access-log.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import { nestsDeeperThan } from './query-nesting';
import { readiness, type ReadinessCheck } from './readiness';
import { serveInSpan } from './telemetry';
import type { ServiceMetrics } from './metrics';
import { trackRequest } from './access-log';
import { currentRequest, noteErrorCode } from './request-id';

export interface ServeOptions<C extends BaseContext> {
  host: string;
  port: number;
  context: (req: http.IncomingMessage) => Promise<C>;
  /** Larger bodies are refused with 413 before they are parsed. */
  maxBodyBytes: number;
  /** Runs before any route (CORS): return true when it answered the request itself. */
  preRoute?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean;
  /**
   * Offered each parsed /graphql request before Apollo sees it (a transport Apollo does not serve,
   * such as multipart subscriptions): resolve true when it answered the request.
   */
  takeOver?: (req: http.IncomingMessage, res: http.ServerResponse, body: unknown) => Promise<boolean>;
  /** Return true when the route was handled. */
  extraRoutes?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean;
  /** What `/ready` checks (readiness.ts); without any, ready whenever it runs. */
  readiness?: readonly ReadinessCheck[];
  /** Where a failed readiness check is reported. */
  onUnready?: (name: string, error: unknown) => void;
  /** Names the service on its access-log lines and a GraphQL request's span (core/telemetry.ts). */
  service?: string;
  /** Served at /metrics, and fed each /graphql request's operation, outcome and duration. */
  metrics?: ServiceMetrics;
}

export interface ServedHttp {
  url: string;
  server: http.Server;
  /** Drains: no new connections, in-flight requests finish, the rest is cut off at the deadline. */
  close(deadlineMs?: number): Promise<void>;
}

export async function serveApollo<C extends BaseContext>(apollo: ApolloServer<C>, options: ServeOptions<C>): Promise<ServedHttp> {
  const server = http.createServer((req, res) => trackRequest(req, res, options.service ?? 'graphql', options.metrics, () => route(req, res)));
  const route = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (options.preRoute?.(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    if (url.pathname === '/ready') {
      void readiness(options.readiness ?? [], options.onUnready ?? (() => undefined)).then((answer) =>
        res.writeHead(answer.ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(answer)),
      );
      return;
    }
    if (url.pathname === '/metrics' && options.metrics) {
      void options.metrics.exposition().then(({ contentType, body }) => res.writeHead(200, { 'content-type': contentType }).end(body));
      return;
    }
    if (options.extraRoutes?.(req, res)) return;
    if (url.pathname !== '/graphql') return void res.writeHead(404).end();
    const handle = () => handleGraphQL(apollo, options, req, res, url);
    (options.service ? serveInSpan(options.service, req.headers, handle) : handle()).catch((error: unknown) => {
      const { status = 500, code = status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', clientMessage = status === 413 ? 'Request body too large.' : 'Bad request.' } = error as Refusal;
      if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json' });
      noteErrorCode(code);
      res.end(JSON.stringify({ errors: [{ message: clientMessage, extensions: { code, requestId: currentRequest()?.requestId } }] }));
    });
  };
  // Longer than typical load balancer idle timeouts, so they close idle connections first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}/graphql`,
    server,
    close: (deadlineMs = DRAIN_DEADLINE_MS) => drain(server, deadlineMs),
  };
}

/** How long a stopping server lets its in-flight requests finish before it cuts them off. */
export const DRAIN_DEADLINE_MS = 10_000;

/**
 * Stops accepting, lets the requests in flight finish (closing each keep-alive connection as soon
 * as it is idle, so a client's next request goes to another replica instead of here), and cuts off
 * whatever is still open at the deadline.
 */
function drain(server: http.Server, deadlineMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 25);
    const deadline = setTimeout(() => server.closeAllConnections(), deadlineMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** A request refused before Apollo sees it: the status, and the code and message the client reads. */
interface Refusal {
  status?: number;
  code?: string;
  clientMessage?: string;
}

function refusal(status: number, code: string, clientMessage: string): Error & Refusal {
  return Object.assign(new Error(clientMessage), { status, code, clientMessage });
}

async function handleGraphQL<C extends BaseContext>(
  apollo: ApolloServer<C>,
  options: ServeOptions<C>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const raw = req.method === 'POST' ? await readBody(req, options.maxBodyBytes) : '';
  let body: unknown;
  if (raw) {
    try {
      body = headers.get('content-type')?.includes('application/json') ? JSON.parse(raw) : raw;
    } catch {
      throw Object.assign(new Error('invalid json'), { status: 400 });
    }
  }
  const query = req.method === 'POST' ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get('query');
  // The name the client gave, until Apollo resolves the document's own (operationNamePlugin): a
  // request refused before that (rate limit, token) is then still counted under its operation.
  const sentName = req.method === 'POST' ? (body as { operationName?: unknown } | undefined)?.operationName : url.searchParams.get('operationName');
  const record = currentRequest();
  if (record && typeof sentName === 'string' && sentName) record.operation = sentName;
  if (typeof query === 'string' && nestsDeeperThan(query)) {
    // Refused before graphql-js's recursive parser could exhaust the stack on it (query-nesting.ts).
    throw refusal(400, 'GRAPHQL_VALIDATION_FAILED', 'The query is nested too deeply.');
  }
  if (await options.takeOver?.(req, res, body)) return;
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: () => options.context(req),
  });
  const outHeaders: Record<string, string> = {};
  for (const [name, value] of response.headers) outHeaders[name] = value;
  res.writeHead(response.status ?? 200, outHeaders);
  if (response.body.kind === 'complete') return void res.end(response.body.string);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** Fatal: bytes that are not UTF-8 are refused, where Buffer#toString would store U+FFFD in their place. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The body as UTF-8, refused past `limit` bytes (status 413) or when not UTF-8 (400); also for routes beside /graphql. */
export function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return reject(Object.assign(new Error('too large'), { status: 413 }));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.destroy();
        reject(Object.assign(new Error('too large'), { status: 413 }));
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(UTF8.decode(Buffer.concat(chunks)));
      } catch {
        reject(Object.assign(new Error('invalid utf-8'), { status: 400 }));
      }
    });
    req.on('error', reject);
  });
}
