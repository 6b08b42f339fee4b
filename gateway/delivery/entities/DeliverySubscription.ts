// One declared push subscription of an authority: where to POST, the signing secret, and the
// subscription document whose result is each delivery's body. An authority's declaration is the
// set of its rows, replaced as a whole.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const DeliverySubscription = defineEntity({
  name: 'DeliverySubscription',
  tableName: 'delivery_subscription',
  indexes: [{ properties: ['role', 'authority'] }],
  properties: {
    id: p.string().length(36).primary(),
    role: p.string().length(16),
    authority: p.string().length(8),
    /** Who declared it; deliveries are fetched and audited under this subject. */
    subject: p.string().length(200),
    endpoint: p.string().length(2000),
    secret: p.string().length(200),
    /** The subscription document as declared, and the follow-up query that fetches its result. */
    query: p.text(),
    followUp: p.text(),
    paused: p.boolean(),
    /** The bus sequence deliveries have been recorded up to (starts at the newest event when declared). */
    recordedUpTo: p.bigint('number'),
    declaredAt: p.datetime(),
  },
});

export type DeliverySubscription = InferEntity<typeof DeliverySubscription>;
