// Scale benchmark (issue 10): generates N persons with their contact groups, absences and plans in
// PostgreSQL (one database per subgraph, as in production), directly with set-based SQL
// (generate_series) because a million GraphQL mutations would take hours, then measures workload 1
// (person overview, varying persons) through our gateway, at 1,000 persons and at N.
import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { dropPostgresDatabase, openDatabase } from '../core/db';
import type { SubgraphModule } from '../core/subgraph-server';
import { notificationsSubgraph } from '../gateway/notifications';
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import { loadSubgraphModules } from '../launcher/modules';
import { PERSON_OVERVIEW } from './gateway';
import { forkServer, stopForked } from './processes';

const JOBCENTRES = ['101', '147', '751', '461', '851'];

/** SQL for the i-th generated person's id and CPR (a bijection for i < 336,000,000). */
const ID = (prefix: string) => `'${prefix}' || lpad(to_hex(i), 12, '0')`;
const PERSON_ID = ID('00000000-0000-4000-8000-');
const CPR = `lpad((i % 28 + 1)::text, 2, '0') || lpad(((i / 28) % 12 + 1)::text, 2, '0') || lpad(((i / 336) % 100)::text, 2, '0') || lpad((i / 33600)::text, 4, '0')`;
const MUNICIPALITY = `(array['${JOBCENTRES.join("','")}'])[i % ${JOBCENTRES.length} + 1]`;
const GROUP = '(array[1,1,1,2,2,12,25,24,7])[i % 9 + 1]';

export function cprOf(i: number): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad((i % 28) + 1, 2)}${pad((Math.floor(i / 28) % 12) + 1, 2)}${pad(Math.floor(i / 336) % 100, 2)}${pad(Math.floor(i / 33600), 4)}`;
}

function statements(subgraph: string, n: number): string[] {
  const series = `from generate_series(1, ${n}) as i`;
  const knownPerson = `insert into known_person (id, cpr, municipality_code, contact_group_id, contact_group_start, akasser)
    select ${PERSON_ID}, ${CPR}, ${MUNICIPALITY}, ${GROUP}, '2026-01-05', '[]'::jsonb ${series}`;
  switch (subgraph) {
    case 'person':
      return [
        `insert into person (id, cpr, name, municipality_code, address_municipality_code, lives_abroad, announced_cv_requirement, created_at, updated_at)
          select ${PERSON_ID}, ${CPR}, 'Person ' || i, ${MUNICIPALITY}, ${MUNICIPALITY}, false, 'SEARCHABLE', now(), now() ${series}`,
        `insert into contact_group_registration (id, person_id, contact_group_id, start, "end", registered_by, created_at)
          select ${ID('00000000-0000-4000-8001-')}, ${PERSON_ID}, ${GROUP}, '2026-01-05', null, 'scale', now() ${series}`,
      ];
    case 'absence':
      return [
        knownPerson,
        `insert into absence (id, person_id, type_id, start, "end", status, registered_by_role, registered_by_authority, created_at, updated_at)
          select ${ID('00000000-0000-4000-8002-')}, ${PERSON_ID}, 45, '2026-11-16', '2026-12-20', 'ACTIVE', 'caseworker', ${MUNICIPALITY}, now(), now() ${series} where i % 10 < 3`,
      ];
    case 'plan':
      return [
        knownPerson,
        `insert into plan_version (id, person_id, version, change_codes, job_search_requirements, activities, created_by, created_at)
          select ${ID('00000000-0000-4000-8003-')}, ${PERSON_ID}, 1, '[26]'::jsonb,
                 '{"occupations":[{"code":"5223.1","level":3,"classification":"ESCO_STAR"}],"where":null,"otherRequirements":null}'::jsonb,
                 '[]'::jsonb, 'scale', now() ${series} where i % 10 < 2`,
      ];
    case 'recruitment':
    case 'payment':
      return [knownPerson];
    default:
      return [];
  }
}

function databaseUrl(base: string, prefix: string, subgraph: string): string {
  const url = new URL(base);
  url.pathname = `/${prefix}_${subgraph}`;
  return url.toString();
}

/** Fresh databases `<prefix>_<subgraph>` with the migrations applied and N generated persons. */
export async function generate(base: string, prefix: string, n: number): Promise<number> {
  const started = Date.now();
  for (const module of [...loadSubgraphModules(), notificationsSubgraph] as SubgraphModule[]) {
    const location = databaseUrl(base, prefix, module.name);
    await dropPostgresDatabase(location);
    const orm = await openDatabase({ subgraph: module.name, target: { kind: 'postgresql', location }, entities: module.entities, migrations: module.migrations });
    await orm.close();
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      for (const sql of statements(module.name, n)) await client.query(sql);
      await client.query('analyze');
    } finally {
      await client.end();
    }
  }
  return (Date.now() - started) / 1000;
}

export interface ScaleFigures {
  persons: number;
  generateSeconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

async function measure(base: string, prefix: string, n: number, seconds: number): Promise<Omit<ScaleFigures, 'generateSeconds'>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-bench-scale-'));
  const previous = { url: process.env.DATABASE_URL, prefix: process.env.DATABASE_PREFIX };
  process.env.DATABASE_URL = base;
  process.env.DATABASE_PREFIX = prefix;
  const subgraphs = await forkServer<{ urls: Record<string, string> }>('subgraphs.ts', [dataDir]);
  process.env.DATABASE_URL = previous.url;
  process.env.DATABASE_PREFIX = previous.prefix;
  if (previous.url === undefined) delete process.env.DATABASE_URL;
  if (previous.prefix === undefined) delete process.env.DATABASE_PREFIX;
  try {
    const ours = await forkServer<{ url: string }>('ours.ts', [dataDir, JSON.stringify(subgraphs.ready.urls)]);
    try {
      // Jobcentre 101's persons are every fifth: i ≡ 1 (mod 5) with JOBCENTRES[i % 5].
      const token = await issueClientToken(await devClientSigningKey(dataDir), { role: 'caseworker', authority: '101', subject: 'bench-scale' });
      const pick = () => cprOf(5 * Math.floor(Math.random() * Math.floor(n / 5)) + 5);
      const body = () => JSON.stringify({ query: PERSON_OVERVIEW, variables: { cpr: pick() } });
      const run = (duration: number) =>
        autocannon({
          url: ours.ready.url,
          method: 'POST',
          connections: 20,
          duration,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          requests: [{ setupRequest: (request) => ({ ...request, body: body() }) }],
        });
      await run(2);
      const result = await run(seconds);
      if (result.non2xx || result.errors) throw new Error(`scale run had ${result.non2xx} non-2xx and ${result.errors} errors`);
      return { persons: n, requestsPerSecond: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
    } finally {
      await stopForked(ours.child);
    }
  } finally {
    await stopForked(subgraphs.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchScale(base: string, persons: number, seconds: number): Promise<ScaleFigures[]> {
  const figures: ScaleFigures[] = [];
  for (const [n, prefix] of [[1_000, 'dfdg_scale_small'], [persons, 'dfdg_scale']] as const) {
    const generateSeconds = await generate(base, prefix, n);
    figures.push({ generateSeconds, ...(await measure(base, prefix, n, seconds)) });
  }
  return figures;
}
