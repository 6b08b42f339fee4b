// A period of EEA benefits (EØS-dagpenge on PD U2) reported by an a-kasse, 001 §5.
import { EntitySchema } from '@mikro-orm/core';

export class EeaBenefitPeriod {
  paymentId!: string;
  personId!: string;
  country!: string;
  start!: string;
  end!: string;
  interruptionDate: string | null = null;
  interruptionCauseId: number | null = null;
  reportedBy!: string;
  createdAt!: Date;
  updatedAt!: Date;
}

export const EeaBenefitPeriodSchema = new EntitySchema<EeaBenefitPeriod>({
  class: EeaBenefitPeriod,
  tableName: 'eea_benefit_period',
  indexes: [{ properties: ['personId', 'start'] }],
  properties: {
    paymentId: { type: 'string', length: 64, primary: true },
    personId: { type: 'string', length: 36 },
    country: { type: 'string', length: 2 },
    start: { type: 'string', length: 10 },
    end: { type: 'string', length: 10 },
    interruptionDate: { type: 'string', length: 10, nullable: true },
    interruptionCauseId: { type: 'integer', nullable: true },
    reportedBy: { type: 'string', length: 8 },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
