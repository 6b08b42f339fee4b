// The gateway checks `Date` and `DateTime` input as every subgraph does (core/scalars.ts). The
// supergraph only names the scalars, so without this any value passes the gateway, the subgraph
// refuses it later, and the client gets a field error with HTTP 200 instead of a 400 up front.
import type { ApolloServerPlugin } from '@apollo/server';
import { isScalarType, type GraphQLSchema } from 'graphql';
import { scalarResolvers } from '../core/scalars';
import type { GatewayContext } from './context';

/**
 * Gives the schema's scalars the subgraphs' input parsing. In place: the gateway plans, coerces
 * variables and validates against this one schema object. Output is left alone: it is already
 * what a subgraph serialised.
 */
export function checkScalarInput(schema: GraphQLSchema): void {
  for (const checked of Object.values(scalarResolvers)) {
    const type = schema.getType(checked.name);
    if (isScalarType(type)) Object.assign(type, { parseValue: checked.parseValue, parseLiteral: checked.parseLiteral });
  }
}

export function inputScalarsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async serverWillStart() {
      return { schemaDidLoadOrUpdate: ({ apiSchema }) => checkScalarInput(apiSchema) };
    },
  };
}
