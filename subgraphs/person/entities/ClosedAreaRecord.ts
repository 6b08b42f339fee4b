// A record of a closed data area (systematic referral course, 'tjek jobforslag' receipt): loaded
// from the system that held it, kept only until its retention deletes it (rules/closed-data-areas.ts).
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { ClosedAreaKind } from '../rules/closed-data-areas';

export const ClosedAreaRecord = defineEntity({
  name: 'ClosedAreaRecord',
  tableName: 'closed_area_record',
  // The retention purge deletes by kind and date; Person reads by person.
  indexes: [{ properties: ['kind', 'recordedOn'] }, { properties: ['personId', 'recordedOn'] }],
  properties: {
    /** The id the source system gave the record: loading it again changes nothing. */
    id: p.string().length(64).primary(),
    kind: p.string().$type<ClosedAreaKind>().length(40),
    personId: p.string().length(36),
    /** The day the retention counts from: the course's registration, the receipt's day. */
    recordedOn: p.string().length(10),
    loadedAt: p.datetime(),
  },
});

export type ClosedAreaRecord = InferEntity<typeof ClosedAreaRecord>;
