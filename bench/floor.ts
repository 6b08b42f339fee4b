// Issue 20's measuring instrument: CPU per person overview through the whole embedded system,
// beside the raw-SQL floor — the same overview's statements run straight on the SQLite files with
// prepared statements — measured in one run, so the ratio holds on a noisy machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { logger } from '../core/logger';
import { startEmbedded } from '../launcher/embedded';
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import { demoPersons, seedDemoData } from '../scripts/seed-data';
import { CASEWORKER_LIST, PERSON_OVERVIEW } from './gateway';
import { startProfile } from './profile';
import { captureStatements, type CapturedStatement } from './sql-capture';

export interface FloorOptions {
  persons: number;
  /** Timed overviews through the system (each person in turn). */
  overviews: number;
  /** Timed caseworker lists of 100. */
  lists: number;
  /** Write a CPU profile of the timed overviews here (a .cpuprofile file). */
  profile?: string;
}

export interface FloorResult {
  systemMsPerOverview: number;
  floorMsPerOverview: number;
  statementsPerOverview: number;
  /** Of the overviews' statements as MikroORM ran them, the share whose text an earlier one had: what a prepare cache keyed by text could reuse. */
  repeatedTextShare: number;
  listMsPerPerson: number;
  profileSummary: { part: string; percent: number }[];
}

/** Timed loops' own bookkeeping; the background timers (relay, pruning) belong to the system. */
async function cpuMs(work: () => Promise<void>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * A request's own statements: the outbox relay and the notifications service poll on timers, and
 * transaction control is the driver's, not the overview's.
 */
function requestStatements(captured: CapturedStatement[]): CapturedStatement[] {
  return captured.filter((s) => !/\b(outbox_event|stream_state|delivery|subscription)\w*\b/i.test(s.sql) && !/^\s*(pragma)\b/i.test(s.sql));
}

export async function benchFloor(options: FloorOptions): Promise<FloorResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-bench-floor-'));
  // Errors only, as the other benchmarks' servers log (LOG_LEVEL=error): an access line per
  // subgraph call would fill the bench's output.
  logger.level = 'error';
  // No rate limit: the timed loop is one caseworker asking far more than 1,200 times a minute.
  const system = await startEmbedded({ dataDir, gatewayPort: 0, subgraphPorts: 'random', rateLimit: null, explorer: false });
  try {
    const url = system.gateway.url;
    await seedDemoData(url, dataDir, options.persons, undefined, ['101']);
    const cprs = demoPersons(options.persons, 2021, ['101']).map((p) => p.cpr);
    const key = await devClientSigningKey(dataDir);
    const caseworker = await issueClientToken(key, { role: 'caseworker', authority: '101', subject: 'bench-caseworker' });
    const ask = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${caseworker}` }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(`bench query failed: ${JSON.stringify(body.errors)}`);
    };
    const overview = (i: number) => ask(PERSON_OVERVIEW, { cpr: cprs[i % cprs.length] });

    // Warm-up: every person once, so JIT, plan caches and SQLite's page cache are hot.
    for (let i = 0; i < cprs.length; i++) await overview(i);
    const profile = options.profile ? await startProfile() : null;
    const systemMs = await cpuMs(async () => {
      for (let i = 0; i < options.overviews; i++) await overview(i);
    });
    const profileSummary = profile ? await profile.stop(options.profile!) : [];
    for (let i = 0; i < 3; i++) await ask(CASEWORKER_LIST, { municipalityCode: '101', first: 100 });
    const listMs = await cpuMs(async () => {
      for (let i = 0; i < options.lists; i++) await ask(CASEWORKER_LIST, { municipalityCode: '101', first: 100 });
    });

    // The statements each person's overview runs, captured after the timed loops.
    const perPerson: CapturedStatement[][] = [];
    for (let i = 0; i < cprs.length; i++) perPerson.push(requestStatements(await captureStatements(() => overview(i))));
    const all = perPerson.flat();
    const floorMs = await replayFloor(perPerson, Math.max(options.overviews, 1000));
    return {
      systemMsPerOverview: systemMs / options.overviews,
      floorMsPerOverview: floorMs,
      statementsPerOverview: all.length / perPerson.length,
      repeatedTextShare: 1 - new Set(all.map((s) => `${s.file}\n${s.ran}`)).size / all.length,
      listMsPerPerson: listMs / options.lists / 100,
      profileSummary,
    };
  } finally {
    await system.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * CPU per overview of the floor: each statement prepared once per file and SQL text, then run with
 * the values the subgraphs bound, rows serialised to JSON. Audit rows get a fresh id, as the
 * person subgraph gives each; transaction statements run as captured, so writes commit alike.
 */
async function replayFloor(perPerson: CapturedStatement[][], overviews: number): Promise<number> {
  const connections = new Map<string, Database.Database>();
  const prepared = new Map<string, Database.Statement>();
  const statement = (s: CapturedStatement) => {
    const id = `${s.file}\n${s.sql}`;
    let found = prepared.get(id);
    if (!found) {
      let db = connections.get(s.file);
      if (!db) connections.set(s.file, (db = new Database(s.file)));
      found = db.prepare(s.sql);
      prepared.set(id, found);
    }
    return found;
  };
  const run = (s: CapturedStatement) => {
    const values = /^\s*insert into `cpr_access_audit`/i.test(s.sql) ? [randomUUID(), ...s.values.slice(1)] : s.values;
    const prepared = statement(s);
    return JSON.stringify(s.reader ? prepared.all(...values) : prepared.run(...values));
  };
  try {
    // Prepared and warm before timing, as a long-running service would hold them; and each read
    // checked to give the rows the statement as the subgraph ran it gave.
    for (const statements of perPerson) {
      for (const s of statements) {
        const rows = run(s);
        if (s.reader && rows !== JSON.stringify(connections.get(s.file)!.prepare(s.ran).all())) throw new Error(`the floor's statement reads other rows than the subgraph's: ${s.ran}`);
      }
    }
    return (
      (await cpuMs(async () => {
        for (let i = 0; i < overviews; i++) perPerson[i % perPerson.length].forEach(run);
      })) / overviews
    );
  } finally {
    for (const db of connections.values()) db.close();
  }
}
