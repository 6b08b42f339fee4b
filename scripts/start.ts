// `npm start`: the whole system on embedded defaults (add `-- --seed` to load the demo data).
// `npm start -- --subgraph person`: one subgraph as its own process (distributed mode).
// `npm start -- --gateway`: the gateway alone, calling subgraphs at <NAME>_URL.
import { parseArgs } from 'node:util';
import { busFromEnvironment } from '../core/bus-config';
import { dataDir, databaseTarget, flag, optional, port } from '../core/config';
import { systemClock } from '../core/clock';
import { logger } from '../core/logger';
import { InProcessBus } from '../core/bus';
import { IdentityTokenIssuer } from '../core/identity-token';
import { startSubgraph } from '../core/subgraph-server';
import { subgraphModule } from '../subgraphs';
import { ClientAuthenticator } from '../gateway/client-auth';
import { readSupergraph } from '../gateway/compose';
import { startEmbedded } from '../gateway/embedded';
import { clientAuthOptions, identitySigningKey, identityVerificationKey } from '../gateway/keys';
import { notificationsSubgraph } from '../gateway/notifications';
import { IdentityRateLimiter, rateLimitFromEnv } from '../gateway/rate-limit';
import { startGateway } from '../gateway/server';
import { SUBGRAPHS } from '../gateway/subgraph-list';
import { seedDemoData } from './seed-data';
import { cprPseudonymKey } from '../core/cpr-pseudonym';
import { HEAP_FLAG, heapCeilingMissing } from '../core/heap';

const HOST = optional('HOST') ?? '127.0.0.1';
const introspection = !flag('DISABLE_INTROSPECTION');

async function runEmbedded(seed: boolean): Promise<() => Promise<void>> {
  const system = await startEmbedded({ dataDir: dataDir(), host: HOST, gatewayPort: port('PORT', 4000), introspection, bus: await busFromEnvironment() });
  logger.info({ url: system.gateway.url, dataDir: dataDir() }, 'DFDG gateway and five subgraphs are up');
  if (seed) await seedDemoData(system.gateway.url, dataDir());
  return () => system.stop();
}

async function runSubgraph(name: string): Promise<() => Promise<void>> {
  const bus = await busFromEnvironment();
  if (bus instanceof InProcessBus) logger.warn('EVENT_BUS is not nats: this subgraph will not hear the other subgraphs');
  const defaultPort = SUBGRAPHS.find((s) => s.name === name)?.port ?? 0;
  const running = await startSubgraph(subgraphModule(name), {
    host: HOST,
    port: port('PORT', defaultPort),
    database: databaseTarget(name),
    bus,
    clock: systemClock,
    identityPublicKey: await identityVerificationKey(dataDir()),
    cprPseudonymKey: cprPseudonymKey(dataDir()),
    syncDelivery: false,
  });
  logger.info({ url: running.url, subgraph: name }, 'subgraph is up');
  return async () => {
    await running.stop();
    await bus.close();
  };
}

/** The gateway with its notifications service (which needs a database of its own and the bus). */
async function runGateway(): Promise<() => Promise<void>> {
  const bus = await busFromEnvironment();
  const notifications = await startSubgraph(notificationsSubgraph, {
    host: HOST,
    port: port('NOTIFICATIONS_PORT', 4006),
    database: databaseTarget('notifications'),
    bus,
    clock: systemClock,
    identityPublicKey: await identityVerificationKey(dataDir()),
    cprPseudonymKey: cprPseudonymKey(dataDir()),
    syncDelivery: false,
  });
  const subgraphUrls: Record<string, string> = { notifications: notifications.url };
  for (const { name } of SUBGRAPHS) {
    const url = optional(`${name.toUpperCase()}_URL`);
    if (url) subgraphUrls[name] = url;
  }
  const rateLimit = rateLimitFromEnv();
  const gateway = await startGateway({
    host: HOST,
    port: port('PORT', 4000),
    supergraphSdl: readSupergraph(),
    subgraphUrls,
    issuer: new IdentityTokenIssuer(await identitySigningKey(dataDir())),
    authenticator: new ClientAuthenticator(await clientAuthOptions(dataDir())),
    introspection,
    rateLimiter: rateLimit ? new IdentityRateLimiter(rateLimit) : null,
    bus,
  });
  logger.info({ url: gateway.url }, 'gateway is up');
  return async () => {
    await gateway.stop();
    await notifications.stop();
    await bus.close();
  };
}

async function main(): Promise<void> {
  if (heapCeilingMissing()) logger.warn(`started without ${HEAP_FLAG}: the old generation may grow to four times its live size (docs/performance.md)`);
  const { values } = parseArgs({ options: { seed: { type: 'boolean' }, subgraph: { type: 'string' }, gateway: { type: 'boolean' } } });
  const stop = values.subgraph ? await runSubgraph(values.subgraph) : values.gateway ? await runGateway() : await runEmbedded(Boolean(values.seed));
  const shutdown = () => void stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  logger.error({ err: error }, 'start-up failed');
  process.exit(1);
});
