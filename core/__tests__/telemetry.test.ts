// When a process exports traces: only when the operator names an exporter or an OTLP endpoint, so
// a deployment that configures nothing sends nothing (test/no-outbound.test.ts proves the rest).
import { tracesRequested } from '../telemetry';

it.each([
  [{}, false],
  [{ OTEL_SERVICE_NAME: 'person' }, false],
  [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, true],
  [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, true],
  [{ OTEL_TRACES_EXPORTER: 'otlp' }, true],
  [{ OTEL_TRACES_EXPORTER: 'console' }, true],
  [{ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, false],
  [{ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, false],
  [{ OTEL_EXPORTER_OTLP_ENDPOINT: '' }, false],
] as [NodeJS.ProcessEnv, boolean][])('with %j traces are exported: %s', (environment, expected) => {
  expect(tracesRequested(environment)).toBe(expected);
});
