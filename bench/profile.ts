// A CPU profile of this process over a stretch of a benchmark (V8's profiler through the inspector),
// written as a .cpuprofile for Chrome DevTools or speedscope, and summed by package: where the
// time goes at a glance, without opening the file.
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { Profiler } from 'node:inspector';

/** The package a profile frame belongs to: node_modules' folder (scoped too), else what V8 calls it. */
function partOf(node: Profiler.ProfileNode): string {
  const { url, functionName } = node.callFrame;
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node (built-in)';
  return 'this project';
}

/**
 * Self time by part, in percent of the profile's samples, largest first. A native function (no
 * script of its own: better-sqlite3's `prepare`, JSON, crypto) counts for the package that called it.
 */
export function summarise(profile: Profiler.Profile): { part: string; percent: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const partOfId = (id: number): string => {
    const node = byId.get(id)!;
    const own = partOf(node);
    if (own !== '(native)') return own;
    const caller = parent.get(id);
    return caller === undefined ? own : `${partOfId(caller).replace(/ \(native\)$/, '')} (native)`;
  };
  const counts = new Map<string, number>();
  for (const id of profile.samples ?? []) {
    const part = partOfId(id);
    counts.set(part, (counts.get(part) ?? 0) + 1);
  }
  const total = profile.samples?.length ?? 0;
  return [...counts.entries()].map(([part, n]) => ({ part, percent: Number(((100 * n) / total).toFixed(1)) })).sort((a, b) => b.percent - a.percent);
}

export async function startProfile(): Promise<{ stop(file: string): Promise<{ part: string; percent: number }[]> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      fs.writeFileSync(file, JSON.stringify(profile));
      return summarise(profile);
    },
  };
}
