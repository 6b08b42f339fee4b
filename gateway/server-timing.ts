// A Server-Timing header on every answer: total time in the gateway and the part spent waiting on
// subgraphs, so operators (and the benchmark) can see the gateway's own overhead per request.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './context';

export function serverTimingPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const timing = contextValue.timing;
          if (!timing) return;
          const total = performance.now() - timing.startedAt;
          response.http.headers.set('server-timing', `subgraphs;dur=${timing.subgraphMs.toFixed(2)}, total;dur=${total.toFixed(2)}`);
        },
      };
    },
  };
}
