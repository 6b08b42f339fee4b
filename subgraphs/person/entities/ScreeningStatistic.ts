// The analysts' copy of a screening result (000: handed to STAR's statistical data warehouse before
// the result is deleted, to evaluate the trial). Written by the retention purge in the transaction
// that deletes the result, so no result leaves unhanded. It names the person only by the keyed CPR
// pseudonym (core/cpr-pseudonym.ts) and keeps which questions were answered, never the free-text
// answers: they are health data and can identify a person, and analysts never read free text.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const ScreeningStatistic = defineEntity({
  name: 'ScreeningStatistic',
  tableName: 'screening_statistics',
  indexes: [{ properties: ['answeredOn'] }],
  properties: {
    /** The deleted result's id: a second hand-over of the same result would collide, not duplicate. */
    id: p.string().length(36).primary(),
    pseudonym: p.string().length(32),
    municipalityCode: p.string().length(3),
    targetGroup: p.string().length(32),
    answeredOn: p.string().length(10),
    questionIds: p.json<number[]>(),
    handedOverOn: p.string().length(10),
  },
});

export type ScreeningStatistic = InferEntity<typeof ScreeningStatistic>;
