// Refuses `_service { sdl }` on every subgraph. Federation answers it to anyone who can query the
// subgraph, and with it the whole subgraph schema, internal fields and all; yet nothing here needs
// it: the gateway and `npm run compose` build from the checked-in schema files. A leaked identity
// token (or anyone inside the network who has one) must not get a map of every field, any more
// than a client is allowed introspection (which subgraphs refuse outright).
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';

/** Whether the operation selects Query._service anywhere, under an alias or inside a fragment. */
export function selectsServiceSdl(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        if (node.name.value === '_service' && typeInfo.getParentType() === schema.getQueryType()) found = true;
      },
    }),
  );
  return found;
}

export function refuseServiceSdlPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema }) {
          if (selectsServiceSdl(schema, document)) {
            throw new GraphQLError('The subgraph schema is not served; it is published as the checked-in schema files.', {
              extensions: { code: 'FORBIDDEN', http: { status: 403 } },
            });
          }
        },
      };
    },
  };
}
