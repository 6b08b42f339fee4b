// How the gateway talks to subgraphs over HTTP: one keep-alive connection pool per subgraph origin
// (undici), so a request does not pay a TCP handshake per fetch, with a cap on sockets so a burst
// cannot open thousands of connections to one subgraph. Requests go through undici's request()
// rather than its WHATWG fetch(): fetch wraps every body in web streams and abort signals, which
// a profile showed as the largest part of the gateway's own time per request. A subgraph answer
// is a small JSON document read whole, so the streams bought nothing.
import { Agent, request } from 'undici';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

export interface SubgraphFetchOptions {
  /** Connections per subgraph origin. */
  connections: number;
  keepAliveMs: number;
}

export const DEFAULT_SUBGRAPH_FETCH: SubgraphFetchOptions = { connections: 64, keepAliveMs: 30_000 };

/** A subgraph's answer, read whole: what RemoteGraphQLDataSource reads of a fetch Response. */
class SubgraphResponse implements FetcherResponse {
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly statusText = '';

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: Headers,
    private readonly body: string,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = Buffer.from(this.body, 'utf8');
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  clone(): SubgraphResponse {
    return new SubgraphResponse(this.url, this.status, new Headers(this.headers), this.body);
  }
}

export function keepAliveFetcher(options: SubgraphFetchOptions = DEFAULT_SUBGRAPH_FETCH): Fetcher {
  const dispatcher = new Agent({ connections: options.connections, keepAliveTimeout: options.keepAliveMs, keepAliveMaxTimeout: options.keepAliveMs });
  return async (url, init) => {
    const answer = await request(url, {
      dispatcher,
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      headers: init?.headers,
      body: init?.body,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    return new SubgraphResponse(url, answer.statusCode, headers, await answer.body.text());
  };
}
