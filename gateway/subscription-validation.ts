// A subscribe message checked as the HTTP path checks a request: parsed, validated with the same
// query limits, its variables coerced, and its errors typed and without schema hints ("Did you mean
// …?"). The WebSocket path calls graphql-js itself, so none of Apollo's request pipeline (which
// strips the hints over HTTP) runs here.
import { GraphQLError, getOperationAST, getVariableValues, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';

export interface SubscribeRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** graphql-js puts its suggestions at the end of a message; Apollo's own plugin strips them the same way. */
const SUGGESTION = / ?Did you mean(.+?)\?$/;

/** The same error with the suggestion cut off and the given code, keeping where in the query it is. */
function typed(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message.replace(SUGGESTION, ''), { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code } });
}

/** The parsed document, or the errors to refuse the subscription with (codes as over HTTP). */
export function checkSubscribe(schema: GraphQLSchema, request: SubscribeRequest, rules: readonly ValidationRule[]): { document: DocumentNode } | { errors: GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
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
  return { document };
}
