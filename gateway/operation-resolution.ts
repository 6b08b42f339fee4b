// A request whose operationName the document does not hold (or a document of several operations
// sent without one) is the client's mistake. Apollo Server lets it run on to execution, where the
// gateway's query planner throws, which Apollo Server answers as a 500; this plugin refuses it
// first, as Apollo Server does for a schema of its own: OPERATION_RESOLUTION_FAILURE, HTTP 400.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

export function operationResolutionPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const message = request.operationName
            ? `Unknown operation named "${request.operationName.slice(0, 100)}": send the name of an operation in the document, or leave operationName out.`
            : 'The document holds several operations: name the one to run in operationName.';
          throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
        },
      };
    },
  };
}
