// Dispatch rules for the absence subgraph's event kinds: which authorities must hear each (DOMAIN.md
// "Change notifications"). The subgraph addresses its events with this table alone.
import { dispatcher, type KindOf } from '../common/dispatch-rules';
import type { DispatchTable } from '../common/recipients';
import { AbsenceEvent } from './events';

export type AbsenceEventKind = KindOf<typeof AbsenceEvent>;

export const ABSENCE_DISPATCH: DispatchTable<AbsenceEventKind> = {
  ABSENCE_REGISTERED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  ABSENCE_UPDATED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  ABSENCE_DELETED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'], // 001 §2.3: jobcentre and a-kasse
  ABSENCE_ENDED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  ABSENCE_ON_HOLD: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  ABSENCE_REACTIVATED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
};

/** Addresses one of this subgraph's events: the authorities that must hear it. */
export const addressEvent = dispatcher(ABSENCE_DISPATCH);
