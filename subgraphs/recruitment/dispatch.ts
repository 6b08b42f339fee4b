// Dispatch rules for the recruitment subgraph's event kinds: which authorities must hear each (DOMAIN.md
// "Change notifications"). The subgraph addresses its events with this table alone. Every kind is
// addressed to the authorities the event names: the order's owner and its collaboration's members,
// plus, for mediations, the citizen's jobcentre (001 §5.1: it is told of a mediation to an internal
// order and may then read it).
import { dispatcher } from '../common/dispatch-rules';
import type { DispatchTable } from '../common/recipients';
import type { RecruitmentEventKind } from './events';

export const RECRUITMENT_DISPATCH: DispatchTable<RecruitmentEventKind> = {
  JOB_ORDER_CREATED: ['NAMED'],
  JOB_ORDER_IMPORTED: ['NAMED'],
  JOB_ORDER_UPDATED: ['NAMED'],
  JOB_ORDER_RELEASED: ['NAMED'],
  JOB_ORDER_MADE_INTERNAL: ['NAMED'],
  JOB_ORDER_STATUS_CHANGED: ['NAMED'],
  JOB_ORDER_CLOSED: ['NAMED'],
  EMPLOYER_BRIEFED: ['NAMED'],
  CANDIDATE_MEDIATED: ['NAMED'],
  CANDIDATE_REMOVED: ['NAMED'],
  CANDIDATE_APPROVED: ['NAMED'],
  MEDIATION_RESULT_REPORTED: ['NAMED'],
  RECRUITMENT_COLLABORATION_CHANGED: ['NAMED'],
  JOB_AD_PUBLISHED: ['NAMED'],
  JOB_AD_WITHDRAWN: ['NAMED'],
};

/** Addresses one of this subgraph's events: the authorities that must hear it. */
export const addressEvent = dispatcher(RECRUITMENT_DISPATCH);
