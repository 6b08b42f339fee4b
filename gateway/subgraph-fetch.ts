// How the gateway talks to subgraphs over HTTP: one keep-alive connection pool per subgraph origin
// (undici), so a request does not pay a TCP handshake per fetch, with a cap on sockets so a burst
// cannot open thousands of connections to one subgraph.
import { Agent, fetch as undiciFetch } from 'undici';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

export interface SubgraphFetchOptions {
  /** Connections per subgraph origin. */
  connections: number;
  keepAliveMs: number;
}

export const DEFAULT_SUBGRAPH_FETCH: SubgraphFetchOptions = { connections: 64, keepAliveMs: 30_000 };

export function keepAliveFetcher(options: SubgraphFetchOptions = DEFAULT_SUBGRAPH_FETCH): Fetcher {
  const dispatcher = new Agent({ connections: options.connections, keepAliveTimeout: options.keepAliveMs, keepAliveMaxTimeout: options.keepAliveMs });
  return ((url: string, init?: Record<string, unknown>) => undiciFetch(url, { ...(init as object), dispatcher })) as unknown as Fetcher;
}
