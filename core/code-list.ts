// Code lists (DFDG's tables keyed by id or code): look-up by key, or the list's own typed refusal.
// One implementation for every subgraph's tables; a duplicate key fails when the module loads.

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
