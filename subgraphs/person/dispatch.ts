// Dispatch rules for the person subgraph's event kinds: which authorities must hear each (DOMAIN.md
// "Change notifications"). common/dispatch-rules.ts merges every subgraph's table.
import type { DispatchTable } from '../common/recipients';

export const PERSON_DISPATCH: DispatchTable = {
  PERSON_UPSERTED: ['PERSON_JOBCENTRE', 'NAMED'], // a move also tells the jobcentre moved from
  CONTACT_GROUP_CHANGED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  CV_REQUIREMENT_CHANGED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'], // 003: both are told
  VISITATION_CHANGED: ['PERSON_JOBCENTRE'], // 002: category 3 → 2 is told to the jobcentre
  MEETING_SUMMONS_CREATED: ['PERSON_JOBCENTRE', 'NAMED'], // 001 §1.2: type 17 by an a-kasse
  MEETING_SUMMONS_UPDATED: ['PERSON_JOBCENTRE', 'NAMED'],
  MEETING_SUMMONS_CANCELLED: ['PERSON_JOBCENTRE', 'NAMED'], // 001 §1.3: also the moved-from jobcentre
};
