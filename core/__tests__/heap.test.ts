import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HEAP_FLAG } from '../heap';

const HEAP_LIMIT_MB = "process.stdout.write(String(require('node:v8').getHeapStatistics().heap_size_limit / 2 ** 20))";

describe('the V8 heap ceiling every process starts with', () => {
  it('is on the command line of npm start and npm run bench', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toContain(` ${HEAP_FLAG} `);
    expect(scripts.bench).toContain(` ${HEAP_FLAG} `);
  });

  it('keeps the heap limit below the 2 GB at which V8 lets the old generation grow fourfold', () => {
    const limitMb = Number(execFileSync(process.execPath, [HEAP_FLAG, '-e', HEAP_LIMIT_MB], { encoding: 'utf8' }));
    expect(limitMb).toBeLessThan(2048);
    // Still far above the gateway's live heap under load (about 90 MB): a growth setting, not a tight cap.
    expect(limitMb).toBeGreaterThanOrEqual(1536);
  });

  it('is reported missing (start-up warns) only when a process runs at or above that 2 GB step', () => {
    const missing = (flag: string) =>
      execFileSync(process.execPath, [flag, '--import', 'tsx', '-e', "process.stdout.write(String(require('./core/heap').heapCeilingMissing()))"], {
        cwd: path.join(__dirname, '..', '..'),
        encoding: 'utf8',
      });
    expect(missing(HEAP_FLAG)).toBe('false');
    expect(missing('--max-old-space-size=4096')).toBe('true');
  });
});
