// Code lists (DFDG's tables keyed by id or code): look-up by key, or the list's own typed refusal.
// One implementation for every subgraph's tables; a duplicate key fails when the module loads.
// Provisional lists (ids the seeds do not give) are read from JSON files an operator can replace.
import fs from 'node:fs';
import path from 'node:path';
import { codeListsDir } from './config';

export interface CodeList<K, T> {
  readonly all: readonly T[];
  /** The entry with this key, or undefined. */
  find(key: K): T | undefined;
  /** The entry with this key, or the list's own error (an UNKNOWN_… DomainError). */
  get(key: K): T;
}

export function codeList<K, T>(rows: readonly T[], keyOf: (row: T) => K, unknown: (key: K) => Error): CodeList<K, T> {
  const byKey = new Map<K, T>();
  for (const row of rows) {
    const key = keyOf(row);
    if (byKey.has(key)) throw new Error(`Code list has ${String(key)} twice`);
    byKey.set(key, row);
  }
  return {
    all: rows,
    find: (key) => byKey.get(key),
    get(key) {
      const found = byKey.get(key);
      if (found === undefined) throw unknown(key);
      return found;
    },
  };
}

/** One row of a provisional code list: the key the rules know it by, and the id and name it goes by. */
export interface ProvisionalCode {
  readonly id: number;
  readonly name: string;
}

/** A provisional code list's rows by key, in the file's order as `all`. */
export type ProvisionalCodes<K extends string> = { readonly [key in K]: ProvisionalCode } & { readonly all: readonly (ProvisionalCode & { key: K })[] };

/** Raised at start for a provisional code list file that cannot be used; the message names file, row and problem. */
export class CodeListFileError extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a provisional code list: ids the seeds do not give (DFDG's 9xx placeholders), kept as data so
 * an operator can put STAR's real ids and names in without a code change. The file is a JSON array
 * of `{ "key", "id", "name" }`; `key` is what the rules are written against and cannot change,
 * `id` and `name` can. Every key in `keys` needs exactly one row, and no other key is accepted
 * (new behaviour is a code change). `seedIds` are the ids the same list already has from the
 * seeds, which a mapped id must not take. Throws CodeListFileError.
 */
export function readProvisionalCodes<K extends string>(file: string, keys: readonly K[], seedIds: readonly number[] = []): ProvisionalCodes<K> {
  const fail = (problem: string): never => {
    throw new CodeListFileError(`Code list ${file}: ${problem}`);
  };
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    fail(`is not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed)) return fail('must be a JSON array of { "key", "id", "name" } rows');
  const known = new Set<string>(keys);
  const byKey = new Map<K, ProvisionalCode & { key: K }>();
  const rowOfId = new Map<number, number>();
  parsed.forEach((row: unknown, index) => {
    const at = `row ${index + 1}`;
    if (!isRecord(row)) return fail(`${at} must be an object with "key", "id" and "name"`);
    const { key, id, name } = row;
    if (typeof key !== 'string') return fail(`${at}: "key" must be a string, not ${JSON.stringify(key)}`);
    if (!known.has(key)) return fail(`${at}: key ${key} is not one the rules know (${keys.join(', ')}); a code with new behaviour needs a code change`);
    if (byKey.has(key as K)) return fail(`${at}: key ${key} appears twice`);
    if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0) return fail(`${at} (${key}): "id" must be a whole number above 0, not ${JSON.stringify(id)}`);
    if (seedIds.includes(id)) return fail(`${at} (${key}): id ${id} is already a seed id in this list`);
    if (rowOfId.has(id)) return fail(`${at} (${key}): id ${id} is also in row ${rowOfId.get(id)}`);
    if (typeof name !== 'string' || name.trim() === '') return fail(`${at} (${key}): "name" is missing or empty`);
    rowOfId.set(id, index + 1);
    byKey.set(key as K, { key: key as K, id, name });
  });
  const missing = keys.filter((key) => !byKey.has(key));
  if (missing.length > 0) fail(`has no row for ${missing.join(', ')}, which the rules use`);
  return Object.assign(Object.fromEntries(byKey), { all: [...byKey.values()] }) as ProvisionalCodes<K>;
}

/**
 * A subgraph's reader of its provisional lists: `<list>.json` from CODE_LISTS_DIR/<subgraph>/ when
 * that is set, else from `shippedDir` (the subgraph's own code-lists/ folder). Read when the module
 * that asks is loaded, so a bad file stops the start.
 */
export function provisionalCodeLists(subgraph: string, shippedDir: string) {
  return <K extends string>(list: string, keys: readonly K[], seedIds: readonly number[] = []): ProvisionalCodes<K> => {
    const override = codeListsDir();
    return readProvisionalCodes(path.join(override === undefined ? shippedDir : path.join(override, subgraph), `${list}.json`), keys, seedIds);
  };
}
