// The request instruments' labels: the outcome classes, and the bound on operation names a client
// could otherwise grow without end (one new label value per request).
import { outcomeOf, ServiceMetrics } from '../metrics';

it('classes a response by its status and its error codes', () => {
  expect(outcomeOf(200, [])).toBe('ok');
  expect(outcomeOf(200, ['INVALID_CPR'])).toBe('client_error');
  expect(outcomeOf(429, ['RATE_LIMITED'])).toBe('client_error');
  expect(outcomeOf(200, ['INVALID_CPR', 'SERVICE_UNAVAILABLE'])).toBe('server_error');
  expect(outcomeOf(200, ['INTERNAL_SERVER_ERROR'])).toBe('server_error');
  expect(outcomeOf(503, [])).toBe('server_error');
});

it('keeps at most 200 operation names, later ones counted as "other", each at most 100 characters', async () => {
  const metrics = new ServiceMetrics('test');
  for (let i = 0; i < 250; i++) metrics.observeRequest(`Operation${i}`, 200, [], 0.01);
  metrics.observeRequest('Operation0', 200, [], 0.01);
  metrics.observeRequest(null, 200, [], 0.01);
  expect(metrics.operationLabel('x'.repeat(300))).toBe('other');

  const { body } = await metrics.exposition();
  const operations = [...body.matchAll(/^dfdg_requests_total\{operation="([^"]*)"/gm)].map((m) => m[1]);
  expect(operations).toHaveLength(202);
  expect(body).toContain('dfdg_requests_total{operation="Operation0",outcome="ok",service="test"} 2');
  expect(body).toContain('dfdg_requests_total{operation="other",outcome="ok",service="test"} 50');
  expect(body).toContain('dfdg_requests_total{operation="anonymous",outcome="ok",service="test"} 1');
  expect(new ServiceMetrics('fresh').operationLabel('y'.repeat(300))).toBe('y'.repeat(100));
});

it('counts a refusal once per request and kind, however many errors carry the code', async () => {
  const metrics = new ServiceMetrics('test');
  metrics.observeRequest('Deep', 400, ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_VALIDATION_FAILED'], 0.001);
  metrics.observeRequest('Bad', 200, ['INVALID_CPR'], 0.001);
  const { body } = await metrics.exposition();
  expect(body).toContain('dfdg_refusals_total{kind="GRAPHQL_VALIDATION_FAILED",service="test"} 1');
  expect(body).not.toContain('kind="INVALID_CPR"');
});
