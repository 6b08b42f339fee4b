// Hive Gateway as a benchmark peer (issue 10), serving the same supergraph over the same subgraphs.
// It must do what our gateway does per request to be a fair peer: verify the client's JWT and mint
// the per-subgraph identity token the subgraphs demand. BENCH_DATA_DIR holds the keys;
// HIVE_DEDUPE=off turns off its merging of identical in-flight subgraph requests.
import { defineConfig } from '@graphql-hive/gateway';
import { ClientAuthenticator } from '../../gateway/client-auth';
import { identitySigningKey } from '../../core/key-sources';
import { clientAuthOptions } from '../../gateway/keys';
import { IDENTITY_HEADER, IdentityTokenIssuer } from '../../core/identity-token';

const dataDir = process.env.BENCH_DATA_DIR!;
const ready = (async () => ({
  authenticator: new ClientAuthenticator(await clientAuthOptions(dataDir)),
  issuer: new IdentityTokenIssuer(await identitySigningKey(dataDir)),
}))();

export const gatewayConfig = defineConfig({
  logging: 'error',
  propagateHeaders: {
    async fromClientToSubgraphs({ request, subgraphName }) {
      const { authenticator, issuer } = await ready;
      const identity = await authenticator.authenticate(request.headers.get('authorization') ?? undefined);
      return { [IDENTITY_HEADER]: await issuer.mint(identity, subgraphName) };
    },
  },
  ...(process.env.HIVE_DEDUPE === 'off' ? { transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } } } : {}),
});
