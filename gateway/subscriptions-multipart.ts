// Subscriptions over multipart HTTP on /graphql, the transport Apollo Client's HttpLink uses for a
// subscription (and Apollo Router serves): a POST with `Accept: multipart/mixed;subscriptionSpec=1.0`
// gets one part per notification, `{"payload": <result>}`, and a `{}` heartbeat every few seconds so
// proxies keep the connection open. No library serves this protocol, so it is written here after
// Apollo's specification (docs/front-ends.md). The POST must be JSON, which a browser preflights, so
// Apollo's CSRF prevention holds here too; every other request goes on to Apollo.
import type http from 'node:http';
import { getOperationAST, parse, type GraphQLError } from 'graphql';
import { GATEWAY_LIMITS } from '../core/query-limits';
import type { ClientAuthenticator } from './client-auth';
import { admitOverHttp, authenticateStream, type HttpSubscription } from './http-subscription';
import { writeErrors } from './json-errors';
import type { SubscriptionAdmission } from './subscription-admission';
import { TrustedDocuments, type DocumentRequest } from './trusted-documents';

const BOUNDARY = 'graphql';
const CONTENT_TYPE = `multipart/mixed;boundary="${BOUNDARY}";subscriptionSpec="1.0"`;
/** Apollo Router's interval: well inside any proxy's idle timeout. */
const HEARTBEAT_MS = 5_000;

/** Apollo Client sends `multipart/mixed;boundary=graphql;subscriptionSpec=1.0` (quotes optional). */
function acceptsMultipartSubscription(req: http.IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return /multipart\/mixed/i.test(accept) && /subscriptionSpec="?1\.0"?/i.test(accept);
}

interface MultipartBody extends DocumentRequest {
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** True when `body` is a subscription this transport serves; false leaves the request to Apollo. */
function isSubscription(body: MultipartBody, trusted: TrustedDocuments): boolean {
  try {
    const { query } = trusted.resolve(body);
    const operation = getOperationAST(parse(query, { maxTokens: GATEWAY_LIMITS.maxTokens }), body.operationName);
    return operation?.operation === 'subscription';
  } catch {
    // Unparsable, or an unknown id: Apollo answers with the right code.
    return false;
  }
}

/**
 * One part, closed by the boundary after it: a client knows a part is whole only when it reads the
 * next boundary, so each is written with its own closing one rather than the next part's opening.
 */
function part(json: string): string {
  return `\r\ncontent-type: application/json; charset=utf-8\r\n\r\n${json}\r\n--${BOUNDARY}`;
}

export interface MultipartOptions {
  admission: SubscriptionAdmission;
  authenticator: ClientAuthenticator;
  trustedDocuments: TrustedDocuments;
}

/** Serves the request when it is a multipart subscription; resolves false to leave it to Apollo. */
export function multipartSubscriptions(options: MultipartOptions) {
  return async (req: http.IncomingMessage, res: http.ServerResponse, body: unknown): Promise<boolean> => {
    if (req.method !== 'POST' || !acceptsMultipartSubscription(req) || !body || typeof body !== 'object') return false;
    const request = body as MultipartBody;
    if (!isSubscription(request, options.trustedDocuments)) return false;
    let admitted: HttpSubscription | readonly GraphQLError[];
    try {
      const caller = await authenticateStream(options.authenticator, req);
      admitted = await admitOverHttp(options.admission, caller, request);
    } catch (error) {
      writeErrors(res, [error]);
      return true;
    }
    if (Array.isArray(admitted)) {
      writeErrors(res, admitted);
      return true;
    }
    await stream(res, admitted as HttpSubscription);
    return true;
  };
}

async function stream(res: http.ServerResponse, subscription: HttpSubscription): Promise<void> {
  res.writeHead(200, { 'content-type': CONTENT_TYPE, 'cache-control': 'no-cache' });
  const closed = new Promise<void>((resolve) => res.once('close', resolve));
  void closed.then(() => subscription.return());
  // Never onto a connection the client has closed: a write there would fail the response.
  const write = (text: string): boolean => (res.destroyed || !res.writable ? true : res.write(text));
  // The opening boundary and a heartbeat at once, so the client knows the subscription started.
  write(`\r\n--${BOUNDARY}${part('{}')}`);
  const heartbeat = setInterval(() => write(part('{}')), HEARTBEAT_MS);
  try {
    for await (const result of subscription) {
      // A slow reader is waited for: the subscriber's own bounded queue decides when it is too slow.
      if (!write(part(JSON.stringify({ payload: result })))) await Promise.race([new Promise((r) => res.once('drain', r)), closed]);
    }
  } finally {
    clearInterval(heartbeat);
    // The last boundary written becomes the closing delimiter, `--graphql--`.
    if (!res.destroyed && res.writable) res.end('--\r\n');
  }
}
