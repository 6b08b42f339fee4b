// Dispatch rules for the plan subgraph's event kinds: which authorities must hear each (DOMAIN.md
// "Change notifications"). The subgraph addresses its events with this table alone.
import { dispatcher, type KindOf } from '../common/dispatch-rules';
import type { DispatchTable } from '../common/recipients';
import { PlanEvent } from './events';

export type PlanEventKind = KindOf<typeof PlanEvent>;

export const PLAN_DISPATCH: DispatchTable<PlanEventKind> = {
  PLAN_VERSION_CREATED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  ACTIVITY_NUPH: ['PERSON_AKASSER'], // 001 §4.2: a negative reportable event goes to the a-kasse
  JOB_ORIENTED_EDUCATION_REGISTERED: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'], // 002: both sides
  // 002: the work obligation is the municipality's (cash-benefit system); a-kasser pay no cash benefit.
  WORK_OBLIGATION_FACTS_RECORDED: ['PERSON_JOBCENTRE'],
  // 003: mentor grants are the jobcentre's (VITAS); the a-kasse learns of the offer itself from Min plan.
  MENTOR_GRANT_REGISTERED: ['PERSON_JOBCENTRE'],
};

/** Addresses one of this subgraph's events: the authorities that must hear it. */
export const addressEvent = dispatcher(PLAN_DISPATCH);
