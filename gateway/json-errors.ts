// A request refused outside Apollo's pipeline (an HTTP subscription before its stream starts, an
// unknown trusted-document id), answered as JSON the way Apollo answers /graphql: the code and
// message the client reads, the request id, and the status the code calls for.
import type http from 'node:http';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../core/errors';
import { logger } from '../core/logger';
import { currentRequest, noteErrorCode } from '../core/request-id';

/** The status of a refusal by its code; any other client error is 400. */
const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  OPERATION_NOT_TRUSTED: 403,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/** Only GraphQLErrors are the client's to read; anything else is logged and masked. */
function clientError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  logger.error({ err: error, requestId: currentRequest()?.requestId }, 'unexpected error');
  return new GraphQLError('Something went wrong on our side. Quote the requestId when you report it.', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
}

export function writeErrors(res: http.ServerResponse, errors: readonly unknown[]): void {
  const requestId = currentRequest()?.requestId;
  const refusals = errors.map(clientError);
  const formatted = refusals.map((e) => {
    const { http: _status, ...extensions } = e.extensions;
    const withId: Record<string, unknown> = { ...extensions, requestId };
    return { message: e.message, ...(e.locations ? { locations: e.locations } : {}), extensions: withId };
  });
  const code = String(formatted[0]?.extensions.code ?? ErrorCode.BAD_USER_INPUT);
  noteErrorCode(code);
  const retryAfter = formatted[0]?.extensions.retryAfterSeconds;
  // A status the refusal was made with wins (405, 406 at /graphql/stream); else the code's.
  const status = (refusals[0]?.extensions.http as { status?: number } | undefined)?.status ?? STATUS_BY_CODE[code] ?? 400;
  res.writeHead(status, { 'content-type': 'application/json', ...(retryAfter ? { 'retry-after': String(retryAfter) } : {}) });
  res.end(JSON.stringify({ errors: formatted }));
}
