// Sick-leave metadata (002): "can return fully to own workplace within week 13 after the first
// follow-up meeting". One per sick-group registration; it ends by itself on an earlier recovery.
import { EntitySchema } from '@mikro-orm/core';

export class SickLeaveReturnExpectation {
  id!: string;
  personId!: string;
  /** The sick group registration (24) it belongs to. */
  registrationId!: string;
  firstFollowUpMeeting!: string;
  /** The last day of week 13 counted from the first follow-up meeting. */
  returnBy!: string;
  end: string | null = null;
  endCause: 'RECOVERED' | null = null;
  createdAt!: Date;
}

export const SickLeaveReturnExpectationSchema = new EntitySchema<SickLeaveReturnExpectation>({
  class: SickLeaveReturnExpectation,
  tableName: 'sick_leave_return_expectation',
  indexes: [{ properties: ['personId'] }],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    personId: { type: 'string', length: 36 },
    registrationId: { type: 'string', length: 36, unique: true },
    firstFollowUpMeeting: { type: 'string', length: 10 },
    returnBy: { type: 'string', length: 10 },
    end: { type: 'string', length: 10, nullable: true },
    endCause: { type: 'string', length: 16, nullable: true },
    createdAt: { type: 'datetime' },
  },
});
