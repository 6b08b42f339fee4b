// A real graphql-ws client for tests, collecting what a subscription delivers.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Collected<T> {
  results: T[];
  errors: unknown[];
  done: Promise<void>;
  dispose(): void;
}

export function wsClient(httpUrl: string, connectionParams: () => Record<string, unknown>): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 20,
    retryWait: async () => new Promise((r) => setTimeout(r, 100)),
    shouldRetry: () => true,
  });
}

export function collect<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Collected<T> {
  const results: T[] = [];
  const errors: unknown[] = [];
  let dispose = () => undefined as void;
  const done = new Promise<void>((resolve) => {
    dispose = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          if (value.errors) errors.push(...value.errors);
          if (value.data) results.push(value.data as T);
        },
        error: (error) => {
          errors.push(error);
          resolve();
        },
        complete: () => resolve(),
      },
    );
  });
  return { results, errors, done, dispose: () => dispose() };
}

export async function waitFor(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((r) => setTimeout(r, 20));
  }
}
