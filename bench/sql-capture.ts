// Records the SQL statements better-sqlite3 runs in this process, with their bound values and the
// file they ran on, while a capture is open: what the raw-SQL floor (bench/floor.ts) replays.
// MikroORM's query log inlines the values into the text, so the driver's own `prepare` is wrapped
// instead: knex's better-sqlite3 dialect calls it for every statement it runs. MikroORM hands knex
// the statement with its values already written in as literals (so no two persons' statements share
// a text, and every run prepares anew); the capture takes them out again as `?` parameters, the
// form a prepared statement is reused in.
import Database from 'better-sqlite3';

export interface CapturedStatement {
  /** The database file the statement ran on. */
  file: string;
  /** With `?` for every value. */
  sql: string;
  values: unknown[];
  reader: boolean;
  /** The text as it ran. */
  ran: string;
}

/** Quoted strings, quoted identifiers (kept) and bare numbers. */
const TOKENS = /'(?:[^']|'')*'|`[^`]*`|(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])/g;

/** The statement with its literal values taken out as parameters; bound values stay as bound. */
export function parameterise(sql: string, bound: unknown[]): { sql: string; values: unknown[] } {
  if (bound.length) return { sql, values: bound };
  const values: unknown[] = [];
  const text = sql.replace(TOKENS, (token) => {
    if (token.startsWith('`')) return token;
    values.push(token.startsWith("'") ? token.slice(1, -1).replace(/''/g, "'") : Number(token));
    return '?';
  });
  return { sql: text, values };
}

type Run = (...values: unknown[]) => unknown;

/**
 * Runs `work` with the driver's `prepare` wrapped and returns the statements it ran (timers'
 * statements in the same window too). The original is back afterwards, so later benchmarks in this
 * process pay nothing for it; knex prepares every statement anew, so none keeps the wrapper.
 */
export async function captureStatements(work: () => Promise<void>): Promise<CapturedStatement[]> {
  const captured: CapturedStatement[] = [];
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function capturingPrepare(this: Database.Database, source: string) {
    const statement = prepare.call(this, source);
    const file = this.name;
    for (const method of ['all', 'get', 'run'] as const) {
      const original = statement[method] as Run;
      (statement as unknown as Record<string, Run>)[method] = function (this: unknown, ...values: unknown[]) {
        captured.push({ file, ...parameterise(source, values.flat()), reader: statement.reader, ran: source });
        return original.apply(this, values);
      };
    }
    return statement;
  } as typeof prepare;
  try {
    await work();
  } finally {
    Database.prototype.prepare = prepare;
  }
  return captured;
}
