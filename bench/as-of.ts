// As-of reads (issue 18): the federated person overview as of another day beside the same overview
// of today, through our gateway over the same subgraphs and data, measured side by side in one run.
// The two alternate in rounds (today, as of; as of, today; …) so that a warmer cache, a busier
// machine late in the run or going first in a round favours neither. Target: the as-of read within 1.5× of today's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import { demoPersons, seedDemoData } from '../scripts/seed-data';
import { addDays, today } from '../core/dates';
import { systemClock } from '../core/clock';
import { load, PERSON_OVERVIEW } from './gateway';
import { forkServer, stopForked } from './processes';

/** The same selection as workload 1, read as of `$day`. */
export const PERSON_OVERVIEW_AS_OF = PERSON_OVERVIEW.replace('query PersonOverview($cpr: String!) {', 'query PersonOverviewAsOf($cpr: String!, $day: Date) {').replace(
  'person(cpr: $cpr) {',
  'person(cpr: $cpr, asOf: $day) {',
);

export interface AsOfFigures {
  read: 'today' | 'as of';
  round: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface AsOfBenchResult {
  day: string;
  figures: AsOfFigures[];
  /** Today's requests per second over the as-of read's, over all rounds (1.00: as fast). */
  throughputRatio: number;
  /** The as-of read's p50 over today's, the median of the rounds. */
  p50Ratio: number;
}

export async function benchAsOf(options: { persons: number; seconds: number; connections: number; rounds: number }): Promise<AsOfBenchResult> {
  if (PERSON_OVERVIEW_AS_OF === PERSON_OVERVIEW) throw new Error('the as-of overview must differ from the overview');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-bench-as-of-'));
  const stops: (() => Promise<void>)[] = [];
  try {
    const subgraphs = await forkServer<{ urls: Record<string, string> }>('subgraphs.ts', [dataDir]);
    stops.push(() => stopForked(subgraphs.child));
    const ours = await forkServer<{ url: string }>('ours.ts', [dataDir, JSON.stringify(subgraphs.ready.urls)]);
    stops.unshift(() => stopForked(ours.child));
    const key = await devClientSigningKey(dataDir);
    const caseworker = await issueClientToken(key, { role: 'caseworker', authority: '101', subject: 'bench-caseworker' });
    await seedDemoData(ours.ready.url, dataDir, options.persons, undefined, ['101']);
    const cprs = demoPersons(options.persons, 2021, ['101']).map((p) => p.cpr);

    // Three weeks ahead: past the end of most seeded absences, so the as-of read filters for real.
    const day = addDays(today(systemClock), 21);
    const pick = () => cprs[Math.floor(Math.random() * cprs.length)];
    const bodies = {
      today: () => JSON.stringify({ query: PERSON_OVERVIEW, variables: { cpr: pick() } }),
      'as of': () => JSON.stringify({ query: PERSON_OVERVIEW_AS_OF, variables: { cpr: pick(), day } }),
    } as const;

    // Both must answer without errors before they are timed.
    for (const [read, body] of Object.entries(bodies)) {
      const response = await fetch(ours.ready.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${caseworker}` }, body: body() });
      const answer = (await response.json()) as { data?: { person?: unknown }; errors?: unknown[] };
      if (!response.ok || answer.errors || !answer.data?.person) throw new Error(`the ${read} overview fails: ${JSON.stringify(answer)}`);
    }

    const target = { url: ours.ready.url };
    for (const body of Object.values(bodies)) await load(target, caseworker, body, 2, options.connections);
    const figures: AsOfFigures[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      // Which goes first alternates too: the first run of a round must favour neither.
      for (const read of round % 2 === 1 ? (['today', 'as of'] as const) : (['as of', 'today'] as const)) {
        figures.push({ read, round, ...(await load(target, caseworker, bodies[read], options.seconds, options.connections)) });
      }
    }
    const sum = (read: AsOfFigures['read']) => figures.filter((f) => f.read === read).reduce((total, f) => total + f.requestsPerSecond, 0);
    const p50Ratios = Array.from({ length: options.rounds }, (_, i) => {
      const [a, b] = [figures.find((f) => f.round === i + 1 && f.read === 'today')!, figures.find((f) => f.round === i + 1 && f.read === 'as of')!];
      return b.p50Ms / Math.max(a.p50Ms, 1);
    }).sort((a, b) => a - b);
    return {
      day,
      figures,
      throughputRatio: Number((sum('today') / Math.max(sum('as of'), 1)).toFixed(2)),
      p50Ratio: Number(p50Ratios[Math.floor(p50Ratios.length / 2)].toFixed(2)),
    };
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
