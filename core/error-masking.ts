// What a client may see of a failure: domain and input errors pass with their code; anything else
// is logged with the request id and replaced by a generic error, so no stack, SQL or CPR leaks out.
// Every error carries the request's id (core/request-id.ts), the one the client may quote.
import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, ErrorCode } from './errors';
import type { Logger } from './logger';
import { currentRequest, noteErrorCode } from './request-id';

/**
 * Masks a failure unless it is one we meant to report: an error is passed when its root cause is a
 * GraphQLError (our DomainError, a graphql-js validation or coercion error) or, at the gateway, the
 * error object a subgraph answered with (already masked there). An exception thrown by code (a
 * TypeError, a database error) is logged and replaced.
 */
export function maskErrors(logger: Logger, service: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Outside a request (an operation a test or a script executes in-process) an error still gets an id to quote.
    const requestId = currentRequest()?.requestId ?? randomUUID();
    const masked = mask(logger, service, formatted, error, requestId);
    noteErrorCode(masked.extensions?.code);
    return { ...masked, extensions: { ...masked.extensions, requestId } };
  };
}

function mask(logger: Logger, service: string, formatted: GraphQLFormattedError, error: unknown, requestId: string): GraphQLFormattedError {
  const cause = rootCause(unwrapResolverError(error));
  // A DomainError wrapped by graphql-js or Apollo (a bad Date literal fails in validation) keeps its own code.
  if (cause instanceof DomainError) return withoutSchemaHints({ ...formatted, extensions: { ...formatted.extensions, code: cause.code } });
  if (!(cause instanceof Error) || cause instanceof GraphQLError) return withoutSchemaHints(formatted);
  logger.error({ err: cause, requestId, service, path: formatted.path }, 'unexpected error');
  return {
    message: `Something went wrong on our side. Quote reference ${requestId} when you report it.`,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && !(current instanceof DomainError) && current.originalError) current = current.originalError;
  return current;
}

/** graphql-js's "Did you mean …?" at the end of a message: field, argument, type and enum value names. */
const SUGGESTION = / ?Did you mean .*\?$/s;
/** The parser names its token limit; like the other limits it stays unnamed (core/query-limits.ts). */
const TOKEN_LIMIT = /^Syntax Error: Document contains more \w+ \d+ tokens\. Parsing aborted\.$/;
/** What a client reads instead of the parser's message at the token limit. */
export const TOO_LARGE_MESSAGE = 'The query is too large. Split it into smaller operations.';

/** A graphql-js message without its "Did you mean …?" (also for the WebSocket path, which bypasses Apollo). */
export function withoutSuggestion(message: string): string {
  return message.replace(SUGGESTION, '');
}

/** True for the parser's refusal at the token limit. */
export function isTokenLimitMessage(message: string): boolean {
  return TOKEN_LIMIT.test(message);
}

/**
 * No stack, no suggestion of a name from the schema (for everyone: a caller denied introspection
 * must not read the schema out through typos, and a caller allowed it does not need them), and no
 * number of a limit. A query over the token limit reads like the other limits' refusals.
 */
function withoutSchemaHints(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { stacktrace: _dropped, ...extensions } = formatted.extensions ?? {};
  if (isTokenLimitMessage(formatted.message)) {
    return { ...formatted, message: TOO_LARGE_MESSAGE, extensions: { ...extensions, code: 'GRAPHQL_VALIDATION_FAILED' } };
  }
  return { ...formatted, message: withoutSuggestion(formatted.message), ...(formatted.extensions ? { extensions } : {}) };
}
