// Liveness and readiness (issue 19): /health says the process runs; /ready says whether it can
// answer, and names what it cannot reach: a subgraph for the gateway, the database for a subgraph.
import { startTestSystem, type TestSystem } from './support/system';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ today: '2026-11-23' });
});
afterAll(() => t.stop());

async function get(base: string, path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL(path, base));
  const text = await response.text();
  return { status: response.status, body: path === '/ready' ? (JSON.parse(text) as unknown) : text };
}

const subgraph = (name: string) => t.system.subgraphs.find((s) => s.name === name)!;

it('is ready when every subgraph, database and the bus answer', async () => {
  const gateway = await get(t.url, '/ready');
  expect(gateway.status).toBe(200);
  expect(gateway.body).toEqual({
    ready: true,
    checks: { person: 'ok', absence: 'ok', plan: 'ok', recruitment: 'ok', payment: 'ok', notifications: 'ok', bus: 'ok' },
  });
  expect(await get(subgraph('absence').url, '/ready')).toEqual({ status: 200, body: { ready: true, checks: { database: 'ok', bus: 'ok' } } });
});

it("a subgraph whose database is gone is alive but not ready; the gateway names a stopped subgraph", async () => {
  await subgraph('plan').orm.close();
  expect(await get(subgraph('plan').url, '/health')).toEqual({ status: 200, body: 'ok' });
  expect(await get(subgraph('plan').url, '/ready')).toEqual({ status: 503, body: { ready: false, checks: { database: 'unavailable', bus: 'ok' } } });

  await subgraph('payment').stop();
  const gateway = await get(t.url, '/ready');
  expect(gateway.status).toBe(503);
  expect(gateway.body).toMatchObject({ ready: false, checks: { payment: 'unavailable', person: 'ok', bus: 'ok' } });
  expect(await get(t.url, '/health')).toEqual({ status: 200, body: 'ok' });
});
