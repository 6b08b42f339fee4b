// Query cost before planning, with graphql-query-complexity: every field costs 1, and a list field
// multiplies what is below it by the page the client asked for (`first`/`last`), or by a default
// page when the list has no paging argument. So `persons(first: 1000) { absences { … } }` is
// priced as the 1000 × n fetches it would cause, not as one field, which is what a plain field-count
// cost limit (graphql-armor's costLimit) would see.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getNamedType, getNullableType, isListType, type GraphQLOutputType } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { GatewayContext } from './context';

/** What an unpaged list is assumed to hold: a person's absences, a code list. */
export const DEFAULT_LIST_SIZE = 10;

function isList(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}

/**
 * A list field costs its page size times (its own cost + what is selected below it). A paged field
 * (`first`/`last`) is priced by the page it asks for, whether it returns a list or a connection;
 * the `nodes`/`edges` list inside a connection is then that same page and does not multiply again.
 */
export const pagedListEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const paged = args.first !== undefined || args.last !== undefined;
  if (!paged && !isList(field.type)) return undefined;
  // Introspection lists are fetched once, never per row; they do not multiply.
  if (getNamedType(field.type).name.startsWith('__') || type.name.startsWith('__')) return 1 + childComplexity;
  if (!paged && type.name.endsWith('Connection')) return 1 + childComplexity;
  const requested = Number(args.first ?? args.last ?? DEFAULT_LIST_SIZE);
  const size = Number.isFinite(requested) && requested > 0 ? requested : DEFAULT_LIST_SIZE;
  return size * (1 + childComplexity);
};

/**
 * `maxCost` for people at screens (a caseworker's list of 100 persons with everything costs ~16,000);
 * `systemMaxCost` for the system role's batch work (exports, repairs, 1,000 persons a page).
 */
export function costLimitPlugin(maxCost: number, systemMaxCost = maxCost): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          const limit = contextValue.identity?.role === 'system' ? systemMaxCost : maxCost;
          const cost = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            operationName: operationName ?? undefined,
            estimators: [pagedListEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > limit) {
            // The limit itself is not named: a client should page, not tune a query to sit under it.
            throw new GraphQLError('The query is too expensive. Ask for fewer items per page or fewer nested lists.', {
              extensions: { code: 'QUERY_TOO_COSTLY', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
