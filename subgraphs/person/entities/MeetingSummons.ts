// A summons to a meeting (mødeindkaldelse) by a jobcentre or an a-kasse (001 §1.2, §1.3).
import { EntitySchema } from '@mikro-orm/core';

export type SummonsStatus = 'ACTIVE' | 'CANCELLED';
export type CancellationCause = 'CANCELLED_BY_SUMMONER' | 'MOVED_MUNICIPALITY';

export class MeetingSummons {
  id!: string;
  personId!: string;
  meetingTypeId!: number;
  at!: Date;
  /** 'caseworker' or 'akasse' (or 'system' for STAR repairs). */
  summonerRole!: string;
  /** The summoning jobcentre's municipality code or a-kasse number. */
  summonerAuthority!: string;
  /** The person's jobcentre when summoned: the one a move must tell (001 §1.3). */
  jobcentreCode!: string;
  status: SummonsStatus = 'ACTIVE';
  cancellationCause: CancellationCause | null = null;
  createdAt!: Date;
  updatedAt!: Date;
}

export const MeetingSummonsSchema = new EntitySchema<MeetingSummons>({
  class: MeetingSummons,
  tableName: 'meeting_summons',
  indexes: [{ properties: ['personId', 'status'] }],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    personId: { type: 'string', length: 36 },
    meetingTypeId: { type: 'integer' },
    at: { type: 'datetime' },
    summonerRole: { type: 'string', length: 20 },
    summonerAuthority: { type: 'string', length: 10 },
    jobcentreCode: { type: 'string', length: 3 },
    status: { type: 'string', length: 16 },
    cancellationCause: { type: 'string', length: 32, nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
