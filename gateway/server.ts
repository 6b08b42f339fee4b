// The gateway: @apollo/gateway over the checked-in supergraph, behind the client JWT check.
import { ApolloServer } from '@apollo/server';
import { ApolloGateway } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/core';
import type { EventBus } from '../core/bus';
import type { Clock } from '../core/clock';
import type { DatabaseTarget } from '../core/config';
import type { IdentityTokenIssuer } from '../core/identity-token';
import { operationNamePlugin } from '../core/access-log';
import { maskErrors } from '../core/error-masking';
import { serveApollo, type ServedHttp } from '../core/http';
import { READINESS_TIMEOUT_MS, type ReadinessCheck } from '../core/readiness';
import { logger } from '../core/logger';
import { ServiceMetrics } from '../core/metrics';
import { currentRequest, noteCaller } from '../core/request-id';
import { GATEWAY_LIMITS } from '../core/query-limits';
import type { ClientAuthenticator } from './client-auth';
import type { GatewayContext } from './context';
import { IdentityForwardingDataSource } from './data-source';
import { explorerRoute } from './explorer';
import { introspectionByRolePlugin } from './introspection';
import { apolloReportingDisabled, disableApolloGatewayTelemetry } from './no-phoning-home';
import { queryProtection } from './limits';
import { queryPlanCache, warmQueryPlans } from './query-plans';
import { serverTimingPlugin } from './server-timing';
import { keepAliveFetcher } from './subgraph-fetch';
import type { IdentityRateLimiter } from './rate-limit';
import { startSubscriptionServer, type SubscriptionServer } from './subscriptions';
import { asOfPlugin } from './as-of';
import { operationResolutionPlugin } from './operation-resolution';
import { deliveryConfig } from './delivery/config';
import { DeliveryWorker } from './delivery/worker';
import { corsHandler } from './cors';
import { subscriptionTransportPlugin } from './subscription-transports';
import { multipartSubscriptions } from './subscriptions-multipart';
import { sseSubscriptions } from './subscriptions-sse';
import { TrustedDocuments, trustedDocumentsPlugin, unknownDocumentRefusal } from './trusted-documents';

export interface GatewayOptions {
  host: string;
  port: number;
  supergraphSdl: string;
  /** Run-time URLs by subgraph name; a subgraph not listed uses its URL in the supergraph. */
  subgraphUrls: Record<string, string>;
  issuer: IdentityTokenIssuer;
  authenticator: ClientAuthenticator;
  /** Introspection is a deliberate choice per deployment, never derived from NODE_ENV. */
  introspection: boolean;
  maxBodyBytes?: number;
  /** Per-identity request budget; none when the deployment turns it off. */
  rateLimiter?: IdentityRateLimiter | null;
  /** Serve the analysts' explorer at /explorer. */
  explorer?: boolean;
  /** The bus notifications are read from; subscriptions are served when given. */
  bus?: EventBus;
  /** The notifications service's database: push deliveries are sent when given with the bus (gateway/delivery/). */
  delivery?: { orm: MikroORM; database: DatabaseTarget; clock: Clock };
  /** Browser origins allowed to call the gateway (CORS_ORIGINS); none by default. */
  corsOrigins?: readonly string[];
  /** Registered operations and the roles that may run only those (TRUSTED_DOCUMENTS*); none by default. */
  trustedDocuments?: TrustedDocuments;
}

export interface RunningGateway {
  url: string;
  http: ServedHttp;
  subscriptions: SubscriptionServer | null;
  /** The gateway's instruments, served at its /metrics. */
  metrics: ServiceMetrics;
  /** Push delivery's worker, when the gateway delivers (tests prune through it). */
  delivery: DeliveryWorker | null;
  /** `kill`: drop every WebSocket without a close frame, as when the process dies (tests of resume). */
  stop(options?: { kill?: boolean }): Promise<void>;
}

/**
 * The gateway is ready while it reaches every subgraph it composes (their /health: a subgraph that
 * runs answers, and its own /ready speaks for its database) and, when it serves subscriptions, the bus.
 */
function gatewayReadiness(options: GatewayOptions, urls: ReadonlyMap<string, string>): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [...urls].map(([name, url]) => ({
    name,
    check: async () => {
      const response = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(READINESS_TIMEOUT_MS) });
      if (!response.ok) throw new Error(`answered ${response.status}`);
    },
  }));
  const bus = options.bus;
  return bus ? [...checks, { name: 'bus', check: () => bus.latestSequence() }] : checks;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const fetcher = keepAliveFetcher();
  const metrics = new ServiceMetrics('gateway');
  /** Where each composed subgraph is reached, as the gateway builds its data sources (readiness checks them). */
  const subgraphUrls = new Map<string, string>();
  disableApolloGatewayTelemetry();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      subgraphUrls.set(name, options.subgraphUrls[name] ?? url!);
      return new IdentityForwardingDataSource({ name, url: subgraphUrls.get(name)!, fetcher, metrics }, options.issuer);
    },
    queryPlannerConfig: {
      // Apollo's performance advice for the JS planner: do not spend planning time re-fitting the
      // client's fragments; generate compact fragments for subgraph fetches instead.
      reuseQueryFragments: false,
      generateQueryFragments: true,
      cache: queryPlanCache(),
    },
  });
  let apiSchema: GraphQLSchema | null = null;
  gateway.onSchemaLoadOrUpdate((schema) => {
    apiSchema = schema.apiSchema;
  });
  const protection = queryProtection();
  const trustedDocuments = options.trustedDocuments ?? new TrustedDocuments();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [
      ...apolloReportingDisabled(),
      trustedDocumentsPlugin(trustedDocuments),
      operationNamePlugin(),
      operationResolutionPlugin(),
      ...protection.plugins,
      introspectionByRolePlugin(),
      subscriptionTransportPlugin(),
      asOfPlugin(),
      serverTimingPlugin(),
    ],
    // Automatic persisted queries would let any client register any text under its hash; registered
    // operations come from the front ends' build manifests instead (trusted-documents.ts).
    persistedQueries: false,
    validationRules: protection.validationRules,
    parseOptions: protection.parseOptions,
    allowBatchedHttpRequests: false,
    formatError: maskErrors(logger.child({ service: 'gateway' }), 'gateway'),
    includeStacktraceInErrorResponses: false,
    introspection: options.introspection,
    // No "did you mean" or other schema hints in errors a client sees.
    hideSchemaDetailsFromClientErrors: true,
    csrfPrevention: true,
    // The process drains on SIGTERM itself (scripts/start.ts); Apollo's own handler would stop
    // answering in-flight requests and re-raise the signal.
    stopOnTerminationSignals: false,
    logger: logger.child({ service: 'gateway' }),
  });
  await apollo.start();
  await warmQueryPlans(apollo);
  const maxBodyBytes = options.maxBodyBytes ?? 100_000;
  // The HTTP subscription transports need the subscription server, which needs the HTTP server: bound once both exist.
  let streams: { sse: ReturnType<typeof sseSubscriptions>; multipart: ReturnType<typeof multipartSubscriptions> } | null = null;
  const refuseUnknownDocument = unknownDocumentRefusal(trustedDocuments);
  const explorer = options.explorer === false ? () => false : explorerRoute;
  const http = await serveApollo(apollo, {
    host: options.host,
    port: options.port,
    maxBodyBytes,
    service: 'gateway',
    metrics,
    preRoute: corsHandler(options.corsOrigins ?? []),
    takeOver: async (req, res, body) => refuseUnknownDocument(req, res, body) || (streams ? streams.multipart(req, res, body) : false),
    extraRoutes: (req, res) => explorer(req, res) || (streams?.sse(req, res) ?? false),
    readiness: gatewayReadiness(options, subgraphUrls),
    onUnready: (name, error) => logger.warn({ err: error, dependency: name, service: 'gateway' }, 'not ready'),
    context: async (req) => {
      const header = req.headers.authorization;
      const identity = await options.authenticator.authenticate(Array.isArray(header) ? header[0] : header);
      // Named on the access-log line even when the rate limit refuses it next.
      noteCaller(identity);
      await options.rateLimiter?.consume(identity);
      return { identity, requestId: currentRequest()?.requestId, timing: { startedAt: performance.now(), subgraphMs: 0, active: 0, busySince: 0 } };
    },
  });
  const subscriptions = options.bus
    ? await startSubscriptionServer({
        httpServer: http.server,
        apollo,
        apiSchema: () => apiSchema!,
        validationRules: protection.validationRules,
        queryLimits: GATEWAY_LIMITS,
        authenticator: options.authenticator,
        rateLimiter: options.rateLimiter,
        maxPayloadBytes: maxBodyBytes,
        bus: options.bus,
        trustedDocuments,
        metrics,
      })
    : null;
  const delivery = options.bus && options.delivery ? new DeliveryWorker({ ...options.delivery, bus: options.bus, apollo, config: deliveryConfig(), metrics }) : null;
  await delivery?.start();
  if (subscriptions) {
    const transport = { admission: subscriptions.admission, authenticator: options.authenticator };
    streams = { sse: sseSubscriptions({ ...transport, maxBodyBytes }), multipart: multipartSubscriptions({ ...transport, trustedDocuments }) };
  }
  return {
    url: http.url,
    http,
    subscriptions,
    metrics,
    delivery,
    async stop(stopOptions = {}) {
      await subscriptions?.close(stopOptions);
      await delivery?.stop();
      await http.close();
      await apollo.stop();
    },
  };
}
