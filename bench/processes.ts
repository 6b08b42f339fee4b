// Child processes for the benchmarks: start one, wait for its "ready", read its peak memory.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { HEAP_FLAG } from '../core/heap';

export interface Server {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

/** Where `npm run build:dist` puts the compiled benchmark servers. */
export const DIST = path.join(__dirname, '..', 'dist');

/**
 * An entry point under bench/servers that sends { type: 'ready', ... }: the compiled JavaScript in
 * dist/ (plain node, as production runs), else the TypeScript source under tsx, whose loader alone
 * adds ~40 MB to a process and would distort the memory figures.
 */
export function forkServer<T extends object>(entry: string, args: string[], nodeFlags: readonly string[] = [HEAP_FLAG]): Promise<{ child: ChildProcess; ready: T }> {
  const compiled = path.join(DIST, 'bench', 'servers', entry.replace(/\.ts$/, '.js'));
  // By default with the heap ceiling production starts with (`npm start`, core/heap.ts).
  const [file, execArgv] = fs.existsSync(compiled) ? [compiled, [...nodeFlags]] : [path.join(__dirname, 'servers', entry), [...nodeFlags, '--import', 'tsx']];
  const child = fork(file, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, LOG_LEVEL: 'error' } });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
    const listener = (message: { type: string } & T) => {
      if (message.type !== 'ready') return;
      child.off('message', listener);
      resolve({ child, ready: message });
    };
    child.on('message', listener);
  });
}

export function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: { type: string } & T) => {
      if (message.type !== type) return;
      child.off('message', listener);
      resolve(message);
    };
    child.on('message', listener);
    child.send({ type });
  });
}

export async function stopForked(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  // The start-up listener rejects on exit; a planned stop is not a failure.
  child.removeAllListeners('exit');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send({ type: 'stop' });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timeout);
}

/** A plain command (Hive Gateway's CLI); ready when `probe` answers. */
export async function spawnServer(command: string, args: string[], env: NodeJS.ProcessEnv, probe: () => Promise<boolean>): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'], detached: false });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}`);
    if (await probe().catch(() => false)) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`${command} did not come up`);
}

/** Peak resident memory (VmHWM) of a process and all its descendants, in MB (Linux /proc). */
export function peakMemoryMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const visit = (p: number) => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      if (match) total += Number(match[1]);
    } catch {
      // gone
    }
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return Math.round(total / 1024);
}
