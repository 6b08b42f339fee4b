// What a client may see of a failure: domain and input errors pass with their code; anything else
// is logged with a request id and replaced by a generic error, so no stack, SQL or CPR leaks out.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, ErrorCode } from './errors';
import type { Logger } from './logger';

/** Codes graphql-js and Apollo Server attach to errors about the request itself. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export function maskErrors(logger: Logger, service: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) return withoutStack(formatted);
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && (REQUEST_ERROR_CODES.has(code) || code === ErrorCode.UNAUTHENTICATED || code === ErrorCode.FORBIDDEN)) {
      return withoutStack(formatted);
    }
    const requestId = Math.random().toString(36).slice(2, 10);
    logger.error({ err: original, requestId, service, path: formatted.path }, 'unexpected error');
    return {
      message: `Something went wrong on our side. Quote reference ${requestId} when you report it.`,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
    };
  };
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
