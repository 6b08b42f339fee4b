// Dispatch rules for the plan subgraph's event kinds: which authorities must hear each (DOMAIN.md
// "Change notifications"). common/dispatch-rules.ts merges every subgraph's table.
import type { DispatchTable } from '../common/recipients';

export const PLAN_DISPATCH: DispatchTable = {
  PLAN_VERSION_CREATED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  ACTIVITY_NUPH: ['PERSON_AKASSER'], // 001 §4.2: a negative reportable event goes to the a-kasse
  JOB_ORIENTED_EDUCATION_REGISTERED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'], // 002: both sides
};
