// Query.persons: a jobcentre's persons a page at a time, ordered by DFDG id, so a cursor is stable
// under inserts. Every Person field below resolves through the request's DataLoaders, so a page of
// N persons costs the same number of SQL statements as a page of one.
import { forbidden } from '../../core/authorize';
import { DomainError, ErrorCode } from '../../core/errors';
import type { SubgraphContext } from '../../core/subgraph-server';
import { Person } from './entities/Person';
import type { PersonLoaders } from './loaders';
import { refuseAnalysts } from './rules';

type Context = SubgraphContext<PersonLoaders>;

export const MAX_PAGE = 1000;

const encode = (id: string) => Buffer.from(id, 'utf8').toString('base64url');

function decode(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'That cursor is not one this list handed out.', { field: 'after' });
  return id;
}

export async function listPersons(ctx: Context, args: { municipalityCode: string; first?: number | null; after?: string | null }) {
  // Analysts: a list (or only its page count) is a count of persons without the suppression of
  // small cells; they read aggregates instead (rules/access.ts, refuseAnalysts).
  refuseAnalysts(ctx.identity);
  if (!/^\d{3}$/.test(args.municipalityCode)) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'The municipality code is 3 digits, e.g. 101 for København.', { field: 'municipalityCode' });
  }
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `Ask for 1 to ${MAX_PAGE} persons a page.`, { field: 'first' });
  }
  const { role, authority } = ctx.identity;
  // An a-kasse has members, not a municipality's persons; a jobcentre lists only its own.
  if (role === 'akasse' || (role === 'caseworker' && authority !== args.municipalityCode)) {
    throw forbidden(role === 'akasse' ? 'A-kasser cannot list a jobcentre\'s persons.' : `Only jobcentre ${args.municipalityCode} can list its persons.`);
  }
  const after = args.after ? decode(args.after) : null;
  const rows = await ctx.em.find(Person, { municipalityCode: args.municipalityCode, ...(after ? { id: { $gt: after } } : {}) }, { orderBy: { id: 'asc' }, limit: first + 1 });
  const nodes = rows.slice(0, first);
  for (const person of nodes) ctx.loaders.personById.prime(person.id, person);
  return { nodes, pageInfo: { endCursor: nodes.length ? encode(nodes[nodes.length - 1].id) : null, hasNextPage: rows.length > first } };
}
