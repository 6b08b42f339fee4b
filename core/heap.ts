// The V8 heap ceiling every process of this system starts with (`npm start`, `npm run bench`, and
// `node --max-old-space-size=1536 dist/scripts/start.js` in production).
//
// V8 lets the old generation grow by a factor of its live size between full collections, and takes
// the largest factor, 4×, whenever the ceiling is 2 GB or more, which is the default on any machine
// with 8 GiB of memory or more (4 GB here). The gateway's live heap under twenty concurrent
// 100-person lists is about 90 MB, but every request allocates ~2.5 MB that lives for the length of
// its subgraph calls, so much of it is promoted before it dies: with a 4× factor the old generation
// swelled to 185 MB of mostly garbage and the process peaked near 290 MB. Below 2 GB the factor
// is scaled down with the ceiling; at 1.5 GB the same load peaks near 185 MB, for about 9 % of the
// gateway's list throughput (`npm run bench -- heap`, docs/performance.md). 1.5 GB is still more
// than fifteen times that live heap, so it is a growth setting, not a cap a heavy load runs into.
import v8 from 'node:v8';

export const HEAP_CEILING_MB = 1536;

/** The Node.js flag that sets it; package.json's scripts carry the same text (a test checks). */
export const HEAP_FLAG = `--max-old-space-size=${HEAP_CEILING_MB}`;

/** V8 switches to its 4× growth factor at this ceiling. */
const FULL_GROWTH_CEILING_BYTES = 2 * 1024 ** 3;

/** Whether this process was started without the ceiling (so its old generation may grow 4×). */
export function heapCeilingMissing(): boolean {
  return v8.getHeapStatistics().heap_size_limit >= FULL_GROWTH_CEILING_BYTES;
}
