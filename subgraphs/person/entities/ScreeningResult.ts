// A result of the digital screening trial (001 §1.6). Health-related personal data: only the
// person's jobcentre reads it, for 6 months; then the scheduled job deletes the row.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export interface ScreeningAnswer {
  questionId: number;
  answer: string;
}

export const ScreeningResult = defineEntity({
  name: 'ScreeningResult',
  tableName: 'screening_result',
  indexes: [{ properties: ['personId'] }, { properties: ['caseworkersVisibleUntil'] }],
  properties: {
    id: p.string().length(36).primary(),
    personId: p.string().length(36),
    targetGroup: p.string().length(32),
    answeredOn: p.string().length(10),
    answers: p.json<ScreeningAnswer[]>(),
    citizenVisibleUntil: p.string().length(10),
    caseworkersVisibleUntil: p.string().length(10),
    createdAt: p.datetime(),
  },
});

export type ScreeningResult = InferEntity<typeof ScreeningResult>;
