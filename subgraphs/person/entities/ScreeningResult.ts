// A result of the digital screening trial (001 §1.6). Health-related personal data: only the
// person's jobcentre reads it, for 6 months; then the scheduled job deletes the row.
import { EntitySchema } from '@mikro-orm/core';

export interface ScreeningAnswer {
  questionId: number;
  answer: string;
}

export class ScreeningResult {
  id!: string;
  personId!: string;
  targetGroup!: string;
  answeredOn!: string;
  answers!: ScreeningAnswer[];
  citizenVisibleUntil!: string;
  caseworkersVisibleUntil!: string;
  createdAt!: Date;
}

export const ScreeningResultSchema = new EntitySchema<ScreeningResult>({
  class: ScreeningResult,
  tableName: 'screening_result',
  indexes: [{ properties: ['personId'] }, { properties: ['caseworkersVisibleUntil'] }],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    personId: { type: 'string', length: 36 },
    targetGroup: { type: 'string', length: 32 },
    answeredOn: { type: 'string', length: 10 },
    answers: { type: 'json' },
    citizenVisibleUntil: { type: 'string', length: 10 },
    caseworkersVisibleUntil: { type: 'string', length: 10 },
    createdAt: { type: 'datetime' },
  },
});
