// `npm start`: the whole system on embedded defaults (add `-- --seed` to load the demo data).
// `npm start -- --subgraph person`: one subgraph as its own process (distributed mode).
// `npm start -- --gateway`: the gateway alone, calling subgraphs at <NAME>_URL.
import { randomBytes } from 'node:crypto';
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
import { clientAuthOptions, identitySigningKey, identityVerificationKey, pseudonymKey, type KeyOptions } from '../gateway/keys';
import { notificationsSubgraph } from '../gateway/notifications';
import { IdentityRateLimiter, rateLimitFromEnv } from '../gateway/rate-limit';
import { startGateway } from '../gateway/server';
import { SUBGRAPHS } from '../gateway/subgraph-list';
import { seedDemoData } from './seed-data';
import { HEAP_FLAG, heapCeilingMissing } from '../core/heap';
import { DevKeyRefusedError, devKeyPolicy } from '../core/key-policy';
import { publicHalf } from '../core/keys';

const HOST = optional('HOST') ?? '127.0.0.1';
const introspection = !flag('DISABLE_INTROSPECTION');

/** A start with PostgreSQL or NATS is a production one: generated dev keys only with ALLOW_DEV_KEYS (README, "Keys"). */
function keyOptions(services: readonly string[]): KeyOptions {
  return {
    policy: devKeyPolicy({
      postgres: services.some((name) => databaseTarget(name).kind === 'postgresql'),
      nats: optional('EVENT_BUS') === 'nats',
      allowDevKeys: flag('ALLOW_DEV_KEYS'),
    }),
  };
}

async function runEmbedded(seed: boolean): Promise<() => Promise<void>> {
  const keys = keyOptions(SUBGRAPHS.map((s) => s.name));
  const system = await startEmbedded({ dataDir: dataDir(), host: HOST, gatewayPort: port('PORT', 4000), introspection, bus: await busFromEnvironment(), keys });
  logger.info({ url: system.gateway.url, dataDir: dataDir() }, 'DFDG gateway and five subgraphs are up');
  if (seed) await seedDemoData(system.gateway.url, dataDir());
  return () => system.stop();
}

async function runSubgraph(name: string): Promise<() => Promise<void>> {
  const keys = keyOptions([name]);
  const identityPublicKey = await identityVerificationKey(dataDir(), keys);
  const cprPseudonymKey = await pseudonymKey(dataDir(), keys);
  const bus = await busFromEnvironment();
  if (bus instanceof InProcessBus) logger.warn('EVENT_BUS is not nats: this subgraph will not hear the other subgraphs');
  const defaultPort = SUBGRAPHS.find((s) => s.name === name)?.port ?? 0;
  const running = await startSubgraph(subgraphModule(name), {
    host: HOST,
    port: port('PORT', defaultPort),
    database: databaseTarget(name),
    bus,
    clock: systemClock,
    identityPublicKey,
    cprPseudonymKey,
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
  const keys = keyOptions(['notifications']);
  const signingKey = await identitySigningKey(dataDir(), keys);
  const clientAuth = await clientAuthOptions(dataDir(), keys);
  const bus = await busFromEnvironment();
  const notifications = await startSubgraph(notificationsSubgraph, {
    host: HOST,
    port: port('NOTIFICATIONS_PORT', 4006),
    database: databaseTarget('notifications'),
    bus,
    clock: systemClock,
    // Only this gateway calls its notifications service: it verifies with the signing key's own public half.
    identityPublicKey: await publicHalf(signingKey),
    // Notifications never pseudonymise a CPR: a throwaway key, so gateway hosts need not hold the analysts' secret.
    cprPseudonymKey: randomBytes(32),
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
    issuer: new IdentityTokenIssuer(signingKey),
    authenticator: new ClientAuthenticator(clientAuth),
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
  // A refused key is the operator's to set, not a crash: the message alone, naming the variable.
  if (error instanceof DevKeyRefusedError) logger.fatal(error.message);
  else logger.error({ err: error }, 'start-up failed');
  process.exit(1);
});
