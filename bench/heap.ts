// `npm run bench -- heap`: our gateway alone under the caseworker-list workload, started with
// different V8 heap settings, to show what each does to peak memory and throughput. This is the
// measurement behind the heap ceiling in core/heap.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HEAP_FLAG } from '../core/heap';
import { devClientSigningKey } from '../gateway/keys';
import { issueClientToken } from '../gateway/tokens';
import { seedDemoData } from '../scripts/seed-data';
import { CASEWORKER_LIST, load } from './gateway';
import { ask, forkServer, peakMemoryMb, stopForked } from './processes';

export const HEAP_SETTINGS: { label: string; flags: string[] }[] = [
  { label: 'V8 defaults', flags: [] },
  { label: `${HEAP_FLAG} (shipped)`, flags: [HEAP_FLAG] },
  { label: '--max-old-space-size=2048', flags: ['--max-old-space-size=2048'] },
  { label: '--max-semi-space-size=4', flags: ['--max-semi-space-size=4'] },
];

export interface HeapFigures {
  setting: string;
  round: number;
  requestsPerSecond: number;
  p99Ms: number;
  peakMb: number;
  oldSpacePeakMb: number;
  newSpacePeakMb: number;
}

export async function benchHeap(options: { persons: number; seconds: number; connections: number; rounds: number }): Promise<HeapFigures[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-bench-heap-'));
  const stops: (() => Promise<void>)[] = [];
  try {
    const subgraphs = await forkServer<{ urls: Record<string, string> }>('subgraphs.ts', [dataDir]);
    stops.push(() => stopForked(subgraphs.child));
    const gatewayArgs = [dataDir, JSON.stringify(subgraphs.ready.urls)];
    const seeder = await forkServer<{ url: string }>('ours.ts', gatewayArgs);
    stops.unshift(() => stopForked(seeder.child));
    await seedDemoData(seeder.ready.url, dataDir, options.persons, undefined, ['101']);
    await stopForked(seeder.child);
    const caseworker = await issueClientToken(await devClientSigningKey(dataDir), { role: 'caseworker', authority: '101', subject: 'bench-caseworker' });
    const body = () => JSON.stringify({ query: CASEWORKER_LIST, variables: { municipalityCode: '101', first: 100 } });

    const figures: HeapFigures[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      // Alternate the order so no setting always runs on the busier or the quieter end of a round.
      const settings = round % 2 === 1 ? HEAP_SETTINGS : [...HEAP_SETTINGS].reverse();
      for (const setting of settings) {
        const gateway = await forkServer<{ url: string }>('ours.ts', gatewayArgs, setting.flags);
        try {
          await ask(gateway.child, 'heap-watch');
          await load(gateway.ready, caseworker, body, 2, options.connections);
          const result = await load(gateway.ready, caseworker, body, options.seconds, options.connections);
          if (result.errors > 0) throw new Error(`${setting.label}: ${result.errors} failed requests`);
          const { peaks } = await ask<{ peaks: Record<string, number> }>(gateway.child, 'heap-peaks');
          figures.push({
            setting: setting.label,
            round,
            requestsPerSecond: result.requestsPerSecond,
            p99Ms: result.p99Ms,
            peakMb: peakMemoryMb(gateway.child.pid!),
            oldSpacePeakMb: Math.round((peaks.old_space ?? 0) / 2 ** 20),
            newSpacePeakMb: Math.round((peaks.new_space ?? 0) / 2 ** 20),
          });
        } finally {
          await stopForked(gateway.child);
        }
      }
    }
    return figures;
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
