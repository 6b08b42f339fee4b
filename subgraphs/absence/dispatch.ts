// Dispatch rules for the absence subgraph's event kinds: which authorities must hear each (DOMAIN.md
// "Change notifications"). common/dispatch-rules.ts merges every subgraph's table.
import type { DispatchTable } from '../common/recipients';

export const ABSENCE_DISPATCH: DispatchTable = {
  ABSENCE_REGISTERED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  ABSENCE_UPDATED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  ABSENCE_DELETED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'], // 001 §2.3: jobcentre and a-kasse
  ABSENCE_ENDED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  ABSENCE_ON_HOLD: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  ABSENCE_REACTIVATED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
};
