// Traces across processes, as deployed: the person subgraph and the gateway each their own
// `npm start` process, each exporting under its own service.name to one collector. The person
// process continues the trace from the traceparent the gateway sent it. With NATS configured
// (TEST_NATS_URL), an event crosses JetStream with its trace context: the gateway's follow-up
// fetch for a subscriber lands in the trace of the mutation that caused it, though the relay
// published it later, on its timer, in another process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { connect } from 'nats';
import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { dropPostgresDatabase } from '../core/db';
import { issueClientToken } from '../gateway/tokens';
import { attribute, clientTraceparent, descendsFrom, SpanKinds, startOtlpReceiver, type OtlpReceiver } from './support/otlp-receiver';
import { startProcess, type StartedProcess } from './support/start-process';
import { postGraphQL } from './support/system';
import { collect, waitFor, wsClient } from './support/ws';

jest.setTimeout(180_000);

const NATS = process.env.TEST_NATS_URL;
const itWithNats = NATS ? it : it.skip;
const namespace = `traces_${randomBytes(4).toString('hex')}`;
// With TEST_DATABASE_URL the person process runs on PostgreSQL, and its SQL spans say so.
const POSTGRES = process.env.TEST_DATABASE_URL ? Object.assign(new URL(process.env.TEST_DATABASE_URL), { pathname: `/dfdg_test_${namespace}` }).toString() : undefined;

let dir: string;
let receiver: OtlpReceiver;
let person: StartedProcess;
let gateway: StartedProcess;
let url: string;
let idp: CryptoKey;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-traces-distributed-'));
  receiver = await startOtlpReceiver();
  const identity = await generateKeyPair('ES256', { extractable: true });
  const client = await generateKeyPair('ES256', { extractable: true });
  idp = client.privateKey as CryptoKey;
  const common = {
    PORT: '0',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '50',
    ...(NATS ? { EVENT_BUS: 'nats', NATS_URL: NATS, NATS_NAMESPACE: namespace } : {}),
  };
  person = startProcess({
    args: ['--subgraph', 'person'],
    env: { ...common, DATA_DIR: path.join(dir, 'person'), INTERNAL_IDENTITY_PUBLIC_KEY: await exportSPKI(identity.publicKey), CPR_PSEUDONYM_KEY: randomBytes(32).toString('base64'), ...(POSTGRES ? { PERSON_DATABASE_URL: POSTGRES } : {}) },
  });
  const personUrl = String((await person.waitForLog('subgraph is up')).url);
  gateway = startProcess({
    args: ['--gateway'],
    env: {
      ...common,
      DATA_DIR: path.join(dir, 'gateway'),
      NOTIFICATIONS_PORT: '0',
      INTERNAL_IDENTITY_PRIVATE_KEY: await exportPKCS8(identity.privateKey),
      JWT_PUBLIC_KEY: JSON.stringify(await exportJWK(client.publicKey)),
      PERSON_URL: personUrl,
    },
  });
  url = String((await gateway.waitForLog('gateway is up')).url);
});

afterAll(async () => {
  await Promise.all([gateway?.stop(), person?.stop()]);
  await receiver.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (POSTGRES) await dropPostgresDatabase(POSTGRES);
  if (NATS) {
    const connection = await connect({ servers: NATS });
    await (await connection.jetstreamManager()).streams.delete(`${namespace}_DFDG_EVENTS`).catch(() => undefined);
    await connection.close();
  }
});

const query = clientTraceparent();
const mutation = clientTraceparent();

it('continues a client\'s trace from the gateway process into the person process', async () => {
  const caseworker = await issueClientToken(idp, { role: 'caseworker', authority: '101' });
  const answer = await postGraphQL(url, '{ persons(municipalityCode: "101", first: 5) { nodes { name } } }', {}, { authorization: `Bearer ${caseworker}`, traceparent: query.header });
  expect(answer).toEqual({ status: 200, data: { persons: { nodes: [] } } });
});

itWithNats('carries a mutation\'s trace over JetStream to the gateway\'s follow-up fetch for a subscriber', async () => {
  const caseworker = await issueClientToken(idp, { role: 'caseworker', authority: '101' });
  const system = await issueClientToken(idp, { role: 'system', authority: 'STAR' });
  const subscriber = wsClient(url, () => ({ authorization: `Bearer ${caseworker}` }));
  const notifications = collect<{ notifications: { kind: string } }>(subscriber, 'subscription { notifications { kind person { name } } }');
  const upsert = await postGraphQL(url, 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr: '0101901234', name: 'Mette Jensen', municipalityCode: '101' } }, { authorization: `Bearer ${system}`, traceparent: mutation.header });
  expect(upsert.errors).toBeUndefined();
  await waitFor(() => notifications.results.length > 0, 60_000);
  notifications.dispose();
  await subscriber.dispose();
});

it('exports each process\'s spans under its own service.name, in the client\'s trace', async () => {
  // Stopping exports what is still buffered.
  expect(await gateway.stop()).toBe(0);
  expect(await person.stop()).toBe(0);
  const inTrace = receiver.spans.filter((s) => s.traceId === query.traceId);
  const byService = (service: string) => inTrace.filter((s) => s.resourceService === service);
  const root = byService('gateway').find((s) => s.parentSpanId === query.spanId);
  expect(root?.kind).toBe(SpanKinds.SERVER);
  const call = byService('gateway').find((s) => s.name === 'fetch person')!;
  expect(descendsFrom(call, root!, inTrace)).toBe(true);
  // The person process's server span is a child of the gateway's call, read from its traceparent.
  const served = byService('person').find((s) => s.parentSpanId === call.spanId);
  expect(served?.kind).toBe(SpanKinds.SERVER);
  expect(byService('person').some((s) => attribute(s, 'db.system.name') === (POSTGRES ? 'postgresql' : 'sqlite') && descendsFrom(s, served!, inTrace))).toBe(true);
});

itWithNats('shows the publish in the person process and the follow-up in the gateway process, both in the mutation\'s trace', () => {
  const inTrace = receiver.spans.filter((s) => s.traceId === mutation.traceId);
  const sent = inTrace.filter((s) => s.kind === SpanKinds.PRODUCER && s.resourceService === 'person');
  expect(sent.length).toBeGreaterThan(0);
  const followUps = inTrace.filter((s) => s.name === 'notification follow-up' && s.resourceService === 'gateway');
  expect(followUps.length).toBeGreaterThan(0);
  expect(followUps.every((f) => sent.some((p) => p.spanId === f.parentSpanId))).toBe(true);
});
