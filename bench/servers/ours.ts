// Benchmark process: our gateway alone, over subgraphs running in another process.
import v8 from 'node:v8';
import { ClientAuthenticator } from '../../gateway/client-auth';
import { readSupergraph } from '../../gateway/compose';
import { identitySigningKey } from '../../core/key-sources';
import { clientAuthOptions } from '../../gateway/keys';
import { startGateway } from '../../gateway/server';
import { IdentityTokenIssuer } from '../../core/identity-token';

/** Peak size of each V8 heap space, sampled only once the runner asks (`npm run bench -- heap`). */
const heapPeaks: Record<string, number> = {};
function watchHeap(): void {
  setInterval(() => {
    for (const space of v8.getHeapSpaceStatistics()) heapPeaks[space.space_name] = Math.max(heapPeaks[space.space_name] ?? 0, space.space_size);
  }, 10).unref();
}

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  const subgraphUrls = JSON.parse(process.argv[3]) as Record<string, string>;
  const gateway = await startGateway({
    host: '127.0.0.1',
    port: 0,
    supergraphSdl: readSupergraph(),
    subgraphUrls,
    issuer: new IdentityTokenIssuer(await identitySigningKey(dataDir)),
    authenticator: new ClientAuthenticator(await clientAuthOptions(dataDir)),
    introspection: false,
    rateLimiter: null,
    explorer: false,
  });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stop') void gateway.stop().then(() => process.exit(0));
    if (message.type === 'heap-watch') {
      watchHeap();
      process.send?.({ type: 'heap-watch' });
    }
    if (message.type === 'heap-peaks') process.send?.({ type: 'heap-peaks', peaks: { ...heapPeaks } });
  });
  process.send?.({ type: 'ready', url: gateway.url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
