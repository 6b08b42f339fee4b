// Records the deliveries a subscription owes: every event of the bus after its `recordedUpTo` that
// the dispatch rules address to its authority (notifications/audience.ts, the same rule as the
// inbox and live subscriptions) becomes one PENDING row. Idempotent (unique per subscription and
// sequence), so two replicas, or a replay beside the dispatcher, never record one event twice.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { BusEvent } from '../../core/bus';
import type { Clock } from '../../core/clock';
import type { Role } from '../../core/identity';
import { mayReceive } from '../notifications/audience';
import { Delivery } from './entities/Delivery';
import { DeliverySubscription } from './entities/DeliverySubscription';

const READ_BATCH = 500;

/** A failing delivery holds back later ones with the same key only: the same citizen in the same subgraph's area. */
export function orderKey(event: BusEvent): string {
  return `${event.stream}:${event.personId ?? '-'}`;
}

/** Reads the bus's log after a sequence: `bus.read`, or a reader that serves recent events from memory. */
export type ReadLog = (afterSequence: number, limit: number) => Promise<BusEvent[]>;

/** Records what each subscription is owed up to the newest event; returns how many rows were added. */
export async function recordDeliveries(em: EntityManager, read: ReadLog, clock: Clock, subscriptions: DeliverySubscription[]): Promise<number> {
  if (subscriptions.length === 0) return 0;
  let added = 0;
  let cursor = Math.min(...subscriptions.map((s) => s.recordedUpTo));
  for (;;) {
    const batch = await read(cursor, READ_BATCH);
    if (batch.length === 0) return added;
    const now = clock.now();
    const rows = batch.flatMap((event) =>
      subscriptions
        .filter((s) => event.sequence > s.recordedUpTo && mayReceive({ role: s.role as Role, authority: s.authority, subject: s.subject }, event.authorities))
        .map((s) => ({ id: randomUUID(), subscriptionId: s.id, role: s.role, authority: s.authority, sequence: event.sequence, kind: event.kind, orderKey: orderKey(event), status: 'PENDING', attempts: 0, nextAttemptAt: now.getTime(), firstFailedAt: null, lastError: null, deliveredAt: null, claimedBy: null, claimedUntil: null })),
    );
    cursor = batch[batch.length - 1].sequence;
    await em.transactional(async (tx) => {
      const recorded = rows.length ? await tx.find(Delivery, { subscriptionId: { $in: subscriptions.map((s) => s.id) }, sequence: { $gte: batch[0].sequence, $lte: cursor } }, { fields: ['subscriptionId', 'sequence'] }) : [];
      const known = new Set(recorded.map((d) => `${d.subscriptionId}:${d.sequence}`));
      const fresh = rows.filter((r) => !known.has(`${r.subscriptionId}:${r.sequence}`));
      // Ignore on conflict all the same: another replica may record the same rows at this moment.
      if (fresh.length) await tx.upsertMany(Delivery, fresh, { onConflictFields: ['subscriptionId', 'sequence'], onConflictAction: 'ignore' });
      added += fresh.length;
      // Only forwards: a replay that rewound it meanwhile records again from there.
      await tx.nativeUpdate(DeliverySubscription, { id: { $in: subscriptions.map((s) => s.id) }, recordedUpTo: { $lt: cursor } }, { recordedUpTo: cursor });
    });
    for (const s of subscriptions) s.recordedUpTo = Math.max(s.recordedUpTo, cursor);
  }
}
