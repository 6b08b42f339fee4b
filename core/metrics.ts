// Prometheus metrics (prom-client): one registry per service, served at /metrics on the service's own
// port, so in the embedded mode each subgraph's server still reports only its own figures. Not behind
// auth: it shows no data, only counts; keep the port off the public network (docs/operations.md).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** How a request ended: no errors, only errors the client can act on, or a fault of ours or an outage. */
export type Outcome = 'ok' | 'client_error' | 'server_error';

/** Codes that say the service, not the caller, failed. */
const SERVER_ERROR_CODES = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);

/** Codes of a limit refusing a request, counted by kind in dfdg_refusals_total. */
export const REFUSAL_CODES = new Set(['RATE_LIMITED', 'QUERY_TOO_COSTLY', 'GRAPHQL_VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'TOO_MANY_SUBSCRIPTIONS', 'OPERATION_NOT_TRUSTED']);

/**
 * A label value must come from a bounded set, or a client sending a new operation name per request
 * would grow the registry without end: names past this many distinct ones are counted as "other".
 */
const MAX_OPERATION_NAMES = 200;

/** From 5 ms to 10 s: a cached read is a few ms; past the 10 s drain deadline nothing is answered. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function outcomeOf(status: number, errorCodes: readonly string[]): Outcome {
  if (status >= 500 || errorCodes.some((code) => SERVER_ERROR_CODES.has(code))) return 'server_error';
  if (status >= 400 || errorCodes.length > 0) return 'client_error';
  return 'ok';
}

export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  readonly requests = new Counter({ name: 'dfdg_requests_total', help: 'GraphQL requests over HTTP by operation name and outcome.', labelNames: ['operation', 'outcome'] as const, registers: [this.registry] });
  readonly requestDuration = new Histogram({ name: 'dfdg_request_duration_seconds', help: 'Time from a GraphQL request arriving to its response being sent.', labelNames: ['operation', 'outcome'] as const, buckets: LATENCY_BUCKETS, registers: [this.registry] });
  readonly refusals = new Counter({ name: 'dfdg_refusals_total', help: 'Requests and subscriptions refused by a limit, by the code the client was given.', labelNames: ['kind'] as const, registers: [this.registry] });
  readonly subgraphFetchDuration = new Histogram({ name: 'dfdg_subgraph_fetch_duration_seconds', help: 'Gateway: one fetch from a subgraph, by subgraph and outcome.', labelNames: ['subgraph', 'outcome'] as const, buckets: LATENCY_BUCKETS, registers: [this.registry] });
  readonly subscriptionsOpen = new Gauge({ name: 'dfdg_subscriptions_open', help: 'Gateway: subscriptions currently live in this process.', registers: [this.registry] });
  readonly consumed = new Counter({ name: 'dfdg_consumer_events_total', help: 'Events a consumer handled (or found already handled), by consumer, stream and outcome.', labelNames: ['consumer', 'stream', 'outcome'] as const, registers: [this.registry] });
  readonly consumerPosition = new Gauge({ name: 'dfdg_consumer_position', help: 'The last stream position a consumer handled.', labelNames: ['consumer', 'stream'] as const, registers: [this.registry] });
  readonly consumerLag = new Gauge({ name: 'dfdg_consumer_lag_seconds', help: 'Age of the last event a consumer handled, when it handled it (from its occurredAt).', labelNames: ['consumer', 'stream'] as const, registers: [this.registry] });
  readonly deliveryAttempts = new Counter({ name: 'dfdg_delivery_attempts_total', help: 'Gateway: push delivery attempts this process made, by outcome.', labelNames: ['outcome'] as const, registers: [this.registry] });
  readonly effects = new Counter({ name: 'dfdg_scheduled_effects_total', help: 'Scheduled (valid-time) effects this process applied or failed to apply.', labelNames: ['outcome'] as const, registers: [this.registry] });

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  /** The operation name as a label: as sent, but bounded in length and in distinct values. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    const label = name.slice(0, 100);
    if (this.operations.has(label)) return label;
    if (this.operations.size >= MAX_OPERATION_NAMES) return 'other';
    this.operations.add(label);
    return label;
  }

  /** One finished HTTP GraphQL request. */
  observeRequest(operation: string | null | undefined, status: number, errorCodes: readonly string[], seconds: number): void {
    const labels = { operation: this.operationLabel(operation), outcome: outcomeOf(status, errorCodes) };
    this.requests.inc(labels);
    this.requestDuration.observe(labels, seconds);
    for (const code of new Set(errorCodes)) if (REFUSAL_CODES.has(code)) this.refusals.inc({ kind: code });
  }

  /** Relay gauges read from the outbox at scrape time, so they are right however the rows got there. */
  relayBacklog(read: () => Promise<{ rows: number; oldest: Date | null }>, onError: (error: unknown) => void): void {
    const reading = oneReadPerScrape(read, onError);
    new Gauge({
      name: 'dfdg_relay_backlog',
      help: 'Outbox rows committed but not yet published to the bus.',
      registers: [this.registry],
      async collect() {
        const backlog = await reading();
        // A database that is down must not fail the scrape: the gauge says "unknown", the rest say more.
        this.set(backlog ? backlog.rows : NaN);
      },
    });
    new Gauge({
      name: 'dfdg_relay_lag_seconds',
      help: 'Age of the oldest unpublished outbox row (0 when none waits).',
      registers: [this.registry],
      async collect() {
        const backlog = await reading();
        this.set(!backlog ? NaN : backlog.oldest ? Math.max(0, (Date.now() - backlog.oldest.getTime()) / 1000) : 0);
      },
    });
  }

  /** Retention figures read from retention_run at scrape time: the same on every replica, kept over restarts. */
  retentionRuns(read: () => Promise<{ kind: string; runs: number; deleted: number }[]>, onError: (error: unknown) => void): void {
    const reading = oneReadPerScrape(read, onError);
    for (const [name, help, field] of [
      ['dfdg_retention_runs', 'Retention runs recorded per data kind (all replicas, since the database began).', 'runs'],
      ['dfdg_retention_deleted_rows', 'Rows retention deleted per data kind (all replicas, since the database began).', 'deleted'],
    ] as const) {
      new Gauge({
        name,
        help,
        labelNames: ['kind'] as const,
        registers: [this.registry],
        async collect() {
          const rows = await reading();
          if (!rows) return void this.reset();
          for (const row of rows) this.set({ kind: row.kind }, row[field]);
        },
      });
    }
  }

  /** The text a Prometheus scrape reads. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/**
 * The registry collects all gauges of a scrape at once: gauges fed by one query share one reading
 * (the one in flight) instead of querying once each. Null when the read failed.
 */
function oneReadPerScrape<T>(read: () => Promise<T>, onError: (error: unknown) => void): () => Promise<T | null> {
  let inFlight: Promise<T | null> | null = null;
  return () =>
    (inFlight ??= read()
      .catch((error: unknown) => {
        onError(error);
        return null;
      })
      .finally(() => {
        inFlight = null;
      }));
}
