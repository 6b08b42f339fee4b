// A period of EEA benefits (EØS-dagpenge on PD U2) reported by an a-kasse, 001 §5.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { startsNull } from '../../../core/entity-defaults';

export const EeaBenefitPeriod = defineEntity({
  name: 'EeaBenefitPeriod',
  tableName: 'eea_benefit_period',
  indexes: [{ properties: ['personId', 'start'] }],
  properties: {
    paymentId: p.string().length(64).primary(),
    personId: p.string().length(36),
    country: p.string().length(2),
    start: p.string().length(10),
    end: p.string().length(10),
    interruptionDate: startsNull(p.string().length(10)),
    interruptionCauseId: startsNull(p.integer()),
    reportedBy: p.string().length(8),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export type EeaBenefitPeriod = InferEntity<typeof EeaBenefitPeriod>;
