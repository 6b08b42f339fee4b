// OpenTelemetry traces, configured by the standard OTEL_* variables and off unless an exporter is
// named: a hub of CPR data on a closed network sends nothing anywhere by default (test/no-outbound).
// The SDK is @opentelemetry/sdk-node with the HTTP instrumentation (server spans, W3C traceparent
// taken from clients); what no instrumentation covers on Node 20 (the gateway's undici calls to
// subgraphs, MikroORM's SQL, the event bus) gets a span here by hand through @opentelemetry/api.
// In the embedded mode one process holds every service, so every span also names its service in
// `dfdg.service` and comes from the tracer `dfdg.<service>` (docs/operations.md, "Traces").
import { context, propagation, trace, INVALID_SPAN_CONTEXT, ROOT_CONTEXT, SpanKind, SpanStatusCode, type Context, type Span, type Tracer } from '@opentelemetry/api';
import type { NodeSDK } from '@opentelemetry/sdk-node';
import type { MikroORM } from '@mikro-orm/core';
import { flag, optional } from './config';

/** The span attribute naming the service (gateway, person, …) a span belongs to. */
export const SERVICE_ATTRIBUTE = 'dfdg.service';

/** W3C trace-context headers (traceparent, tracestate) as carried in an event's envelope. */
export type TraceCarrier = Record<string, string>;

let sdk: NodeSDK | null = null;

/**
 * Traces are exported only when asked for: OTEL_TRACES_EXPORTER names an exporter other than
 * `none`, or an OTLP endpoint is set; OTEL_SDK_DISABLED turns them off whatever else is set.
 */
export function tracesRequested(source?: NodeJS.ProcessEnv): boolean {
  if (flag('OTEL_SDK_DISABLED', source)) return false;
  const exporters = optional('OTEL_TRACES_EXPORTER', source);
  if (exporters) return exporters.split(',').some((e) => !['none', 'null'].includes(e.trim()));
  return Boolean(optional('OTEL_EXPORTER_OTLP_ENDPOINT', source) ?? optional('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', source));
}

/**
 * Starts the SDK before the process loads its HTTP server code (scripts/start.ts), so the HTTP
 * instrumentation is in place. `serviceName` is the process's service.name unless
 * OTEL_SERVICE_NAME says otherwise. Returns whether traces are on.
 */
export function startTelemetry(serviceName: string): boolean {
  if (sdk || !tracesRequested()) return sdk !== null;
  // Loaded only when traces are on: the SDK and its exporters cost start-up time otherwise.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  /* eslint-enable @typescript-eslint/no-require-imports */
  sdk = new NodeSDK({
    // OTEL_SERVICE_NAME (read by the SDK's environment detector) wins over the process's own name.
    serviceName: optional('OTEL_SERVICE_NAME') ?? serviceName,
    // Traces only: without these the SDK would also export metrics and logs to the OTLP default.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        // Probes and the explorer's static files are not worth a trace each.
        ignoreIncomingRequestHook: (req) => /^\/(health|ready|explorer)/.test(req.url ?? ''),
      }),
    ],
  });
  sdk.start();
  return true;
}

/** Exports the spans still buffered and stops the SDK (on shutdown, after the servers drained). */
export async function stopTelemetry(): Promise<void> {
  const running = sdk;
  sdk = null;
  await running?.shutdown();
}

const NO_SPAN = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

export function tracerFor(service: string): Tracer {
  return trace.getTracer(`dfdg.${service}`);
}

/** Runs `work` in a new active span, ended (and marked failed on a throw) when it settles. */
export function inSpan<T>(service: string, name: string, options: { kind?: SpanKind; parent?: Context; attributes?: Record<string, string | number> }, work: (span: Span) => Promise<T>): Promise<T> {
  // Traces off (the default): no span, no context switch, nothing on the request's path.
  if (!sdk) return work(NO_SPAN);
  const attributes = { [SERVICE_ATTRIBUTE]: service, ...options.attributes };
  return tracerFor(service).startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes }, options.parent ?? context.active(), async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * A GraphQL request served by `service`. Under the HTTP instrumentation it is a child of that
 * request's server span; without it (a test in one process) it continues the client's traceparent.
 */
export function serveInSpan<T>(service: string, headers: Record<string, string | string[] | undefined>, work: () => Promise<T>): Promise<T> {
  const instrumented = trace.getSpan(context.active()) !== undefined;
  const parent = instrumented ? context.active() : propagation.extract(context.active(), headers);
  return inSpan(service, `${service} graphql`, { kind: instrumented ? SpanKind.INTERNAL : SpanKind.SERVER, parent }, () => work());
}

/** The active trace context as W3C headers, for an outgoing call or an event's envelope. */
export function currentTraceCarrier(): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** The trace context an event or request carried (the active one when it carried none). */
export function contextFrom(carrier: TraceCarrier | undefined): Context {
  return carrier ? propagation.extract(context.active(), carrier) : context.active();
}

/** The trace each event was recorded in, by event id, until this process's relay publishes it. */
const recordedIn = new Map<string, TraceCarrier>();
/** Bounds what events recorded here but published elsewhere (another replica, a rolled-back write) leave behind. */
const MAX_RECORDED = 10_000;

/**
 * Remembers the active trace for an event written to the outbox now, so the relay's publish
 * joins the trace of the request that caused it even when the relay runs later on its timer.
 * Kept in memory only: after a restart, or when another replica's relay publishes the event, its
 * publish starts a trace of its own (docs/operations.md, "Traces").
 */
export function rememberTraceOf(eventId: string): void {
  if (!sdk || !trace.getSpan(context.active())) return;
  recordedIn.set(eventId, currentTraceCarrier());
  if (recordedIn.size > MAX_RECORDED) recordedIn.delete(recordedIn.keys().next().value!);
}

/** The trace an event was recorded in (see rememberTraceOf); the active one if unknown here. */
export function recordedTraceOf(eventId: string): Context {
  const carrier = recordedIn.get(eventId);
  recordedIn.delete(eventId);
  return carrier ? propagation.extract(ROOT_CONTEXT, carrier) : context.active();
}

/**
 * A span around every SQL statement the ORM runs, in the caller's trace. MikroORM has no
 * OpenTelemetry instrumentation and the knex/pg ones need Node 22, so the connection's one
 * execution hook (the one its query log uses) is wrapped; SQLite and PostgreSQL alike.
 */
export function traceSql(orm: MikroORM, service: string, system: 'sqlite' | 'postgresql'): void {
  if (!sdk) return;
  const connection = orm.em.getConnection() as unknown as { executeQuery: (query: string, cb: () => Promise<unknown>, ctx?: unknown) => Promise<unknown> };
  const execute = connection.executeQuery.bind(connection);
  connection.executeQuery = (query, cb, ctx) => {
    // Spans only inside a trace: the relay's and effectuation's idle polling would be noise.
    if (!trace.getSpan(context.active())) return execute(query, cb, ctx);
    // The statement with placeholders, never its parameters: no CPR number or name reaches the collector.
    const text = (ctx as { query?: unknown } | undefined)?.query;
    const statement = typeof text === 'string' ? text : query;
    const operation = /^\s*(\w+)/.exec(statement)?.[1]?.toLowerCase() ?? 'sql';
    const attributes = { 'db.system.name': system, 'db.operation.name': operation, ...(typeof text === 'string' ? { 'db.query.text': text.slice(0, 2000) } : {}) };
    return inSpan(service, `${operation} ${system}`, { kind: SpanKind.CLIENT, attributes }, () => execute(query, cb, ctx));
  };
}
