// The embedded mode: all five subgraphs and the gateway in one process, SQLite files under DATA_DIR
// (or PostgreSQL databases when configured) and the in-process bus. Used by `npm start`, the tests
// and the benchmarks.
import path from 'node:path';
import { databaseTarget, type DatabaseTarget } from '../core/config';
import { InProcessBus, type EventBus } from '../core/bus';
import { systemClock, type Clock } from '../core/clock';
import { IdentityTokenIssuer } from '../core/identity-token';
import { identitySigningKey, identityVerificationKey, pseudonymKey, type KeyOptions } from '../core/key-sources';
import { startSubgraph, type RunningSubgraph } from '../core/subgraph-server';
import { ClientAuthenticator } from '../gateway/client-auth';
import { readSupergraph } from '../gateway/compose';
import { clientAuthOptions } from '../gateway/keys';
import { notificationsSubgraph } from '../gateway/notifications';
import { IdentityRateLimiter, rateLimitFromEnv, type RateLimitOptions } from '../gateway/rate-limit';
import { startGateway, type RunningGateway } from '../gateway/server';
import type { TrustedDocuments } from '../gateway/trusted-documents';
import { servicePort } from './environment';
import { loadSubgraphModules } from './modules';

export interface EmbeddedOptions {
  dataDir: string;
  host?: string;
  /** 0 picks free ports (tests); default 4000 and the subgraphs' own ports (`<NAME>_PORT` or 4001-4006). */
  gatewayPort?: number;
  subgraphPorts?: 'default' | 'random';
  clock?: Clock;
  database?: (subgraph: string) => DatabaseTarget;
  introspection?: boolean;
  /** Per-identity request budget; defaults to RATE_LIMIT_PER_MINUTE (or 1200/min), null turns it off. */
  rateLimit?: RateLimitOptions | null;
  /** Serve the analysts' explorer at /explorer (default on). */
  explorer?: boolean;
  /** Defaults to the checked-in supergraph.graphql; tests pass a fresh composition. */
  supergraphSdl?: string;
  onQuery?: (subgraph: string, sql: string) => void;
  /** Defaults to the in-process bus; pass a NatsBus to run the embedded system over JetStream. */
  bus?: EventBus;
  /** Where keys come from; `npm start` passes its production policy (README, "Keys"). */
  keys?: KeyOptions;
  /** Browser origins allowed to call the gateway (CORS_ORIGINS); none by default. */
  corsOrigins?: readonly string[];
  /** Registered operations and the roles that may run only those (TRUSTED_DOCUMENTS*); none by default. */
  trustedDocuments?: TrustedDocuments;
}

export interface EmbeddedSystem {
  gateway: RunningGateway;
  subgraphs: RunningSubgraph[];
  bus: EventBus;
  /**
   * Stops the gateway (dropping every connection) and starts a new one on the same port. `kill` drops WebSockets without a
   * close frame; `downMs` keeps it down that long (writes to the subgraphs go on meanwhile).
   */
  restartGateway(options?: { kill?: boolean; downMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedSubgraphs {
  subgraphs: RunningSubgraph[];
  bus: EventBus;
  stop(): Promise<void>;
}

/** The five subgraphs and the notifications service on one bus, without a gateway (benchmarks). */
export async function startEmbeddedSubgraphs(options: EmbeddedOptions): Promise<EmbeddedSubgraphs> {
  const host = options.host ?? '127.0.0.1';
  // Keys first: a refused one stops the start before any database or bus is opened.
  const identityPublicKey = await identityVerificationKey(options.dataDir, options.keys);
  const cprPseudonymKey = await pseudonymKey(options.dataDir, options.keys);
  const bus = options.bus ?? new InProcessBus(path.join(options.dataDir, 'bus.sqlite'));
  const clock = options.clock ?? systemClock;
  // JetStream expires old events itself (max_age); the in-process log is pruned here.
  const pruning = bus instanceof InProcessBus ? setInterval(() => bus.prune(clock.now()), 3_600_000).unref() : null;
  const subgraphs: RunningSubgraph[] = [];
  const stop = async () => {
    if (pruning) clearInterval(pruning);
    for (const subgraph of subgraphs) await subgraph.stop();
    await bus.close();
  };
  try {
    for (const module of [...loadSubgraphModules(), notificationsSubgraph]) {
      subgraphs.push(
        await startSubgraph(module, {
          host,
          port: options.subgraphPorts === 'random' ? 0 : servicePort(module.name),
          database: options.database?.(module.name) ?? databaseTarget(module.name, options.dataDir),
          bus,
          clock,
          identityPublicKey,
          cprPseudonymKey,
          onQuery: options.onQuery ? (sql) => options.onQuery!(module.name, sql) : undefined,
        }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { subgraphs, bus, stop };
}

export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedSystem> {
  const host = options.host ?? '127.0.0.1';
  const issuer = new IdentityTokenIssuer(await identitySigningKey(options.dataDir, options.keys));
  const authenticator = new ClientAuthenticator(await clientAuthOptions(options.dataDir, options.keys));
  const { subgraphs, bus, stop: stopSubgraphs } = await startEmbeddedSubgraphs(options);
  try {
    const rateLimit = options.rateLimit === undefined ? rateLimitFromEnv() : options.rateLimit;
    const rateLimiter = rateLimit ? new IdentityRateLimiter(rateLimit) : null;
    const launch = (port: number) =>
      startGateway({
        host,
        port,
        supergraphSdl: options.supergraphSdl ?? readSupergraph(),
        subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
        issuer,
        authenticator,
        introspection: options.introspection ?? true,
        rateLimiter,
        explorer: options.explorer ?? true,
        bus,
        delivery: { orm: subgraphs.find((s) => s.name === 'notifications')!.orm, database: options.database?.('notifications') ?? databaseTarget('notifications', options.dataDir), clock: options.clock ?? systemClock },
        corsOrigins: options.corsOrigins,
        trustedDocuments: options.trustedDocuments,
      });
    const system: EmbeddedSystem = {
      gateway: await launch(options.gatewayPort ?? 4000),
      subgraphs,
      bus,
      async restartGateway({ kill = false, downMs = 0 } = {}) {
        const port = Number(new URL(system.gateway.url).port);
        await system.gateway.stop({ kill });
        if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
        system.gateway = await launch(port);
      },
      async stop() {
        await system.gateway.stop();
        await stopSubgraphs();
      },
    };
    return system;
  } catch (error) {
    await stopSubgraphs();
    throw error;
  }
}
