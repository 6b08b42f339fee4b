// Starts one subgraph: its database and migrations, its outbox relay and bus consumers, and an
// @apollo/server over `buildSubgraphSchema` that accepts only gateway-signed identities.
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { DocumentNode } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { EntityManager, EntitySchema, MikroORM } from '@mikro-orm/core';
import type { KeyLike } from 'jose';
import type { Clock } from './clock';
import type { DurableSubscription, EventBus } from './bus';
import type { DatabaseTarget } from './config';
import { cprPseudonymiser, type Pseudonymise } from './cpr-pseudonym';
import { createBackoff } from './backoff';
import { startConsumer, type ConsumerDefinition } from './consumer';
import { openDatabase, type SubgraphMigrations } from './db';
import { maskErrors } from './error-masking';
import { leaseFor, type JobLease } from './lease';
import { operationNamePlugin } from './access-log';
import { serveApollo } from './http';
import { CLIENT_OPERATION_HEADER, IDENTITY_HEADER, IdentityTokenVerifier } from './identity-token';
import type { Identity } from './identity';
import { logger } from './logger';
import { ServiceMetrics } from './metrics';
import { queryProtection, SUBGRAPH_LIMITS } from './query-limits';
import { publishBeforeResponding, readYourWritesBarrier, waitForConsumers } from './read-your-writes';
import { numberOutboxOnCommit } from './outbox-numbering';
import { OutboxRelay } from './relay';
import { currentRequest, noteCaller } from './request-id';
import { scalarResolvers } from './scalars';
import { refuseServiceSdlPlugin } from './service-sdl-refusal';
import { isIsoDate, isWithinDateRange, type IsoDate } from './dates';
import { runDueEffects, type EffectHandlers, type EffectuationResult } from './effectuation';
import { traceSql } from './telemetry';
import { AS_OF_HEADER } from './valid-time';

export interface SubgraphContext<L = unknown> {
  identity: Identity;
  /** A fork of the EntityManager for this request only. */
  em: EntityManager;
  loaders: L;
  clock: Clock;
  /** The event bus, for the few resolvers that read the event log itself (notifications). */
  bus: EventBus;
  requestId: string;
  /** The client's operation as the gateway named it (for audit records); 'direct' without one. */
  clientOperation: string;
  /** The analysts' stable keyed pseudonym of a CPR number (core/cpr-pseudonym.ts). */
  pseudonymiseCpr: Pseudonymise;
  /**
   * The day this operation reads as of (`person(cpr:, asOf:)`, forwarded by the gateway); null for
   * today. Reads use `readDay(ctx)` (core/valid-time.ts); writes and access decisions use today.
   */
  asOf: IsoDate | null;
}

export interface SubgraphModule<L = unknown> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<SubgraphContext<L>>;
  entities: EntitySchema[];
  migrations: SubgraphMigrations;
  /** Per-request DataLoaders, so entity references and nested lists batch into few queries. */
  createLoaders(em: EntityManager): L;
  /** Reactions to other subgraphs' events. */
  consumers?: (clock: Clock) => ConsumerDefinition[];
  /** Jobs run on a timer as the system role (STAR's scheduled jobs); each must be idempotent. */
  scheduledJobs?: ScheduledJob<L>[];
  /**
   * What each kind of scheduled effect does on its day (core/effectuation.ts). Due effects are
   * applied at start (catch-up after downtime) and every minute after.
   */
  effects?: EffectHandlers;
}

export interface ScheduledJob<L = unknown> {
  name: string;
  intervalMs: number;
  run(ctx: SubgraphContext<L>): Promise<unknown>;
}

export interface SubgraphRuntime {
  host: string;
  port: number;
  database: DatabaseTarget;
  bus: EventBus;
  clock: Clock;
  identityPublicKey: KeyLike;
  maxBodyBytes?: number;
  /** Run the module's scheduled jobs on their timers (default on; tests run them by mutation). */
  scheduledJobs?: boolean;
  onQuery?: (sql: string) => void;
  /** Key of the analysts' CPR pseudonyms; the same for every subgraph of a deployment. */
  cprPseudonymKey: Buffer;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  orm: MikroORM;
  relay: OutboxRelay;
  httpServer: http.Server;
  /** This subgraph's instruments, served at its /metrics. */
  metrics: ServiceMetrics;
  /** Applies the effects due today now (what the timer does), e.g. after a test moved the clock. */
  effectuate(): Promise<EffectuationResult>;
  stop(): Promise<void>;
}

/** How often a process looks for changes whose day has come; a day-granular rule needs no more. */
export const EFFECTUATION_INTERVAL_MS = 60_000;

export async function startSubgraph<L>(module: SubgraphModule<L>, runtime: SubgraphRuntime): Promise<RunningSubgraph> {
  const orm = await openDatabase({
    subgraph: module.name,
    target: runtime.database,
    entities: module.entities,
    migrations: module.migrations,
    onQuery: runtime.onQuery,
  });
  traceSql(orm, module.name, runtime.database.kind);
  numberOutboxOnCommit(orm, module.name, runtime.database.kind === 'postgresql');
  const log = logger.child({ service: module.name });
  const relay = new OutboxRelay(orm, runtime.bus, module.name, { lockStreamRow: runtime.database.kind === 'postgresql', log });
  const verifier = new IdentityTokenVerifier(runtime.identityPublicKey, module.name);
  const metrics = subgraphMetrics(module.name, orm, relay, log);
  // Filled once the server is up; read your own writes (core/read-your-writes.ts) waits on them.
  const subscriptions: DurableSubscription[] = [];
  // Limits of its own, not only the gateway's: a leaked identity token must not buy unbounded work.
  const protection = queryProtection<SubgraphContext<L>>(SUBGRAPH_LIMITS);

  const apollo = new ApolloServer<SubgraphContext<L>>({
    schema: buildSubgraphSchema([{ typeDefs: module.typeDefs, resolvers: { ...scalarResolvers, ...module.resolvers } as GraphQLResolverMap<unknown> }]),
    formatError: maskErrors(log, module.name),
    includeStacktraceInErrorResponses: false,
    // Subgraphs are only reachable through the gateway, which composes from the checked-in supergraph.
    introspection: false,
    logger: log,
    // The process drains on SIGTERM itself (scripts/start.ts); Apollo's own handler would stop
    // answering in-flight requests and re-raise the signal.
    stopOnTerminationSignals: false,
    validationRules: protection.validationRules,
    parseOptions: protection.parseOptions,
    // Inline traces are for Apollo's hosted reporting, which this deployment does not use.
    plugins: [ApolloServerPluginInlineTraceDisabled(), operationNamePlugin(), refuseServiceSdlPlugin(), ...protection.plugins, waitForConsumers(readYourWritesBarrier(subscriptions, log)), publishBeforeResponding(relay)],
  });
  await apollo.start();

  const pseudonymiseCpr = cprPseudonymiser(runtime.cprPseudonymKey);
  const served = await serveApollo(apollo, {
    host: runtime.host,
    port: runtime.port,
    maxBodyBytes: runtime.maxBodyBytes ?? 1_000_000,
    service: module.name,
    metrics,
    readiness: [
      { name: 'database', check: () => orm.em.getConnection().execute('select 1') },
      { name: 'bus', check: () => runtime.bus.latestSequence() },
    ],
    onUnready: (name, error) => log.warn({ err: error, dependency: name }, 'not ready'),
    context: async (req) => {
      const header = req.headers[IDENTITY_HEADER];
      const identity = await verifier.verify(Array.isArray(header) ? header[0] : header);
      noteCaller(identity);
      const em = orm.em.fork();
      const operation = req.headers[CLIENT_OPERATION_HEADER];
      const clientOperation = (Array.isArray(operation) ? operation[0] : operation)?.slice(0, 200) || 'direct';
      return { identity, em, loaders: module.createLoaders(em), clock: runtime.clock, bus: runtime.bus, requestId: currentRequest()?.requestId ?? randomUUID(), clientOperation, pseudonymiseCpr, asOf: asOfFrom(req.headers[AS_OF_HEADER]) };
    },
  });

  for (const consumer of module.consumers?.(runtime.clock) ?? []) {
    subscriptions.push(await startConsumer(orm, runtime.bus, consumer, metrics));
  }
  relay.start();
  await relay.drain();
  const jobs = runtime.scheduledJobs === false ? [] : (module.scheduledJobs ?? []).map((job) => scheduleJob(module, job, orm, runtime, pseudonymiseCpr));
  const timers = jobs.map((job) => job.timer);
  const effectuation = effectuator(module, orm, runtime, relay, log, metrics);
  // Catch-up: whatever fell due while the process was down takes effect before the first tick.
  await effectuation.run();
  if (module.effects && runtime.scheduledJobs !== false) timers.push(effectuation.every(EFFECTUATION_INTERVAL_MS));

  let stopping: Promise<void> | undefined;
  return {
    name: module.name,
    url: served.url,
    orm,
    relay,
    httpServer: served.server,
    metrics,
    effectuate: () => effectuation.run(),
    stop() {
      stopping ??= stopOnce();
      return stopping;
    },
  };

  /** Once, however often it is asked (a test stops one subgraph, then the whole system). */
  async function stopOnce(): Promise<void> {
    timers.forEach((timer) => clearInterval(timer));
    // Another replica takes the jobs over at its next tick rather than after this process is gone.
    await Promise.all(jobs.map((job) => job.lease.close()));
    // Requests in flight finish first; then what they committed is published before the relay stops.
    await served.close();
    // A failure leaves the rows in the outbox, published by the next start.
    await relay.drain().catch((error: unknown) => log.error({ err: error }, 'could not publish the outbox before stopping'));
    relay.stop();
    await Promise.all(subscriptions.map((s) => s.close()));
    await apollo.stop();
    await orm.close();
  }
}

/**
 * Runs a job every `intervalMs` with a system identity and a fresh context; a run never overlaps the
 * previous one, and on PostgreSQL only the replica holding the job's lease runs it (core/lease.ts:
 * the others skip their ticks); a failure is logged and retried at the next tick (jobs are idempotent).
 */
function scheduleJob<L>(module: SubgraphModule<L>, job: ScheduledJob<L>, orm: MikroORM, runtime: SubgraphRuntime, pseudonymiseCpr: Pseudonymise): { timer: NodeJS.Timeout; lease: JobLease } {
  let running = false;
  const log = logger.child({ subgraph: module.name, job: job.name });
  const lease = leaseFor(runtime.database, `dfdg-${module.name}-job`, (error) => log.warn({ err: error }, 'lost the connection holding the job lease'));
  // A job failing tick after tick (its database down) logs when it starts failing and when it recovers.
  const backoff = createBackoff({ name: `scheduled job ${job.name}`, log });
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    const em = orm.em.fork();
    const ctx: SubgraphContext<L> = {
      identity: { subject: `scheduler:${job.name}`, role: 'system', authority: 'STAR' },
      em,
      loaders: module.createLoaders(em),
      clock: runtime.clock,
      bus: runtime.bus,
      requestId: randomUUID(),
      clientOperation: `scheduled ${job.name}`,
      pseudonymiseCpr,
      asOf: null,
    };
    lease
      .runExclusively(`job:${module.name}:${job.name}`, () => job.run(ctx))
      .then((run) => {
        backoff.succeeded();
        if (run.ran) log.info({ result: run.result }, 'scheduled job ran');
        else log.debug('another replica holds this job; skipped');
      })
      .catch((error: unknown) => backoff.failed(error))
      .finally(() => {
        running = false;
      });
  }, job.intervalMs);
  timer.unref();
  return { timer, lease };
}

/** The as-of day the gateway forwarded; anything but one valid date reads as today. */
function asOfFrom(header: string | string[] | undefined): IsoDate | null {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && isIsoDate(value) && isWithinDateRange(value) ? value : null;
}

/**
 * Runs the module's due effects, one run at a time (a tick that finds a run in progress waits for
 * it), and publishes what they recorded at once so the other subgraphs react on the day.
 */
function effectuator<L>(module: SubgraphModule<L>, orm: MikroORM, runtime: SubgraphRuntime, relay: OutboxRelay, log: typeof logger, metrics: ServiceMetrics) {
  let running: Promise<EffectuationResult> | null = null;
  const once = async (): Promise<EffectuationResult> => {
    if (!module.effects) return { applied: 0, failed: 0 };
    const result = await runDueEffects(orm.em.fork(), runtime.clock, module.effects, (effect, error) =>
      log.error({ err: error, effect: { id: effect.id, kind: effect.kind, effectiveOn: effect.effectiveOn } }, 'a scheduled change could not take effect; retried at the next run'),
    );
    metrics.effects.inc({ outcome: 'applied' }, result.applied);
    metrics.effects.inc({ outcome: 'failed' }, result.failed);
    if (result.applied > 0) {
      log.info({ applied: result.applied }, 'scheduled changes took effect');
      await relay.drain();
    }
    return result;
  };
  const run = async (): Promise<EffectuationResult> => {
    while (running) await running.catch(() => undefined);
    running = once().finally(() => {
      running = null;
    });
    return running;
  };
  return {
    run,
    every(intervalMs: number): NodeJS.Timeout {
      const backoff = createBackoff({ name: 'effectuation', log });
      const timer = setInterval(() => void run().then(() => backoff.succeeded(), (error: unknown) => backoff.failed(error)), intervalMs);
      timer.unref();
      return timer;
    },
  };
}

/** The subgraph's registry: request instruments (fed by core/http.ts), and gauges read from its database at scrape time. */
function subgraphMetrics(name: string, orm: MikroORM, relay: OutboxRelay, log: typeof logger): ServiceMetrics {
  const metrics = new ServiceMetrics(name);
  const unread = (error: unknown) => log.debug({ err: error }, 'a metric could not be read');
  metrics.relayBacklog(() => relay.backlog(), unread);
  if (orm.getMetadata().has('RetentionRun')) {
    metrics.retentionRuns(async () => {
      const rows = (await orm.em.fork().getConnection().execute('select kind, count(*) as runs, sum(deleted) as deleted from retention_run group by kind')) as {
        kind: string;
        runs: number | string;
        deleted: number | string | null;
      }[];
      return rows.map((row) => ({ kind: row.kind, runs: Number(row.runs), deleted: Number(row.deleted ?? 0) }));
    }, unread);
  }
  return metrics;
}
