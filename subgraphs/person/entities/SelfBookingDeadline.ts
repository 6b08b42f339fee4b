// A deadline for self-booking a meeting (frist for selvbooking). At most one is active per person
// (001 §1.4): caseworker systems sent several milliseconds apart, so the rule lives in a partial
// unique index, not in a read-then-write check that two parallel requests would both pass.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { startsAs, startsNull } from '../../../core/entity-defaults';

export type SelfBookingStatus = 'ACTIVE' | 'CLOSED';

export const SelfBookingDeadline = defineEntity({
  name: 'SelfBookingDeadline',
  tableName: 'self_booking_deadline',
  indexes: [
    { properties: ['personId', 'createdAt'] },
    {
      name: 'self_booking_deadline_one_active',
      expression: 'create unique index "self_booking_deadline_one_active" on "self_booking_deadline" ("person_id") where "status" = \'ACTIVE\'',
    },
  ],
  properties: {
    id: p.string().length(36).primary(),
    personId: p.string().length(36),
    deadline: p.string().length(10),
    status: startsAs(p.string().$type<SelfBookingStatus>().length(16), 'ACTIVE'),
    setBy: p.string().length(64),
    createdAt: p.datetime(),
    closedAt: startsNull(p.datetime()),
  },
});

export type SelfBookingDeadline = InferEntity<typeof SelfBookingDeadline>;
