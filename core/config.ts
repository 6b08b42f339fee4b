// Environment variables in one place, each documented in README.md. Nothing else reads process.env
// (gateway/no-phoning-home.ts sets one variable a library reads, before that library is built).
import path from 'node:path';

/** A variable set to a value the process cannot run with: its message names the variable and says what is expected. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface DatabaseTarget {
  kind: 'sqlite' | 'postgresql';
  /** SQLite: file path; PostgreSQL: connection URL including the database name. */
  location: string;
}

function env(name: string, source: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = source[name];
  return value === undefined || value === '' ? undefined : value;
}

export function dataDir(): string {
  return path.resolve(env('DATA_DIR') ?? 'data');
}

/**
 * `<SUBGRAPH>_DATABASE_URL` wins; otherwise `DATABASE_URL` names a PostgreSQL server and each
 * subgraph gets its own database `dfdg_<subgraph>` on it; otherwise a SQLite file under DATA_DIR.
 */
export function databaseTarget(subgraph: string, dir = dataDir()): DatabaseTarget {
  const own = env(`${subgraph.toUpperCase()}_DATABASE_URL`);
  if (own) return { kind: 'postgresql', location: own };
  const shared = env('DATABASE_URL');
  if (shared) {
    const url = new URL(shared);
    url.pathname = `/${env('DATABASE_PREFIX') ?? 'dfdg'}_${subgraph}`;
    return { kind: 'postgresql', location: url.toString() };
  }
  return { kind: 'sqlite', location: path.join(dir, `${subgraph}.sqlite`) };
}

export function port(name: string, fallback: number): number {
  const value = env(name);
  return value ? Number(value) : fallback;
}

/** `source` lets a test pass an environment of its own instead of the process's. */
export function optional(name: string, source?: NodeJS.ProcessEnv): string | undefined {
  return env(name, source);
}

export function flag(name: string, source?: NodeJS.ProcessEnv): boolean {
  return ['1', 'true', 'yes'].includes((env(name, source) ?? '').toLowerCase());
}

/** The whole environment, copied, for a launcher that hands it on to the processes it starts (scripts/start-distributed.ts). */
export function inheritedEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env };
}

/**
 * CODE_LISTS_DIR: a folder with `<subgraph>/<list>.json` files that replace the provisional code
 * lists shipped beside each subgraph (docs/operations.md "Provisional code lists"); unset: the shipped ones.
 */
export function codeListsDir(): string | undefined {
  const dir = env('CODE_LISTS_DIR');
  return dir === undefined ? undefined : path.resolve(dir);
}
