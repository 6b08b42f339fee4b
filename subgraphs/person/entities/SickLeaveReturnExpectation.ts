// Sick-leave metadata (002): "can return fully to own workplace within week 13 after the first
// follow-up meeting". One per sick-group registration; it ends by itself on an earlier recovery.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { startsNull } from '../../../core/entity-defaults';

export const SickLeaveReturnExpectation = defineEntity({
  name: 'SickLeaveReturnExpectation',
  tableName: 'sick_leave_return_expectation',
  indexes: [{ properties: ['personId'] }],
  properties: {
    id: p.string().length(36).primary(),
    personId: p.string().length(36),
    /** The sick group registration (24) it belongs to. */
    registrationId: p.string().length(36).unique(),
    firstFollowUpMeeting: p.string().length(10),
    /** The last day of week 13 counted from the first follow-up meeting. */
    returnBy: p.string().length(10),
    end: startsNull(p.string().length(10)),
    endCause: startsNull(p.string().$type<'RECOVERED'>().length(16)),
    createdAt: p.datetime(),
  },
});

export type SickLeaveReturnExpectation = InferEntity<typeof SickLeaveReturnExpectation>;
