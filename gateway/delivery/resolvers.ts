// Push delivery's operations (docs/notifications.md "Push delivery"): declare, read, pause, resume
// and replay, each for the caller's own authority. Thin: authorize → check → write; the gateway's
// delivery worker (worker.ts) does the sending.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { DomainError, ErrorCode } from '../../core/errors';
import type { Role } from '../../core/identity';
import type { SubgraphContext } from '../../core/subgraph-server';
import { decodePosition, encodePosition } from '../notifications/positions';
import { deliveryConfig } from './config';
import { checkDeclaration, type DeliverySubscriptionInput } from './declaration';
import { Delivery } from './entities/Delivery';
import { DeliverySubscription } from './entities/DeliverySubscription';
import { recordDeliveries } from './record';

type Context = SubgraphContext<Record<string, never>>;

/** Integrations that receive change messages; analysts receive none (docs/access.md "Analysts"). */
const MAY_DECLARE: Record<Role, boolean> = { akasse: true, caseworker: true, system: true, analyst: false };
const MAX_PAGE = 500;

function owner(ctx: Context): { role: Role; authority: string } {
  if (!MAY_DECLARE[ctx.identity.role]) throw new DomainError(ErrorCode.FORBIDDEN, 'Push delivery is for jobcentres, a-kasser and the system role; analysts receive no person-level notifications.');
  return { role: ctx.identity.role, authority: ctx.identity.authority };
}

function ownSubscriptions(em: EntityManager, ctx: Context): Promise<DeliverySubscription[]> {
  return em.find(DeliverySubscription, owner(ctx), { orderBy: { declaredAt: 'asc', id: 'asc' } });
}

/** Replaces the caller's declaration as a whole, in one transaction; an endpoint declared again keeps its undelivered messages. */
async function declare(ctx: Context, inputs: DeliverySubscriptionInput[]): Promise<DeliverySubscription[]> {
  const who = owner(ctx);
  const checked = checkDeclaration(inputs, ctx.identity, deliveryConfig());
  const head = await ctx.bus.latestSequence();
  const now = ctx.clock.now();
  return ctx.em.fork().transactional(async (em) => {
    const existing = new Map((await em.find(DeliverySubscription, who)).map((s) => [s.endpoint, s]));
    const kept = checked.map((input) => {
      const current = existing.get(input.endpoint);
      existing.delete(input.endpoint);
      if (current) return Object.assign(current, { secret: input.secret, query: input.query, followUp: input.followUp, subject: ctx.identity.subject });
      // A new subscription receives what happens from now on; replayDeliveries reaches back.
      return em.create(DeliverySubscription, { id: randomUUID(), ...who, subject: ctx.identity.subject, ...input, paused: false, recordedUpTo: head, declaredAt: now });
    });
    const dropped = [...existing.values()].map((s) => s.id);
    if (dropped.length) {
      await em.nativeDelete(Delivery, { subscriptionId: { $in: dropped } });
      await em.nativeDelete(DeliverySubscription, { id: { $in: dropped } });
    }
    await em.flush();
    return kept;
  });
}

async function setPaused(ctx: Context, paused: boolean): Promise<boolean> {
  const em = ctx.em.fork();
  const ids = (await ownSubscriptions(em, ctx)).map((s) => s.id);
  if (ids.length === 0) return false;
  await em.transactional(async (tx) => {
    await tx.nativeUpdate(DeliverySubscription, { id: { $in: ids } }, { paused });
    // Resuming also retries what was parked while the receiver stayed down (retry-policy.ts).
    if (!paused) await tx.nativeUpdate(Delivery, { subscriptionId: { $in: ids }, status: 'PARKED' }, { status: 'PENDING', nextAttemptAt: ctx.clock.now().getTime(), firstFailedAt: null });
  });
  return true;
}

/** Queues deliveries again: the given ones, or every one after a position (recording any the declaration had not reached back to). */
async function replay(ctx: Context, input: { ids?: string[] | null; after?: string | null }): Promise<number> {
  if (!input.ids === !input.after) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'Give either ids or after.', { field: 'input' });
  const em = ctx.em.fork();
  const subscriptions = await ownSubscriptions(em, ctx);
  const ids = subscriptions.map((s) => s.id);
  const again = { status: 'PENDING', nextAttemptAt: ctx.clock.now().getTime(), firstFailedAt: null, attempts: 0, lastError: null };
  if (input.ids) {
    const found = await em.count(Delivery, { id: { $in: input.ids }, subscriptionId: { $in: ids } });
    if (found !== new Set(input.ids).size) throw new DomainError(ErrorCode.NOT_FOUND, 'Some of these deliveries are not yours or do not exist; nothing was queued.', { field: 'input.ids' });
    return em.nativeUpdate(Delivery, { id: { $in: input.ids } }, again);
  }
  const after = decodePosition(input.after!);
  if (after > (await ctx.bus.latestSequence())) throw new DomainError('INVALID_POSITION', 'That position lies beyond the newest notification, so it was not issued by this service.');
  const requeued = ids.length ? await em.nativeUpdate(Delivery, { subscriptionId: { $in: ids }, sequence: { $gt: after } }, again) : 0;
  const behind = subscriptions.filter((s) => s.recordedUpTo > after);
  for (const s of behind) s.recordedUpTo = after;
  return requeued + (await recordDeliveries(em, (after, limit) => ctx.bus.read(after, limit), ctx.clock, behind));
}

/** The caller's deliveries oldest first, by status; the cursor is opaque like a position. */
async function deliveries(ctx: Context, args: { status?: string | null; first: number; after?: string | null }) {
  const pageSize = Math.min(Math.max(args.first, 1), MAX_PAGE);
  const em = ctx.em.fork();
  const subscriptions = await ownSubscriptions(em, ctx);
  const after = args.after ? decodeCursor(args.after) : null;
  const where = {
    subscriptionId: { $in: subscriptions.map((s) => s.id) },
    ...(args.status ? { status: args.status } : {}),
    ...(after ? { $or: [{ sequence: { $gt: after.sequence } }, { sequence: after.sequence, id: { $gt: after.id } }] } : {}),
  };
  const rows = await em.find(Delivery, where, { orderBy: { sequence: 'asc', id: 'asc' }, limit: pageSize + 1 });
  const nodes = rows.slice(0, pageSize);
  const last = nodes[nodes.length - 1];
  const endpoints = new Map(subscriptions.map((s) => [s.id, s.endpoint]));
  return {
    nodes: nodes.map((d) => ({ ...d, endpoint: endpoints.get(d.subscriptionId) })),
    pageInfo: { endCursor: last ? encodeCursor(last) : (args.after ?? null), hasNextPage: rows.length > pageSize },
  };
}

function encodeCursor(d: Delivery): string {
  return Buffer.from(`d1:${d.sequence}:${d.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { sequence: number; id: string } {
  const [tag, sequence, id] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (tag !== 'd1' || !Number.isSafeInteger(Number(sequence)) || !id) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'That cursor was not issued by this service; use pageInfo.endCursor.', { field: 'after' });
  return { sequence: Number(sequence), id };
}

export const deliveryResolvers = {
  Query: {
    deliverySubscriptions: (_: unknown, __: unknown, ctx: Context) => ownSubscriptions(ctx.em, ctx),
    deliveries: (_: unknown, args: { status?: string | null; first: number; after?: string | null }, ctx: Context) => deliveries(ctx, args),
  },
  Mutation: {
    declareDeliverySubscriptions: (_: unknown, args: { input: DeliverySubscriptionInput[] }, ctx: Context) => declare(ctx, args.input),
    pauseDeliverySubscriptions: (_: unknown, __: unknown, ctx: Context) => setPaused(ctx, true),
    resumeDeliverySubscriptions: (_: unknown, __: unknown, ctx: Context) => setPaused(ctx, false),
    replayDeliveries: (_: unknown, args: { input: { ids?: string[] | null; after?: string | null } }, ctx: Context) => replay(ctx, args.input),
  },
  Delivery: {
    position: (d: Delivery) => encodePosition(d.sequence),
    // Only a failed delivery waits for a time; the others are sent when their turn comes.
    nextAttemptAt: (d: Delivery) => (d.status === 'FAILED' ? new Date(d.nextAttemptAt) : null),
  },
};
