// One notification to push to one declared subscription: its state, attempts and claim. Ordered per
// (subscription, citizen and subgraph area): `orderKey`.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const Delivery = defineEntity({
  name: 'Delivery',
  tableName: 'delivery',
  uniques: [{ properties: ['subscriptionId', 'sequence'] }],
  indexes: [{ properties: ['status', 'nextAttemptAt'] }, { properties: ['subscriptionId', 'orderKey', 'sequence'] }],
  properties: {
    id: p.string().length(36).primary(),
    subscriptionId: p.string().length(36),
    /** Denormalised from the subscription, so the owner's listing needs no join. */
    role: p.string().length(16),
    authority: p.string().length(8),
    sequence: p.bigint('number'),
    kind: p.string().length(100),
    /** The producing subgraph and the person: a failing delivery holds back later ones with the same key only. */
    orderKey: p.string().length(200),
    /** PENDING, DELIVERED, FAILED (retried at nextAttemptAt) or PARKED (waits for resume or replay). */
    status: p.string().length(10),
    attempts: p.integer(),
    firstFailedAt: p.datetime().nullable(),
    /** Epoch ms of the injected clock: compared in the worker's one SQL statement, the same in both dialects. */
    nextAttemptAt: p.bigint('number'),
    lastError: p.string().length(500).nullable(),
    deliveredAt: p.datetime().nullable(),
    /** The replica attempting it now and until when (wall clock); an expired claim may be taken over. */
    claimedBy: p.string().length(64).nullable(),
    claimedUntil: p.bigint('number').nullable(),
  },
});

export type Delivery = InferEntity<typeof Delivery>;
