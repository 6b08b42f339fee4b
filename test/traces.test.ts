// Traces as an operator's collector receives them: `npm start` (the embedded system, a child
// process) exports OTLP/HTTP JSON to a receiver in this test. A client's traceparent is continued
// through the gateway into every subgraph the query touched, down to the SQL; a mutation's event
// carries its trace over the bus to the consumers and to a subscriber's follow-up fetch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import { attribute, clientTraceparent, descendsFrom, SpanKinds, startOtlpReceiver, type ExportedSpan, type OtlpReceiver } from './support/otlp-receiver';
import { startProcess, type StartedProcess } from './support/start-process';
import { postGraphQL } from './support/system';
import { collect, waitFor, wsClient } from './support/ws';

jest.setTimeout(120_000);

const { SERVER, CLIENT, PRODUCER, CONSUMER } = SpanKinds;
const CPR = '0101901234';

let dir: string;
let dataDir: string;
let receiver: OtlpReceiver;
let spans: ExportedSpan[];
let started: StartedProcess;
let url: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-traces-'));
  dataDir = path.join(dir, 'data');
  receiver = await startOtlpReceiver();
  spans = receiver.spans;
  started = startProcess({
    env: {
      DATA_DIR: dataDir,
      PORT: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '50',
    },
  });
  url = String((await started.waitForLog('gateway and five subgraphs are up')).url);
});

afterAll(async () => {
  await started.stop();
  await receiver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const traces = { upsert: clientTraceparent(), change: clientTraceparent(), query: clientTraceparent() };
let stopCode: number | null;

it('serves requests that carry a traceparent, a subscriber among them, and exports every span by the time it stops', async () => {
  const key = await devClientSigningKey(dataDir);
  const system = await issueClientToken(key, { role: 'system', authority: 'STAR' });
  const caseworker = await issueClientToken(key, { role: 'caseworker', authority: '101' });
  const as = (token: string, trace: { header: string }) => ({ authorization: `Bearer ${token}`, traceparent: trace.header });

  const subscriber = wsClient(url, () => ({ authorization: `Bearer ${caseworker}` }));
  const notifications = collect<{ notifications: { kind: string } }>(subscriber, 'subscription { notifications { kind person { name } } }');

  const upsert = await postGraphQL(url, 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr: CPR, name: 'Mette Jensen', municipalityCode: '101' } }, as(system, traces.upsert));
  expect(upsert.errors).toBeUndefined();
  const change = await postGraphQL(url, 'mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr: CPR, contactGroupId: 1, start: '2026-09-01' } }, as(caseworker, traces.change));
  expect(change.errors).toBeUndefined();
  const query = await postGraphQL(
    url,
    'query($cpr: String!) { person(cpr: $cpr) { name contactGroup { contactGroup { name } } absences { id } plan { version } } }',
    { cpr: CPR },
    as(caseworker, traces.query),
  );
  expect(query.errors).toBeUndefined();
  await waitFor(() => notifications.results.some((r) => r.notifications.kind === 'CONTACT_GROUP_CHANGED'), 30_000);
  notifications.dispose();
  await subscriber.dispose();

  // Stopping exports what is still buffered.
  stopCode = await started.stop();
  expect(stopCode).toBe(0);
  expect(new Set(receiver.paths)).toEqual(new Set(['/v1/traces']));
});

describe('the client query', () => {
  const inTrace = () => spans.filter((s) => s.traceId === traces.query.traceId);

  it('is one trace, the client\'s: its root is the gateway\'s server span, child of the client\'s span', () => {
    const roots = inTrace().filter((s) => s.parentSpanId === traces.query.spanId);
    expect(roots.map((s) => [s.kind, attribute(s, 'http.route') ?? s.name])).toEqual([[SERVER, expect.stringContaining('POST')]]);
    // Every other span hangs off a span of the same trace: one tree, no orphan.
    const ids = new Set(inTrace().map((s) => s.spanId));
    expect(inTrace().filter((s) => s !== roots[0] && !ids.has(s.parentSpanId ?? ''))).toEqual([]);
  });

  it('reaches every subgraph the query touched, each continuing the gateway\'s call to it', () => {
    const byId = new Map(inTrace().map((s) => [s.spanId, s]));
    const served = inTrace().filter((s) => s.name.endsWith(' graphql'));
    expect(new Set(served.map((s) => attribute(s, 'dfdg.service')))).toEqual(new Set(['gateway', 'person', 'absence', 'plan']));
    for (const span of served.filter((s) => attribute(s, 'dfdg.service') !== 'gateway')) {
      // subgraph graphql span ← its HTTP server span ← the gateway's client span for that subgraph
      const httpServer = byId.get(span.parentSpanId!)!;
      const call = byId.get(httpServer.parentSpanId!)!;
      expect([httpServer.kind, call.kind, call.name, attribute(call, 'dfdg.service')]).toEqual([SERVER, CLIENT, `fetch ${attribute(span, 'dfdg.service')}`, 'gateway']);
    }
  });

  it('shows each subgraph\'s SQL, with placeholders and never the CPR number', () => {
    const sql = inTrace().filter((s) => attribute(s, 'db.system.name') === 'sqlite');
    expect(new Set(sql.map((s) => attribute(s, 'dfdg.service')))).toEqual(new Set(['person', 'absence', 'plan']));
    expect(sql.every((s) => s.kind === CLIENT && s.name.startsWith('select'))).toBe(true);
    expect(spans.filter((s) => JSON.stringify(s).includes(CPR))).toEqual([]);
  });

  it('names the embedded process as one service and each part by its tracer and attribute', () => {
    expect(new Set(inTrace().map((s) => s.resourceService))).toEqual(new Set(['dfdg']));
    const own = inTrace().filter((s) => s.scope.startsWith('dfdg.'));
    expect(own.every((s) => s.scope === `dfdg.${attribute(s, 'dfdg.service')}`)).toBe(true);
  });
});

describe('the mutation\'s event', () => {
  const inTrace = () => spans.filter((s) => s.traceId === traces.change.traceId);

  it('is published in the mutation\'s trace and consumed by absence and plan as children of that publish', () => {
    const sent = inTrace().filter((s) => s.kind === PRODUCER && attribute(s, 'dfdg.event.kind') === 'CONTACT_GROUP_CHANGED');
    expect(sent.map((s) => [s.name, attribute(s, 'dfdg.service')])).toEqual([['send person', 'person']]);
    const consumed = inTrace().filter((s) => s.kind === CONSUMER && s.parentSpanId === sent[0].spanId);
    // absence and plan react to it; the other subgraphs hear the person stream too.
    expect([...new Set(consumed.map((s) => attribute(s, 'dfdg.service')))]).toEqual(expect.arrayContaining(['absence', 'plan']));
    // What a consumer wrote is in the trace too.
    const consumerIds = new Set(consumed.map((s) => s.spanId));
    expect(inTrace().some((s) => consumerIds.has(s.parentSpanId ?? '') && attribute(s, 'db.system.name') === 'sqlite')).toBe(true);
  });

  it('leads to the subscriber\'s follow-up fetch, through the gateway to the subgraphs, in the same trace', () => {
    const followUps = inTrace().filter((s) => s.name === 'notification follow-up' && attribute(s, 'dfdg.event.kind') === 'CONTACT_GROUP_CHANGED');
    expect(followUps).toHaveLength(1);
    // The change's CV_REQUIREMENT_CHANGED, in the same trace, has a follow-up too: when the two run
    // at once, the gateway merges their identical person fetches (data-source.ts), and the one call
    // to person is made under whichever follow-up came first.
    const allFollowUps = inTrace().filter((s) => s.name === 'notification follow-up');
    // @apollo/gateway's own spans (gateway.request, gateway.fetch, …) sit between.
    const served = inTrace().filter((s) => s.name.endsWith(' graphql') && allFollowUps.some((f) => descendsFrom(s, f, inTrace())));
    expect(served.map((s) => attribute(s, 'dfdg.service'))).toEqual(expect.arrayContaining(['notifications', 'person']));
  });
});
