// A dated membership of an a-kasse: the a-kasse register the EEA and registration rules read.
import { EntitySchema } from '@mikro-orm/core';

export class AkasseMembership {
  id!: string;
  personId!: string;
  akasse!: string;
  start!: string;
  end: string | null = null;
  /** `role:authority` of the caller that registered it (the register feed or the a-kasse). */
  registeredBy!: string;
  /** `role:authority` of the caller that ended it; null while open or when registered with an end. */
  endedBy: string | null = null;
  createdAt!: Date;
  updatedAt!: Date;
}

export const AkasseMembershipSchema = new EntitySchema<AkasseMembership>({
  class: AkasseMembership,
  tableName: 'akasse_membership',
  indexes: [{ properties: ['personId', 'start'] }],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    personId: { type: 'string', length: 36 },
    akasse: { type: 'string', length: 8 },
    start: { type: 'string', length: 10 },
    end: { type: 'string', length: 10, nullable: true },
    registeredBy: { type: 'string', length: 64 },
    endedBy: { type: 'string', length: 64, nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
