// Runs `npm start` (scripts/start.ts, with the flags of package.json) as a child process with an
// environment given in full, none of the test runner's own, and reads its JSON log lines.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { HEAP_FLAG } from '../../core/heap';

const ROOT = path.join(__dirname, '..', '..');

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface StartedProcess {
  child: ChildProcess;
  /** Every log line so far; lines that are not JSON (a crash before the logger) as `{ msg }`. */
  logs: LogLine[];
  /** Resolves with the first log line whose message contains `text` (and that `match` accepts); rejects if the process exits first. */
  waitForLog(text: string, ms?: number, match?: (line: LogLine) => boolean): Promise<LogLine>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  args?: string[];
  env: Record<string, string>;
  /** Extra Node.js flags before the script, e.g. `--import` of a preload. */
  nodeFlags?: string[];
  /** Defaults to `npm start`'s script; scripts/start-distributed.ts for the distributed mode. */
  script?: string;
}

export function startProcess({ args = [], env, nodeFlags = [], script = 'scripts/start.ts' }: StartOptions): StartedProcess {
  // PATH, HOME and TMPDIR only, so that tsx finds its cache; nothing else of the runner's environment.
  const base = Object.fromEntries(['PATH', 'HOME', 'TMPDIR'].filter((k) => process.env[k]).map((k) => [k, process.env[k]!]));
  const child = spawn(process.execPath, [HEAP_FLAG, '--import', 'tsx', ...nodeFlags, script, ...args], {
    cwd: ROOT,
    env: { ...base, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const listeners = new Set<() => void>();
  let buffered = '';
  const read = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines.filter(Boolean)) logs.push(parseLine(line));
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  return {
    child,
    logs,
    exited,
    waitForLog(text, ms = 45_000, match = () => true) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = logs.find((l) => l.msg.includes(text) && match(l));
          if (found) done(() => resolve(found));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`no log line "${text}" within ${ms} ms:\n${dump(logs)}`))), ms);
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        void exited.then((code) => done(() => reject(new Error(`exited (${code}) before logging "${text}":\n${dump(logs)}`))));
        listeners.add(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

function parseLine(line: string): LogLine {
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return { level: 0, msg: line };
  }
}

function dump(logs: LogLine[]): string {
  return logs.map((l) => JSON.stringify(l)).join('\n');
}
