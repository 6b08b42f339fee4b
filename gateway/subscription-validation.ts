// A subscribe message checked as the HTTP path checks a request: parsed within the same token limit,
// validated with the same query limits, its variables coerced, its text storable, its cost within the
// caller's budget, and its errors typed and without schema hints ("Did you mean …?"). The WebSocket
// path calls graphql-js itself, so none of Apollo's request pipeline runs here; refusing once at
// subscribe beats refusing the follow-up fetch of every event.
import { GraphQLError, getOperationAST, getVariableValues, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { isTokenLimitMessage, TOO_LARGE_MESSAGE, withoutSuggestion } from '../core/error-masking';
import { ErrorCode } from '../core/errors';
import type { Identity } from '../core/identity';
import { unstorableLiteral, unstorableVariable } from '../core/input-text';
import { costRefusal, queryCost } from '../core/query-cost';
import { nestsDeeperThan } from '../core/query-nesting';
import type { QueryLimits } from '../core/query-limits';

export interface SubscribeRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** The same error with the suggestion cut off and the given code, keeping where in the query it is. */
function typed(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(withoutSuggestion(error.message), { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code } });
}

export interface SubscribeLimits {
  /** The gateway's validation rules (depth, aliases, directives). */
  rules: readonly ValidationRule[];
  limits: Pick<QueryLimits, 'maxTokens' | 'maxCost' | 'systemMaxCost'>;
}

/** The parsed document, or the errors to refuse the subscription with (codes as over HTTP). */
export function checkSubscribe(schema: GraphQLSchema, request: SubscribeRequest, identity: Identity, { rules, limits }: SubscribeLimits): { document: DocumentNode } | { errors: GraphQLError[] } {
  if (nestsDeeperThan(request.query)) return { errors: [new GraphQLError('The query is nested too deeply.', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })] };
  let document: DocumentNode;
  try {
    document = parse(request.query, { maxTokens: limits.maxTokens });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    // Over the token limit graphql-js names the limit; the client is told only that it is too large.
    if (isTokenLimitMessage(error.message)) return { errors: [new GraphQLError(TOO_LARGE_MESSAGE, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })] };
    return { errors: [typed(error, 'GRAPHQL_PARSE_FAILED')] };
  }
  const invalid = validate(schema, document, [...specifiedRules, ...rules]);
  if (invalid.length) return { errors: invalid.map((e) => typed(e, 'GRAPHQL_VALIDATION_FAILED')) };
  // An ambiguous or missing operation is refused with a clearer message by followUpFor.
  const operation = getOperationAST(document, request.operationName);
  if (operation) {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 10 });
    if (coerced.errors) return { errors: coerced.errors.map((e) => typed(e, 'BAD_USER_INPUT')) };
  }
  const field = unstorableVariable(request.variables ?? {}) ?? unstorableLiteral(document);
  if (field) return { errors: [new GraphQLError('Text may not contain a NUL character or an unpaired UTF-16 surrogate.', { extensions: { code: ErrorCode.INVALID_TEXT, field } })] };
  const refusal = costRefusal(queryCost(schema, document, request.variables ?? {}, request.operationName), identity.role, limits.maxCost, limits.systemMaxCost);
  if (refusal) return { errors: [new GraphQLError(refusal.message, { extensions: { code: refusal.extensions.code } })] };
  return { document };
}
