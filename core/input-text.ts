// Text no database keeps as written is refused before anything runs: a NUL character (PostgreSQL
// text cannot hold it, and SQLite failed the statement) and a lone UTF-16 surrogate (PostgreSQL's
// jsonb refuses it; SQLite stored U+FFFD instead). Checked once, for every string in the variables
// and in the query's literals, so no field can be forgotten.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import { ErrorCode } from './errors';

const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !text.includes(NUL) && !LONE_SURROGATE.test(text);
}

/**
 * The path (`$input.name`) of the first string in the variables that is not storable. A loop, not
 * recursion: a JSON scalar such as a subgraph's `_Any` may nest deeper than the call stack.
 */
export function unstorableVariable(variables: Record<string, unknown>): string | undefined {
  const pending: [unknown, string][] = Object.entries(variables).map(([name, value]) => [value, `$${name}`]);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value === 'string' && !isStorableText(value)) return path;
    if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) pending.push([item, `${path}.${key}`]);
    }
  }
  return undefined;
}

/** The argument or input field (`input.title`) of the first string literal that is not storable. */
export function unstorableLiteral(document: DocumentNode): string | undefined {
  const names: string[] = [];
  let found: string | undefined;
  visit(document, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    StringValue(node) {
      if (found === undefined && !isStorableText(node.value)) found = names.join('.') || 'query';
    },
  });
  return found;
}

export function refuseUnstorableTextPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const field = unstorableVariable(request.variables ?? {}) ?? unstorableLiteral(document);
          if (field) {
            throw new GraphQLError('Text may not contain a NUL character or an unpaired UTF-16 surrogate.', {
              extensions: { code: ErrorCode.INVALID_TEXT, field, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
