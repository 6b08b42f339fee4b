// Query cost before execution, with graphql-query-complexity: every field costs 1, and a list field
// multiplies what is below it by the page the client asked for (`first`/`last`), or by a default
// page when the list has no paging argument. So `persons(first: 1000) { absences { … } }` is
// priced as the 1000 × n fetches it would cause, not as one field, which is what a plain field-count
// cost limit (graphql-armor's costLimit) would see. The gateway and every subgraph price alike.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, getNamedType, getNullableType, isListType, type DocumentNode, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from './errors';
import type { Identity } from './identity';

/** What an unpaged list is assumed to hold: a person's absences, a code list. */
export const DEFAULT_LIST_SIZE = 10;

function isList(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}

/**
 * A list field costs its page size times (its own cost + what is selected below it). A paged field
 * (`first`/`last`) is priced by the page it asks for, whether it returns a list or a connection;
 * the `nodes`/`edges` list inside a connection is then that same page and does not multiply again.
 * A subgraph's `_entities` is priced by the representations it is given: that is the page the
 * gateway asks for, and what a caller holding a leaked identity token could inflate.
 */
export const pagedListEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name === '_entities' && Array.isArray(args.representations)) return Math.max(1, args.representations.length) * (1 + childComplexity);
  const paged = args.first !== undefined || args.last !== undefined;
  if (!paged && !isList(field.type)) return undefined;
  // Introspection lists are fetched once, never per row; they do not multiply.
  if (getNamedType(field.type).name.startsWith('__') || type.name.startsWith('__')) return 1 + childComplexity;
  if (!paged && type.name.endsWith('Connection')) return 1 + childComplexity;
  const requested = Number(args.first ?? args.last ?? DEFAULT_LIST_SIZE);
  const size = Number.isFinite(requested) && requested > 0 ? requested : DEFAULT_LIST_SIZE;
  return size * (1 + childComplexity);
};

/** What `document` costs with these variables: lists priced by their page (`first`/`last`). */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string | null): number {
  return priced(() =>
    getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators: [pagedListEstimator, simpleEstimator({ defaultComplexity: 1 })] }),
  );
}

/** QUERY_TOO_COSTLY when `cost` exceeds what the caller's role may spend, else null. */
export function costRefusal(cost: number, role: Identity['role'] | undefined, maxCost: number, systemMaxCost = maxCost): GraphQLError | null {
  if (cost <= (role === 'system' ? systemMaxCost : maxCost)) return null;
  // The limit itself is not named: a client should page, not tune a query to sit under it.
  return new GraphQLError('The query is too expensive. Ask for fewer items per page or fewer nested lists.', {
    extensions: { code: 'QUERY_TOO_COSTLY', http: { status: 400 } },
  });
}

/**
 * `maxCost` for people at screens (a caseworker's list of 100 persons with everything costs ~16,000);
 * `systemMaxCost` for the system role's batch work (exports, repairs, 1,000 persons a page).
 */
export function costLimitPlugin<C extends BaseContext & { identity?: Identity }>(maxCost: number, systemMaxCost = maxCost): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          const refusal = costRefusal(queryCost(schema, document, request.variables ?? {}, operationName), contextValue.identity?.role, maxCost, systemMaxCost);
          if (refusal) throw refusal;
        },
      };
    },
  };
}

/**
 * Pricing coerces the variables first, so a variable of the wrong type (`typeId: 45.5`) fails here,
 * before execution would have refused it: that is the client's input, not our failure, and an error
 * thrown from this hook is a 500 unless it says otherwise. A scalar's own DomainError (INVALID_DATE)
 * stays the cause, so error-masking.ts reports its code.
 */
function priced(price: () => number): number {
  try {
    return price();
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    throw new GraphQLError(error.message, { nodes: error.nodes, originalError: error.originalError, extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
  }
}
