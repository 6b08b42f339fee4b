// Gateway benchmark (issue 10): the same subgraphs and supergraph behind our gateway, Hive Gateway
// (as it ships, and with its in-flight request merging off) and a monolith without federation.
// Every process is separate: subgraphs in one, each gateway in its own, the load generator
// (autocannon) in this one, so peak memory is each gateway's own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { readSupergraph } from '../gateway/compose';
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import { seedDemoData, demoPersons } from '../scripts/seed-data';
import { ask, DIST, forkServer, peakMemoryMb, spawnServer, stopForked } from './processes';
import { percentile } from './stats';

/** The CLI file itself: the package exports no subpath for it, and tsx must load its TS config. */
const HIVE_BIN = path.join(__dirname, '..', 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');

export const PERSON_OVERVIEW = `query PersonOverview($cpr: String!) {
  person(cpr: $cpr) {
    id cpr
    contactGroup { id contactGroup { id name } start end }
    cvRequirement
    absences { id type { id name } start end status }
    plan { version }
    mediations { id }
    eeaBenefitPeriods { paymentId country start end interruptionDate interruptionCause { id name } }
  }
}`;

export const CASEWORKER_LIST = `query CaseworkerList($municipalityCode: String!, $first: Int!) {
  persons(municipalityCode: $municipalityCode, first: $first) {
    nodes {
      id cpr
      contactGroup { id contactGroup { id name } start end }
      cvRequirement
      absences { id type { id name } start end status }
      plan { version }
      mediations { id }
      eeaBenefitPeriods { paymentId country start end }
    }
  }
}`;

/** Workload 3: registers and updates absences and reports EEA periods at a steady rate, through our gateway. */
class WriteMix {
  private timer: NodeJS.Timeout | null = null;
  private n = 0;
  private readonly absences: string[] = [];
  readonly latencies: number[] = [];
  errors = 0;
  private readonly windows = new Map<string, number>();

  constructor(
    private readonly url: string,
    private readonly caseworker: string,
    private readonly members: { cpr: string; akasseToken: string }[],
    private readonly today: string,
  ) {}

  start(perSecond: number): void {
    this.timer = setInterval(() => void this.write(), 1000 / perSecond);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async write(): Promise<void> {
    const i = this.n++;
    const member = this.members[i % this.members.length];
    const started = performance.now();
    let result: { body: { errors?: unknown[]; data?: unknown } };
    if (i % 3 === 0) {
      result = await post(this.url, this.caseworker, 'mutation($i: RegisterAbsenceInput!) { registerAbsence(input: $i) { id } }', {
        i: { cpr: member.cpr, typeId: 45, start: this.today, end: shift(this.today, 14) },
      });
      const id = (result.body.data as { registerAbsence?: { id: string } } | undefined)?.registerAbsence?.id;
      if (id) this.absences.push(id);
    } else if (i % 3 === 1 && this.absences.length) {
      result = await post(this.url, this.caseworker, 'mutation($i: UpdateAbsenceInput!) { updateAbsence(input: $i) { id } }', {
        i: { id: this.absences[i % this.absences.length], end: shift(this.today, 10 + (i % 20)) },
      });
    } else {
      // A fresh week for each report of a person, so periods never overlap.
      const window = this.windows.get(member.cpr) ?? 0;
      this.windows.set(member.cpr, window + 1);
      const start = shift(this.today, -400 + window * 7);
      result = await post(this.url, member.akasseToken, 'mutation($i: ReportEeaBenefitPeriodInput!) { reportEeaBenefitPeriod(input: $i) { paymentId } }', {
        i: { cpr: member.cpr, country: 'DE', start, end: shift(start, 4) },
      });
    }
    this.latencies.push(performance.now() - started);
    if (result.body.errors) this.errors++;
  }
}

/** A consistent copy of a live data folder: SQLite's online backup for each database, the keys as files. */
async function copyDataFolder(from: string, to: string): Promise<void> {
  fs.mkdirSync(to, { recursive: true });
  fs.cpSync(path.join(from, 'keys'), path.join(to, 'keys'), { recursive: true });
  for (const file of fs.readdirSync(from).filter((f) => f.endsWith('.sqlite'))) {
    const source = new Database(path.join(from, file), { readonly: true });
    await source.backup(path.join(to, file));
    source.close();
  }
}

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface TargetFigures {
  target: string;
  workload: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

interface Target {
  name: string;
  url: string;
  pid: number;
}

export async function load(target: Pick<Target, 'url'>, token: string, body: () => string, seconds: number, connections: number): Promise<Omit<TargetFigures, 'target' | 'workload'>> {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [{ setupRequest: (request) => ({ ...request, body: body() }) }],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function post(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<{ body: { data?: unknown; errors?: unknown[] }; timing: string | null }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  return { body: (await response.json()) as { data?: unknown; errors?: unknown[] }, timing: response.headers.get('server-timing') };
}

export interface GatewayBenchOptions {
  persons: number;
  /** Writes per second of workload 3, running during every timed run. */
  writesPerSecond: number;
  seconds: number;
  connections: number;
  /** Skip Hive Gateway (e.g. on a machine without it installed). */
  hive: boolean;
}

export interface GatewayBenchResult {
  figures: TargetFigures[];
  memoryMb: Record<string, number>;
  overheadP50Ms: number;
  sqlPerListSize: { size: number; statements: Record<string, number> }[];
  writes: { perSecond: number; count: number; p50Ms: number; p99Ms: number; errors: number; monolithCount: number; monolithErrors: number };
}

export async function benchGateway(options: GatewayBenchOptions): Promise<GatewayBenchResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-bench-gateway-'));
  const stops: (() => Promise<void>)[] = [];
  try {
    const subgraphs = await forkServer<{ urls: Record<string, string> }>('subgraphs.ts', [dataDir]);
    stops.push(() => stopForked(subgraphs.child));
    const urls = subgraphs.ready.urls;

    const ours = await forkServer<{ url: string }>('ours.ts', [dataDir, JSON.stringify(urls)]);
    stops.unshift(() => stopForked(ours.child));
    const key = await devClientSigningKey(dataDir);
    const caseworker = await issueClientToken(key, { role: 'caseworker', authority: '101', subject: 'bench-caseworker' });

    // Everyone in jobcentre 101, so the caseworker list can grow to 1,000.
    await seedDemoData(ours.ready.url, dataDir, options.persons, undefined, ['101']);
    const cprs = demoPersons(options.persons, 2021, ['101']).map((p) => p.cpr);
    const system = await issueClientToken(key, { role: 'system', authority: 'STAR', subject: 'bench-system' });

    const targets: Target[] = [{ name: 'ours', url: ours.ready.url, pid: ours.child.pid! }];
    // The monolith runs on its own copy of the seeded data: two processes writing one SQLite file
    // (its CPR audit rows, the subgraphs' write mix) would wait on each other's locks, and
    // better-sqlite3 waits synchronously, stalling every subgraph in that process.
    const monolithDataDir = `${dataDir}-monolith`;
    await copyDataFolder(dataDir, monolithDataDir);
    stops.push(async () => fs.rmSync(monolithDataDir, { recursive: true, force: true }));
    const monolith = await forkServer<{ url: string }>('monolith.ts', [monolithDataDir]);
    stops.unshift(() => stopForked(monolith.child));
    targets.push({ name: 'monolith', url: monolith.ready.url, pid: monolith.child.pid! });

    if (options.hive) {
      // Hive reads the subgraph URLs from the supergraph file itself.
      let supergraph = readSupergraph();
      for (const [name, url] of Object.entries(urls)) supergraph = supergraph.replace(new RegExp(`(name: "${name}", url: ")[^"]+"`), `$1${url}"`);
      const file = path.join(dataDir, 'supergraph.graphql');
      fs.writeFileSync(file, supergraph);
      for (const [name, dedupe] of [['hive', 'on'], ['hive-no-merge', 'off']] as const) {
        const port = 20_000 + Math.floor(Math.random() * 20_000);
        const child = await spawnServer(
          process.execPath,
          [HIVE_BIN, 'supergraph', file, '--port', String(port), '--host', '127.0.0.1', '--fork', '1', '--disable-websockets', '-c', path.join(DIST, 'bench', 'hive', 'gateway.config.js')],
          { BENCH_DATA_DIR: dataDir, HIVE_DEDUPE: dedupe, NODE_ENV: 'production' },
          async () => (await fetch(`http://127.0.0.1:${port}/readiness`)).ok,
        );
        stops.unshift(async () => {
          child.kill('SIGTERM');
          await new Promise((r) => setTimeout(r, 300));
          child.kill('SIGKILL');
        });
        targets.push({ name, url: `http://127.0.0.1:${port}/graphql`, pid: child.pid! });
      }
    }

    // Every target must answer the same thing before it is timed.
    const reference = JSON.stringify((await post(ours.ready.url, caseworker, PERSON_OVERVIEW, { cpr: cprs[0] })).body);
    for (const target of targets) {
      const answer = JSON.stringify((await post(target.url, caseworker, PERSON_OVERVIEW, { cpr: cprs[0] })).body);
      if (answer !== reference) throw new Error(`${target.name} answers differently:\n${answer}\nvs ours:\n${reference}`);
    }

    const hasList = readSupergraph().includes('persons(');
    const workloads: { name: string; body: () => string }[] = [
      { name: '1 person overview (same person)', body: () => JSON.stringify({ query: PERSON_OVERVIEW, variables: { cpr: cprs[0] } }) },
      { name: '1 person overview (varying ids)', body: () => JSON.stringify({ query: PERSON_OVERVIEW, variables: { cpr: cprs[Math.floor(Math.random() * cprs.length)] } }) },
      ...(hasList ? [{ name: '2 caseworker list (100 persons)', body: () => JSON.stringify({ query: CASEWORKER_LIST, variables: { municipalityCode: '101', first: 100 } }) }] : []),
    ];
    // Workload 3's writers: dagpenge recipients with their a-kasse.
    const listed = (await post(ours.ready.url, system, '{ persons(municipalityCode: "101", first: 1000) { nodes { cpr contactGroup { contactGroup { id } } akasseMemberships { akasse } } } }', {})).body.data as {
      persons: { nodes: { cpr: string; contactGroup: { contactGroup: { id: number } } | null; akasseMemberships: { akasse: string }[] }[] };
    };
    const members = [];
    for (const node of listed.persons.nodes.filter((n) => n.contactGroup?.contactGroup.id === 1 && n.akasseMemberships.length)) {
      members.push({ cpr: node.cpr, akasseToken: await issueClientToken(key, { role: 'akasse', authority: node.akasseMemberships[0].akasse, subject: 'bench-akasse' }) });
    }
    const today = new Date().toISOString().slice(0, 10);
    const writer = new WriteMix(ours.ready.url, caseworker, members, today);
    // The monolith carries the same write load, on its own data.
    const monolithWriter = new WriteMix(monolith.ready.url, caseworker, members, today);
    const writerFor = (target: Target) => (target.name === 'monolith' ? monolithWriter : writer);

    const figures: TargetFigures[] = [];
    for (const workload of workloads) {
      for (const target of targets) {
        // A short warm-up per target so JIT and plan caches are hot for everyone alike.
        await load(target, caseworker, workload.body, 2, options.connections);
        writerFor(target).start(options.writesPerSecond);
        figures.push({ target: target.name, workload: workload.name, ...(await load(target, caseworker, workload.body, options.seconds, options.connections)) });
        writerFor(target).stop();
      }
    }
    const memoryMb = Object.fromEntries(targets.map((t) => [t.name, peakMemoryMb(t.pid)]));

    // Our gateway's own overhead: total time minus time waiting on subgraphs, one request at a time.
    const overheads: number[] = [];
    for (let i = 0; i < 300; i++) {
      const { timing } = await post(ours.ready.url, caseworker, PERSON_OVERVIEW, { cpr: cprs[i % cprs.length] });
      const match = /subgraphs;dur=([\d.]+), total;dur=([\d.]+)/.exec(timing ?? '');
      if (match) overheads.push(Number(match[2]) - Number(match[1]));
    }

    // Statements per list request as the list grows: must stay flat (DataLoader batching).
    const sqlPerListSize: GatewayBenchResult['sqlPerListSize'] = [];
    if (hasList) {
      for (const size of [10, 100, 1000]) {
        await ask(subgraphs.child, 'sql-reset');
        // The system role: a screen never lists 1,000 persons, and the cost limit says so.
        const { body } = await post(ours.ready.url, system, CASEWORKER_LIST, { municipalityCode: '101', first: size });
        if (body.errors) throw new Error(`list query failed: ${JSON.stringify(body.errors)}`);
        const { counts } = await ask<{ counts: Record<string, number> }>(subgraphs.child, 'sql-counts');
        sqlPerListSize.push({ size, statements: counts });
      }
    }
    const writes = {
      perSecond: options.writesPerSecond,
      count: writer.latencies.length,
      p50Ms: Number(percentile(writer.latencies, 50).toFixed(1)),
      p99Ms: Number(percentile(writer.latencies, 99).toFixed(1)),
      errors: writer.errors,
      monolithCount: monolithWriter.latencies.length,
      monolithErrors: monolithWriter.errors,
    };
    return { figures, memoryMb, overheadP50Ms: Number(percentile(overheads, 50).toFixed(2)), sqlPerListSize, writes };
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
