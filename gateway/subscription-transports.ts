// A subscription sent as an ordinary HTTP request has no transport to arrive on: it is refused with
// a typed 400 naming the three that serve subscriptions, instead of reaching the gateway's executor
// (which cannot run one and failed with INTERNAL_SERVER_ERROR). Multipart requests never get here:
// gateway/subscriptions-multipart.ts takes them before Apollo.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context';
import { SSE_PATH } from './subscriptions-sse';

export const SUBSCRIPTION_TRANSPORTS_MESSAGE =
  `Subscriptions are served over graphql-ws (a WebSocket to /graphql), GraphQL over SSE (${SSE_PATH}), ` +
  'or multipart HTTP (POST /graphql with Accept: multipart/mixed;subscriptionSpec=1.0); use one of those.';

export function subscriptionTransportPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      // In-process operations (a subscription's follow-up fetches) are queries.
      if (!request.http) return;
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError(SUBSCRIPTION_TRANSPORTS_MESSAGE, { extensions: { code: 'SUBSCRIPTION_TRANSPORT_REQUIRED', http: { status: 400 } } });
        },
      };
    },
  };
}
