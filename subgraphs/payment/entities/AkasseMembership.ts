// A dated membership of an a-kasse: the a-kasse register the EEA and registration rules read.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { startsNull } from '../../../core/entity-defaults';

export const AkasseMembership = defineEntity({
  name: 'AkasseMembership',
  tableName: 'akasse_membership',
  indexes: [{ properties: ['personId', 'start'] }],
  properties: {
    id: p.string().length(36).primary(),
    personId: p.string().length(36),
    akasse: p.string().length(8),
    start: p.string().length(10),
    end: startsNull(p.string().length(10)),
    /** `role:authority` of the caller that registered it (the register feed or the a-kasse). */
    registeredBy: p.string().length(64),
    /** `role:authority` of the caller that ended it; null while open or when registered with an end. */
    endedBy: startsNull(p.string().length(64)),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export type AkasseMembership = InferEntity<typeof AkasseMembership>;
