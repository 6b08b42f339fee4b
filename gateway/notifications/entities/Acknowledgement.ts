// How far an integration has handled its inbox: one row per caller (role, authority, subject).
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const Acknowledgement = defineEntity({
  name: 'Acknowledgement',
  tableName: 'notification_acknowledgement',
  properties: {
    role: p.string().length(16).primary(),
    authority: p.string().length(8).primary(),
    subject: p.string().length(200).primary(),
    sequence: p.bigint('number'),
    updatedAt: p.datetime(),
  },
});

export type Acknowledgement = InferEntity<typeof Acknowledgement>;
