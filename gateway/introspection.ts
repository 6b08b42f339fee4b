// Introspection per role. The gateway enables introspection (the analysts' explorer needs the
// schema to offer completion), and this plugin then refuses `__schema` / `__type` to every role
// that does not need it: a caseworker front end or an a-kasse integration is built against the
// published supergraph file, so a stolen caseworker token does not also hand out a map of every
// field. `__typename` is not introspection in this sense and stays allowed for everyone.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import type { Role } from '../core/identity';
import type { GatewayContext } from './context';

export const INTROSPECTION_ROLES: readonly Role[] = ['analyst', 'system'];

export function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

export function introspectionByRolePlugin(allowed: readonly Role[] = INTROSPECTION_ROLES): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (usesIntrospection(document) && !allowed.includes(contextValue.identity.role)) {
            throw new GraphQLError('Introspection is not available to your role; use the published schema.', {
              extensions: { code: 'FORBIDDEN', http: { status: 403 } },
            });
          }
        },
      };
    },
  };
}
