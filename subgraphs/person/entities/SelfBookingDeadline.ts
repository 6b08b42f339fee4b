// A deadline for self-booking a meeting (frist for selvbooking). At most one is active per person
// (001 §1.4): caseworker systems sent several milliseconds apart, so the rule lives in a partial
// unique index, not in a read-then-write check that two parallel requests would both pass.
import { EntitySchema } from '@mikro-orm/core';

export type SelfBookingStatus = 'ACTIVE' | 'CLOSED';

export class SelfBookingDeadline {
  id!: string;
  personId!: string;
  deadline!: string;
  status: SelfBookingStatus = 'ACTIVE';
  setBy!: string;
  createdAt!: Date;
  closedAt: Date | null = null;
}

export const SelfBookingDeadlineSchema = new EntitySchema<SelfBookingDeadline>({
  class: SelfBookingDeadline,
  tableName: 'self_booking_deadline',
  indexes: [
    { properties: ['personId', 'createdAt'] },
    {
      name: 'self_booking_deadline_one_active',
      expression: 'create unique index "self_booking_deadline_one_active" on "self_booking_deadline" ("person_id") where "status" = \'ACTIVE\'',
    },
  ],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    personId: { type: 'string', length: 36 },
    deadline: { type: 'string', length: 10 },
    status: { type: 'string', length: 16 },
    setBy: { type: 'string', length: 64 },
    createdAt: { type: 'datetime' },
    closedAt: { type: 'datetime', nullable: true },
  },
});
