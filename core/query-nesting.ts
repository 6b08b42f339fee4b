// How deeply a query's brackets nest, read off its text before anything parses it. graphql-js
// parses recursively, a few stack frames per level: `{a{a{a…` a thousand levels deep exhausts the
// stack (a RangeError, seen as a 500) before the parser's token limit stops it. No query the hub
// answers nests anywhere near MAX_NESTING (fields stop at a depth of 14, input objects are shallow).

/** Brackets ({ [ () deeper than this are refused before parsing. */
export const MAX_NESTING = 64;

/** True when `{`, `[` or `(` outside strings and comments nest deeper than `max`. */
export function nestsDeeperThan(source: string, max: number = MAX_NESTING): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (char === '"') {
      const block = source.startsWith('"""', i);
      const close = block ? '"""' : '"';
      i += close.length;
      while (i < source.length && !source.startsWith(close, i)) i += source[i] === '\\' ? 2 : 1;
      i += close.length - 1;
    } else if (char === '{' || char === '[' || char === '(') {
      if (++depth > max) return true;
    } else if (char === '}' || char === ']' || char === ')') {
      depth--;
    }
  }
  return false;
}
