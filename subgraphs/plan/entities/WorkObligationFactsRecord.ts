// One registration of the facts the work obligation's reach is judged on (seed 002), in force from
// its validFrom until a later registration's. Never edited: a correction is a new registration.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Role } from '../../../core/identity';
import { startsNull } from '../../../core/entity-defaults';

export const WorkObligationFactsRecord = defineEntity({
  name: 'WorkObligationFactsRecord',
  tableName: 'work_obligation_facts',
  properties: {
    id: p.string().length(36).primary(),
    personId: p.string().length(36).index(),
    validFrom: p.string().length(10),
    /** cashBenefitTypes id (provisional 901–906). */
    benefitTypeId: p.integer(),
    // double precision: 2.5 years must read back as 2.5 on PostgreSQL too (see Activity.hoursPerWeek).
    residenceYears: p.type('double').$type<number>().runtimeType('number'),
    fullTimeEmploymentYears: p.type('double').$type<number>().runtimeType('number'),
    /** Null for a person who never entered Denmark (born here). */
    entryYear: startsNull(p.integer()),
    ukraineSpecialAct: p.boolean(),
    recordedByRole: p.string().$type<Role>().length(16),
    recordedByAuthority: p.string().length(8),
    recordedAt: p.datetime(),
  },
});

export type WorkObligationFactsRecord = InferEntity<typeof WorkObligationFactsRecord>;
