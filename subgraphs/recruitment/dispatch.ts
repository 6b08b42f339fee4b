// Dispatch rules for the recruitment subgraph's event kinds: which authorities must hear each (DOMAIN.md
// "Change notifications"). common/dispatch-rules.ts merges every subgraph's table.
import type { DispatchTable } from '../common/recipients';

export const RECRUITMENT_DISPATCH: DispatchTable = {
  JOB_ORDER_CREATED: ['NAMED'],
  JOB_ORDER_UPDATED: ['NAMED'],
  CANDIDATE_MEDIATED: ['PERSON_JOBCENTRE', 'NAMED'], // 001 §5.1: the mediated citizen's jobcentre
};
