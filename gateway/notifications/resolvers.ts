// Inbox, acknowledgement and single-notification lookups over the bus's global log, filtered to
// what the caller's authority was addressed.
import { toIsoDate } from '../../core/dates';
import type { BusEvent } from '../../core/bus';
import { DomainError } from '../../core/errors';
import type { SubgraphContext } from '../../core/subgraph-server';
import { isUniqueViolation, retryOnLostRace } from '../../core/write-path';
import { mayReceive } from './audience';
import { Acknowledgement } from './entities/Acknowledgement';
import { decodePosition, encodePosition } from './positions';

type Context = SubgraphContext<Record<string, never>>;

/** An inbox page reads at most this many log entries, so one poll's cost is bounded. */
const SCAN_LIMIT = 10_000;
const READ_BATCH = 500;
const MAX_PAGE = 500;

async function acknowledged(ctx: Context): Promise<number> {
  const { role, authority, subject } = ctx.identity;
  return (await ctx.em.findOne(Acknowledgement, { role, authority, subject }))?.sequence ?? 0;
}

/**
 * A position the log has not reached yet was never issued, whatever it decodes to. Acknowledging
 * it, or reading after it, would silently skip every notification up to it once the log got there.
 */
async function issuedPosition(ctx: Context, position: string): Promise<number> {
  const sequence = decodePosition(position);
  if (sequence > (await ctx.bus.latestSequence())) {
    throw new DomainError('INVALID_POSITION', 'That position lies beyond the newest notification, so it was not issued by this service; use a position from a notification or pageInfo.endCursor.');
  }
  return sequence;
}

async function inbox(ctx: Context, after: string | null | undefined, first: number) {
  const pageSize = Math.min(Math.max(first, 1), MAX_PAGE);
  const start = after ? await issuedPosition(ctx, after) : await acknowledged(ctx);
  const nodes: BusEvent[] = [];
  let cursor = start;
  let exhausted = false;
  scan: while (cursor - start < SCAN_LIMIT) {
    const batch = await ctx.bus.read(cursor, READ_BATCH);
    if (batch.length === 0) {
      exhausted = true;
      break;
    }
    for (const event of batch) {
      cursor = event.sequence;
      if (mayReceive(ctx.identity, event.authorities)) nodes.push(event);
      if (nodes.length === pageSize) break scan;
    }
  }
  return { nodes, pageInfo: { endCursor: cursor > 0 ? encodePosition(cursor) : null, hasNextPage: !exhausted } };
}

async function notification(ctx: Context, position: string): Promise<BusEvent | null> {
  const sequence = decodePosition(position);
  const [event] = await ctx.bus.read(sequence - 1, 1);
  return event && event.sequence === sequence && mayReceive(ctx.identity, event.authorities) ? event : null;
}

async function acknowledge(ctx: Context, upTo: string): Promise<boolean> {
  const sequence = await issuedPosition(ctx, upTo);
  const { role, authority, subject } = ctx.identity;
  const updatedAt = ctx.clock.now();
  const write = async () => {
    const em = ctx.em.fork();
    // One conditional statement, not read-then-write: two gateway replicas acknowledging at once
    // must never move the inbox backwards (an older position than the stored one changes nothing).
    if ((await em.nativeUpdate(Acknowledgement, { role, authority, subject, sequence: { $lt: sequence } }, { sequence, updatedAt })) > 0) return;
    if ((await em.count(Acknowledgement, { role, authority, subject })) > 0) return;
    await em.insert(Acknowledgement, { role, authority, subject, sequence, updatedAt });
  };
  // Two first acknowledgements at once: one inserts, the other moves its row on the second try.
  await retryOnLostRace(write, { lostRace: isUniqueViolation, attempts: 2 });
  return true;
}

export const resolvers = {
  Query: {
    inbox: (_: unknown, args: { after?: string | null; first: number }, ctx: Context) => inbox(ctx, args.after, args.first),
    notification: (_: unknown, args: { position: string }, ctx: Context) => notification(ctx, args.position),
  },
  Mutation: {
    acknowledge: (_: unknown, args: { upTo: string }, ctx: Context) => acknowledge(ctx, args.upTo),
  },
  Notification: {
    position: (event: BusEvent) => encodePosition(event.sequence),
    occurredAt: (event: BusEvent) => new Date(event.occurredAt),
    // Events from before valid time was recorded took effect the day they occurred.
    effectiveDate: (event: BusEvent) => event.effectiveDate ?? toIsoDate(new Date(event.occurredAt)),
    person: (event: BusEvent) => (event.personId ? { __typename: 'Person', id: event.personId } : null),
  },
};
