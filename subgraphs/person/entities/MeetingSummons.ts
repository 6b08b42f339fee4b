// A summons to a meeting (mødeindkaldelse) by a jobcentre or an a-kasse (001 §1.2, §1.3).
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { startsAs, startsNull } from '../../../core/entity-defaults';

export type SummonsStatus = 'ACTIVE' | 'CANCELLED';
export type CancellationCause = 'CANCELLED_BY_SUMMONER' | 'MOVED_MUNICIPALITY';

export const MeetingSummons = defineEntity({
  name: 'MeetingSummons',
  tableName: 'meeting_summons',
  indexes: [{ properties: ['personId', 'status'] }],
  properties: {
    id: p.string().length(36).primary(),
    personId: p.string().length(36),
    meetingTypeId: p.integer(),
    at: p.datetime(),
    /** 'caseworker' or 'akasse' (or 'system' for STAR repairs). */
    summonerRole: p.string().length(20),
    /** The summoning jobcentre's municipality code or a-kasse number. */
    summonerAuthority: p.string().length(10),
    /** The person's jobcentre when summoned: the one a move must tell (001 §1.3). */
    jobcentreCode: p.string().length(3),
    status: startsAs(p.string().$type<SummonsStatus>().length(16), 'ACTIVE'),
    cancellationCause: startsNull(p.string().$type<CancellationCause>().length(32)),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export type MeetingSummons = InferEntity<typeof MeetingSummons>;
