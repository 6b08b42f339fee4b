// `npm start -- --gateway`: the gateway and its notifications service, calling the subgraphs at
// <NAME>_URL (distributed mode). No subgraph's code is loaded.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { InProcessBus } from '../core/bus';
import { busFromEnvironment } from '../core/bus-config';
import { systemClock } from '../core/clock';
import { dataDir, databaseTarget, flag, optional, port } from '../core/config';
import { IdentityTokenIssuer } from '../core/identity-token';
import { identitySigningKey } from '../core/key-sources';
import { publicHalf } from '../core/keys';
import { logger } from '../core/logger';
import { startSubgraph } from '../core/subgraph-server';
import { ClientAuthenticator } from '../gateway/client-auth';
import { readSupergraph } from '../gateway/compose';
import { clientAuthOptions } from '../gateway/keys';
import { notificationsSubgraph } from '../gateway/notifications';
import { IdentityRateLimiter, rateLimitFromEnv, sharedRateLimiter } from '../gateway/rate-limit';
import { startGateway } from '../gateway/server';
import { SUBGRAPHS } from '../gateway/subgraph-list';
import { host, keyOptions, servicePort, type Stop } from './environment';
import { frontEndOptions } from './front-ends';

/** The gateway with its notifications service (`npm start -- --gateway`), which needs a database of its own and the bus. */
export async function startGatewayProcess(): Promise<Stop> {
  const keys = keyOptions(['notifications']);
  // Read first: a wrong origin or manifest stops the start before anything is opened.
  const frontEnds = frontEndOptions();
  const signingKey = await identitySigningKey(dataDir(), keys);
  const clientAuth = await clientAuthOptions(dataDir(), keys);
  const bus = await busFromEnvironment();
  // The gateway's database: notification acknowledgements and the shared rate limit. Replicas
  // share both only on PostgreSQL (NOTIFICATIONS_DATABASE_URL or DATABASE_URL).
  const database = databaseTarget('notifications');
  if (database.kind === 'sqlite' && !(bus instanceof InProcessBus)) {
    logger.warn('the gateway has no DATABASE_URL: acknowledgements and the rate limit are this replica\'s own; give every gateway replica the same DATABASE_URL');
  }
  const notifications = await startSubgraph(notificationsSubgraph, {
    host: host(),
    port: servicePort('notifications'),
    database,
    bus,
    clock: systemClock,
    // Only this gateway calls its notifications service: it verifies with the signing key's own public half.
    identityPublicKey: await publicHalf(signingKey),
    // Notifications never pseudonymise a CPR: a throwaway key, so gateway hosts need not hold the analysts' secret.
    cprPseudonymKey: randomBytes(32),
  });
  const subgraphUrls: Record<string, string> = { notifications: notifications.url };
  for (const { name } of SUBGRAPHS) {
    const url = optional(`${name.toUpperCase()}_URL`);
    if (url) subgraphUrls[name] = url;
  }
  const rateLimit = rateLimitFromEnv();
  const rateLimitPool = rateLimit && database.kind === 'postgresql' ? new pg.Pool({ connectionString: database.location, max: 4, application_name: 'dfdg-gateway-rate-limit' }) : null;
  // An idle connection the server dropped must not crash the gateway; the next query reconnects.
  rateLimitPool?.on('error', (error) => logger.warn({ err: error }, 'rate-limit database connection lost'));
  const gateway = await startGateway({
    host: host(),
    port: port('PORT', 4000),
    supergraphSdl: readSupergraph(),
    subgraphUrls,
    issuer: new IdentityTokenIssuer(signingKey),
    authenticator: new ClientAuthenticator(clientAuth),
    introspection: !flag('DISABLE_INTROSPECTION'),
    rateLimiter: rateLimit ? (rateLimitPool ? await sharedRateLimiter(rateLimit, rateLimitPool) : new IdentityRateLimiter(rateLimit)) : null,
    bus,
    delivery: { orm: notifications.orm, database, clock: systemClock },
    ...frontEnds,
  });
  logger.info({ url: gateway.url }, 'gateway is up');
  return async () => {
    await gateway.stop();
    await notifications.stop();
    await rateLimitPool?.end();
    await bus.close();
  };
}
