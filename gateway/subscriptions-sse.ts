// Subscriptions over GraphQL over SSE at /graphql/stream (graphql-sse, its "distinct connections"
// mode: one subscription per request, GET or a JSON POST). Each event carries its notification's
// position as the SSE `id`, so a client resumes with `Last-Event-ID` (what a browser's EventSource
// sends on reconnect) or with `after:`, the later of the two winning. A refusal after the stream is
// accepted arrives as one `next` event with the error, as graphql-sse reports errors in a stream.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { createHandler, type Request as SseRequest, type Response as SseResponse } from 'graphql-sse';
import { readBody } from '../core/http';
import { currentRequest, noteErrorCode } from '../core/request-id';
import type { ClientAuthenticator } from './client-auth';
import { admitOverHttp, authenticateStream, type HttpSubscription, type StreamCaller } from './http-subscription';
import { encodePosition } from './notifications/positions';
import { writeErrors } from './json-errors';
import type { SubscriptionAdmission } from './subscription-admission';

export const SSE_PATH = '/graphql/stream';

interface StreamContext {
  caller?: StreamCaller;
  documentId?: unknown;
  subscription?: HttpSubscription;
}

export interface SseOptions {
  admission: SubscriptionAdmission;
  authenticator: ClientAuthenticator;
  maxBodyBytes: number;
}

function refusal(status: number, code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/** The route: answers requests to /graphql/stream, returns false for every other path. */
export function sseSubscriptions(options: SseOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const handler = createHandler<IncomingMessage, StreamContext>({
    authenticate: async (req) => {
      try {
        req.context.caller = await authenticateStream(options.authenticator, req.raw);
      } catch (error) {
        // Anything but a refusal (a JWKS that cannot be fetched) is ours: masked by the route's catch.
        if (!(error instanceof GraphQLError)) throw error;
        return errorResponse(error);
      }
      // A token of its own per request: no stream is ever reserved, so each request is its own
      // connection (graphql-sse's single-connection mode, PUT and stream tokens, is not served).
      return randomUUID();
    },
    onSubscribe: async (req, params) => {
      const admitted = await admitOverHttp(options.admission, req.context.caller!, { ...params, documentId: req.context.documentId }, req.headers.get('last-event-id'));
      // `data: null` marks it a result for graphql-sse, which sends it as one event and completes.
      if (Array.isArray(admitted)) return { data: null, errors: [...admitted] };
      req.context.subscription = admitted as HttpSubscription;
      return req.context.subscription;
    },
  });

  const serve = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'POST') throw refusal(405, 'BAD_REQUEST', `Subscribe with GET or POST to ${SSE_PATH}.`);
    if (!(req.headers.accept ?? '').includes('text/event-stream')) throw refusal(406, 'BAD_REQUEST', `Send Accept: text/event-stream to ${SSE_PATH}.`);
    const context: StreamContext = {};
    let body: Record<string, unknown> | null = null;
    if (req.method === 'POST') {
      const text = await readBody(req, options.maxBodyBytes).catch((error: { status?: number }) => {
        throw error.status === 413 ? refusal(413, 'PAYLOAD_TOO_LARGE', 'Request body too large.') : refusal(400, 'BAD_REQUEST', 'Bad request.');
      });
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        throw refusal(400, 'BAD_REQUEST', 'The body is not JSON.');
      }
      context.documentId = body?.documentId;
      // graphql-sse wants a query; a registered one is looked up by its id at admission.
      if (body && typeof body === 'object' && context.documentId !== undefined) body.query ??= '';
    } else if (url.searchParams.has('documentId')) {
      context.documentId = url.searchParams.get('documentId');
      if (!url.searchParams.has('query')) url.searchParams.set('query', '');
    }
    const request: SseRequest<IncomingMessage, StreamContext> = {
      method: req.method,
      url: url.pathname + url.search,
      headers: { get: (key) => [req.headers[key]].flat().join('\n') || undefined },
      body,
      raw: req,
      context,
    };
    await write(res, await handler(request), context);
  };

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== SSE_PATH) return false;
    serve(req, res, url).catch((error: unknown) => {
      if (res.headersSent) res.end();
      else writeErrors(res, [error]);
    });
    return true;
  };
}

/** A refusal as graphql-sse's handler returns it (status and JSON body). */
function errorResponse(error: GraphQLError): SseResponse {
  const { code, http: head } = error.extensions;
  const status = (head as { status?: number } | undefined)?.status ?? (code === 'UNAUTHENTICATED' ? 401 : 400);
  noteErrorCode(code);
  return [JSON.stringify({ errors: [{ message: error.message, extensions: { code, requestId: currentRequest()?.requestId } }] }), { status, statusText: STATUS_CODES[status] ?? '', headers: { 'content-type': 'application/json' } }];
}

/** Writes the handler's response, giving every `next` event its notification's position as `id`. */
async function write(res: ServerResponse, [body, init]: SseResponse, context: StreamContext): Promise<void> {
  res.writeHead(init.status, init.statusText, init.headers);
  if (!body || typeof body === 'string') return void res.end(body ?? undefined);
  const stop = () => void body.return(undefined);
  res.once('close', stop);
  for await (const chunk of body) {
    if (!res.writable) break;
    const sequence = chunk.startsWith('event: next') ? context.subscription?.sequences.shift() : undefined;
    res.write(sequence === undefined ? chunk : `id: ${encodePosition(sequence)}\n${chunk}`);
  }
  res.off('close', stop);
  res.end();
}
