// The distributed mode end to end (issue 19, item 9 and "Done when"): `npm run start:distributed`
// (scripts/start-distributed.ts) runs the five subgraphs and two gateway replicas as separate
// processes on PostgreSQL and NATS JetStream. Writes through one replica are read across subgraphs
// through the other; a subgraph process killed makes the gateways not ready and its fields answer
// SERVICE_UNAVAILABLE with their path, and it recovers when the subgraph is back without a gateway
// restart; a replica told to stop under load finishes every request in flight and exits 0; and the
// whole drains on SIGTERM with exit 0. Runs when TEST_DATABASE_URL and TEST_NATS_URL are set (CI).
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { connect } from 'nats';
import { dropPostgresDatabase } from '../core/db';
import type { Role } from '../core/identity';
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import { AKASSE, JOBCENTRE, SYSTEM } from './support/callers';
import { startProcess, type LogLine, type StartedProcess } from './support/start-process';
import { attribute, clientTraceparent, descendsFrom, SpanKinds, startOtlpReceiver, type OtlpReceiver } from './support/otlp-receiver';
import { eventually, postGraphQL, type GraphQLResponse } from './support/system';

const databaseUrl = process.env.TEST_DATABASE_URL;
const natsUrl = process.env.TEST_NATS_URL;
const suite = databaseUrl && natsUrl ? describe : describe.skip;

const SERVICES = ['person', 'absence', 'plan', 'recruitment', 'payment', 'notifications'];
const suffix = randomBytes(4).toString('hex');
const prefix = `dfdg_dist_${suffix}`;
const namespace = `d${suffix}`;
const CPR = '0101853000';
const PERSONS = 20;

/** Touches every subgraph: person, absence, plan, recruitment and payment fields of one person. */
const OVERVIEW_FOR_TRACE = 'query($cpr: String!) { person(cpr: $cpr) { name absences { id } plan { version } mediations { id } eeaBenefitPeriods { paymentId } } }';

/** Every process exports its traces to the OTLP receiver this test runs (an operator's collector). */
let receiver: OtlpReceiver;
const observabilityEnv = (): Record<string, string> => ({
  OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
  OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
  OTEL_BSP_SCHEDULE_DELAY: '50',
});

/** A free port p whose p + 10 is free too (the second gateway replica's). */
async function freePortPair(taken: Set<number>): Promise<number> {
  const listenOn = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = net.createServer().once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const bound = (server.address() as net.AddressInfo).port;
        server.close(() => resolve(bound));
      });
    });
  for (;;) {
    const port = (await listenOn(0))!;
    if (port + 10 < 65536 && !taken.has(port) && !taken.has(port + 10) && (await listenOn(port + 10)) !== null) {
      taken.add(port).add(port + 10);
      return port;
    }
  }
}

const today = new Date();
const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

suite('the distributed mode (npm run start:distributed)', () => {
  let dataDir: string;
  let supervisor: StartedProcess;
  let ports: Record<string, number>;
  let gateways: string[];
  let stopped = false;

  const token = async (as: { role: Role; authority: string }) => issueClientToken(await devClientSigningKey(dataDir), { ...as, subject: `test-${as.role}-${as.authority}` });
  const gql = async <T = Record<string, unknown>>(gateway: string, query: string, variables: Record<string, unknown>, as: { role: Role; authority: string } = SYSTEM) =>
    postGraphQL<T>(gateway, query, variables, { authorization: `Bearer ${await token(as)}` });
  const ok = async <T = Record<string, unknown>>(gateway: string, query: string, variables: Record<string, unknown>, as?: { role: Role; authority: string }) => {
    const response = await gql<T>(gateway, query, variables, as);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data as T;
  };
  const ready = async (base: string) => (await fetch(new URL('/ready', base))).status;
  const pidOf = (name: string) => [...supervisor.logs].reverse().find((l) => l.msg === 'process started' && l.process === name)!.pid as number;
  const logAfter = (since: number, text: string, name: string) => supervisor.waitForLog(text, 60_000, (l: LogLine) => l.process === name && supervisor.logs.indexOf(l) >= since);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-dist-'));
    receiver = await startOtlpReceiver();
    const taken = new Set<number>();
    ports = { PORT: await freePortPair(taken), NOTIFICATIONS_PORT: await freePortPair(taken) };
    for (const name of SERVICES.slice(0, 5)) ports[`${name.toUpperCase()}_PORT`] = await freePortPair(taken);
    gateways = [`http://127.0.0.1:${ports.PORT}/graphql`, `http://127.0.0.1:${ports.PORT + 10}/graphql`];
    supervisor = startProcess({
      script: 'scripts/start-distributed.ts',
      env: {
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl!,
        DATABASE_PREFIX: prefix,
        NATS_URL: natsUrl!,
        NATS_NAMESPACE: namespace,
        // Generated keys in DATA_DIR, shared by the processes on this machine (README, "Keys").
        ALLOW_DEV_KEYS: 'true',
        RATE_LIMIT_PER_MINUTE: 'off',
        ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
        ...observabilityEnv(),
      },
    });
    const up = await supervisor.waitForLog('distributed mode is up', 150_000);
    expect(up.gateways).toEqual(gateways);
  }, 180_000);

  afterAll(async () => {
    if (!stopped) await supervisor?.stop();
    for (const name of SERVICES) {
      const url = new URL(databaseUrl!);
      url.pathname = `/${prefix}_${name}`;
      await dropPostgresDatabase(url.toString()).catch(() => undefined);
    }
    const connection = await connect({ servers: natsUrl });
    await (await connection.jetstreamManager()).streams.delete(`${namespace}_DFDG_EVENTS`).catch(() => undefined);
    await connection.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await receiver?.close();
  }, 60_000);

  it('writes through one gateway replica and reads across subgraphs through the other', async () => {
    const [first, second] = gateways;
    await ok(first, 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr: CPR, name: 'Mette Jensen', municipalityCode: '101' } });
    // Each write depends on the one before it, in another subgraph, through the other replica: no retry.
    await ok(second, 'mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr: CPR, contactGroupId: 1, start: day(-30) } }, JOBCENTRE);
    await ok(first, 'mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }', { i: { cpr: CPR, typeId: 73, start: day(0), end: day(14) } }, JOBCENTRE);
    await ok(first, 'mutation($i: AkasseMembershipInput!) { registerAkasseMembership(input: $i) { id } }', { i: { cpr: CPR, akasse: '21', start: '2020-01-01' } });
    await ok(second, 'mutation($i: ReportEeaBenefitPeriodInput!) { reportEeaBenefitPeriod(input: $i) { paymentId } }', { i: { cpr: CPR, country: 'DE', start: day(-20), end: day(40), paymentId: 'PAY-1' } }, AKASSE);

    for (const gateway of gateways) {
      const { person } = await ok<{ person: Record<string, unknown> }>(
        gateway,
        'query($cpr: String!) { person(cpr: $cpr) { name contactGroup { start } absences { start end } akasseMemberships { akasse } eeaBenefitPeriods { paymentId } } }',
        { cpr: CPR },
        JOBCENTRE,
      );
      expect(person).toEqual({ name: 'Mette Jensen', contactGroup: { start: day(-30) }, absences: [{ start: day(0), end: day(14) }], akasseMemberships: [{ akasse: '21' }], eeaBenefitPeriods: [{ paymentId: 'PAY-1' }] });
    }
  });

  it('a subgraph process killed: the gateways are not ready and its fields answer SERVICE_UNAVAILABLE with their path; back, it answers again without a gateway restart', async () => {
    const gatewayPids = [pidOf('gateway-1'), pidOf('gateway-2')];
    const since = supervisor.logs.length;
    process.kill(pidOf('payment'), 'SIGKILL');
    await logAfter(since, 'process exited', 'payment');

    // The launcher restarts it a second later, and it takes seconds to start: these run in between.
    for (const gateway of gateways) expect(await ready(gateway)).toBe(503);
    const down = await gql(gateways[0], 'query($cpr: String!) { person(cpr: $cpr) { name eeaBenefitPeriods { paymentId } } }', { cpr: CPR }, JOBCENTRE);
    expect(down.status).toBe(200);
    expect(down.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([['SERVICE_UNAVAILABLE', ['person', 'eeaBenefitPeriods']]]);
    // The other subgraphs' fields still answer.
    expect(await ok(gateways[1], 'query($cpr: String!) { person(cpr: $cpr) { name } }', { cpr: CPR }, JOBCENTRE)).toEqual({ person: { name: 'Mette Jensen' } });

    await logAfter(since, 'process restarted', 'payment');
    for (const gateway of gateways) expect(await ready(gateway)).toBe(200);
    expect(await ok(gateways[0], 'query($cpr: String!) { person(cpr: $cpr) { eeaBenefitPeriods { paymentId } } }', { cpr: CPR }, JOBCENTRE)).toEqual({ person: { eeaBenefitPeriods: [{ paymentId: 'PAY-1' }] } });
    expect([pidOf('gateway-1'), pidOf('gateway-2')]).toEqual(gatewayPids);
  }, 90_000);

  it('a gateway replica sent SIGTERM under load finishes every request in flight and exits 0', async () => {
    const second = gateways[1];
    for (let i = 0; i < PERSONS; i++) {
      await ok(gateways[0], 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr: `0101${String(860000 + i).padStart(6, '0')}`, name: `Person ${i}`, municipalityCode: '101' } });
    }
    const LIST = `{ persons(municipalityCode: "101", first: ${PERSONS + 1}) { nodes { cpr name contactGroup { start } cvRequirement absences { id } plan { version } mediations { id } eeaBenefitPeriods { paymentId } } } }`;
    const bearer = await token(SYSTEM);
    // Each request on a connection of its own; `sent` once its body is out, so it is in flight when the signal lands.
    const post = () => {
      let markSent: () => void;
      const sent = new Promise<void>((resolve) => (markSent = resolve));
      const answer = new Promise<GraphQLResponse<{ persons: { nodes: unknown[] } }>>((resolve, reject) => {
        const request = http.request(second, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` } }, (response) => {
          let body = '';
          response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolve({ ...(JSON.parse(body) as object), status: response.statusCode! }));
        });
        request.on('error', reject).on('finish', () => markSent());
        request.end(JSON.stringify({ query: LIST }));
      });
      return { sent, answer };
    };
    // Once first, so the query plan is cached: planning blocks the replica's event loop, and a connection
    // it has not accepted yet when it stops listening is refused, not in flight.
    await post().answer;
    const since = supervisor.logs.length;
    const inFlight = Array.from({ length: 8 }, post);
    await Promise.all(inFlight.map((r) => r.sent));
    // A request's bytes are out; give the replica a moment to read them off the socket (a connection
    // not yet read from is an idle one, and a draining server closes idle connections).
    await new Promise((resolve) => setTimeout(resolve, 150));
    process.kill(pidOf('gateway-2'), 'SIGTERM');
    const answers = await Promise.all(inFlight.map((r) => r.answer));
    expect(answers.map((a) => [a.status, a.errors, a.data?.persons.nodes.length])).toEqual(Array(8).fill([200, undefined, PERSONS + 1]));
    expect((await logAfter(since, 'process exited', 'gateway-2')).code).toBe(0);
    // The other replica served on meanwhile; the launcher brings this one back.
    expect(await ready(gateways[0])).toBe(200);
    await logAfter(since, 'process restarted', 'gateway-2');
    expect(await ready(second)).toBe(200);
  }, 90_000);

  it('continues a client\'s traceparent through the gateway replica and every subgraph process', async () => {
    const client = clientTraceparent();
    const caseworker = await token(JOBCENTRE);
    const answer = await postGraphQL(gateways[1], OVERVIEW_FOR_TRACE, { cpr: CPR }, { authorization: `Bearer ${caseworker}`, traceparent: client.header });
    expect(answer.errors).toBeUndefined();
    const services = ['gateway', 'person', 'absence', 'plan', 'recruitment', 'payment'];
    const spans = await eventually(async () => {
      const found = receiver.spans.filter((s) => s.traceId === client.traceId);
      expect(new Set(found.map((s) => s.resourceService))).toEqual(new Set(services));
      return found;
    }, 20_000);
    // One tree: every process's server span descends from the client's span through the gateway.
    const root = spans.find((s) => s.parentSpanId === client.spanId && s.resourceService === 'gateway');
    expect(root).toBeDefined();
    for (const service of services.slice(1)) {
      const server = spans.find((s) => s.resourceService === service && s.kind === SpanKinds.SERVER);
      expect([service, server && descendsFrom(server, root!, spans)]).toEqual([service, true]);
      expect(spans.some((s) => s.resourceService === service && attribute(s, 'db.system.name') === 'postgresql')).toBe(true);
    }
  }, 60_000);
  it('serves /metrics on both gateway replicas and every subgraph process', async () => {
    const scrape = async (base: string) => {
      const response = await fetch(new URL('/metrics', base));
      expect([base, response.status, response.headers.get('content-type')?.startsWith('text/plain')]).toEqual([base, 200, true]);
      return response.text();
    };
    for (const gateway of gateways) {
      const text = await scrape(gateway);
      expect(text).toMatch(/^dfdg_requests_total\{[^}]*service="gateway"[^}]*\} [1-9]/m);
      expect(text).toMatch(/^dfdg_subgraph_fetch_duration_seconds_count\{[^}]*subgraph="person"/m);
    }
    for (const name of SERVICES.slice(0, 5)) {
      const text = await scrape(`http://127.0.0.1:${ports[`${name.toUpperCase()}_PORT`]}/`);
      expect(text).toMatch(new RegExp(`^dfdg_requests_total\\{[^}]*service="${name}"`, 'm'));
      expect(text).toMatch(/^dfdg_relay_backlog\{/m);
    }
  }, 60_000);

  it('the whole drains on SIGTERM: every process exits 0, and so does the launcher', async () => {
    stopped = true;
    expect(await supervisor.stop()).toBe(0);
    for (const gateway of gateways) await expect(fetch(gateway)).rejects.toThrow();
  }, 60_000);
});
