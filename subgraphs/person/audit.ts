// The audit of CPR reads in the person subgraph, the only place a CPR number leaves in clear: one
// trail per request (so a person shown twice in one answer is one row), and the auditLog query.
import { Buffer } from 'node:buffer';
import { requireRole } from '../../core/authorize';
import { CprAccess, CprAuditTrail } from '../../core/audit';
import { DomainError, ErrorCode } from '../../core/errors';
import type { SubgraphContext } from '../../core/subgraph-server';
import { parseCpr } from '../common/cpr';
import { Person } from './entities/Person';

const trails = new WeakMap<object, CprAuditTrail>();

export function auditTrailOf(ctx: SubgraphContext): CprAuditTrail {
  let trail = trails.get(ctx);
  if (!trail) {
    trail = new CprAuditTrail(ctx.em, ctx);
    trails.set(ctx, trail);
  }
  return trail;
}

export interface AuditLogArgs {
  cpr?: string | null;
  subject?: string | null;
  from?: string | null;
  to?: string | null;
  first: number;
  after?: string | null;
}

const MAX_PAGE = 500;

function cursorOf(entry: CprAccess): string {
  return Buffer.from(`${entry.at.toISOString()}|${entry.id}`).toString('base64url');
}

function parseCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime())) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'The `after` cursor is not one this query returned.', { field: 'after' });
  return { at: date, id };
}

/** Who read which CPR in clear, newest first (system role: STAR's data protection audits). */
export async function auditLog(ctx: SubgraphContext, args: AuditLogArgs) {
  requireRole(ctx.identity, 'system');
  const where: Record<string, unknown> = {};
  if (args.cpr) {
    const person = await ctx.em.findOne(Person, { cpr: parseCpr(args.cpr) });
    if (!person) return { nodes: [], pageInfo: { endCursor: null, hasNextPage: false } };
    where.personId = person.id;
  }
  if (args.subject) where.subject = args.subject;
  const at: Record<string, Date> = {};
  if (args.from) at.$gte = new Date(args.from);
  if (args.to) at.$lt = new Date(args.to);
  if (Object.keys(at).length) where.at = at;
  if (args.after) {
    const cursor = parseCursor(args.after);
    where.$or = [{ at: { $lt: cursor.at } }, { at: cursor.at, id: { $lt: cursor.id } }];
  }
  const size = Math.min(Math.max(args.first, 1), MAX_PAGE);
  const rows = await ctx.em.find(CprAccess, where, { orderBy: [{ at: 'desc' }, { id: 'desc' }], limit: size + 1 });
  const nodes = rows.slice(0, size);
  return { nodes, pageInfo: { endCursor: nodes.length ? cursorOf(nodes[nodes.length - 1]) : null, hasNextPage: rows.length > size } };
}
