// A stand-in for an operator's collector: a plain HTTP server on loopback that accepts OTLP/HTTP
// trace exports in the JSON encoding (OTEL_EXPORTER_OTLP_PROTOCOL=http/json) and keeps every span.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

interface Attribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number };
}

export interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Attribute[];
  /** Added here: the exporting process's service.name and the tracer (scope) name. */
  resourceService: string;
  scope: string;
}

interface ExportRequest {
  resourceSpans?: { resource: { attributes: Attribute[] }; scopeSpans: { scope: { name: string }; spans: Omit<ExportedSpan, 'resourceService' | 'scope'>[] }[] }[];
}

/** OTLP span kinds. */
export const SpanKinds = { INTERNAL: 1, SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 } as const;

export interface OtlpReceiver {
  /** For OTEL_EXPORTER_OTLP_ENDPOINT. */
  endpoint: string;
  spans: ExportedSpan[];
  /** The request paths exports arrived at. */
  paths: string[];
  close(): Promise<void>;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ExportedSpan[] = [];
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      paths.push(req.url ?? '');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ExportRequest;
      for (const resourceSpans of body.resourceSpans ?? []) {
        const resourceService = attribute(resourceSpans.resource, 'service.name') ?? '';
        for (const scopeSpans of resourceSpans.scopeSpans) {
          for (const span of scopeSpans.spans) spans.push({ ...span, resourceService, scope: scopeSpans.scope.name });
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    paths,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function attribute(span: { attributes: Attribute[] }, key: string): string | undefined {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : String(value.intValue));
}

export function descendsFrom(span: ExportedSpan, ancestor: ExportedSpan, all: ExportedSpan[]): boolean {
  const byId = new Map(all.map((s) => [s.spanId, s]));
  for (let at = byId.get(span.parentSpanId ?? ''); at; at = byId.get(at.parentSpanId ?? '')) if (at === ancestor) return true;
  return false;
}

/** A W3C traceparent of a client's own span: trace id and span id fresh. */
export function clientTraceparent(): { header: string; traceId: string; spanId: string } {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { header: `00-${traceId}-${spanId}-01`, traceId, spanId };
}
