// Events the recruitment subgraph emits (kinds are UPPER_SNAKE); `actionTypeId` in each payload is
// the DFDG event action type (1-11, rules/event-action-types.ts). It consumes the person directory.
import type { EventActionTypeId } from './rules';

export const RecruitmentEvent = {
  JOB_ORDER_CREATED: 'JOB_ORDER_CREATED',
  JOB_ORDER_IMPORTED: 'JOB_ORDER_IMPORTED',
  JOB_ORDER_UPDATED: 'JOB_ORDER_UPDATED',
  JOB_ORDER_RELEASED: 'JOB_ORDER_RELEASED',
  JOB_ORDER_MADE_INTERNAL: 'JOB_ORDER_MADE_INTERNAL',
  JOB_ORDER_STATUS_CHANGED: 'JOB_ORDER_STATUS_CHANGED',
  JOB_ORDER_CLOSED: 'JOB_ORDER_CLOSED',
  EMPLOYER_BRIEFED: 'EMPLOYER_BRIEFED',
  CANDIDATE_MEDIATED: 'CANDIDATE_MEDIATED',
  CANDIDATE_REMOVED: 'CANDIDATE_REMOVED',
  CANDIDATE_APPROVED: 'CANDIDATE_APPROVED',
  MEDIATION_RESULT_REPORTED: 'MEDIATION_RESULT_REPORTED',
  RECRUITMENT_COLLABORATION_CHANGED: 'RECRUITMENT_COLLABORATION_CHANGED',
  JOB_AD_PUBLISHED: 'JOB_AD_PUBLISHED',
  JOB_AD_WITHDRAWN: 'JOB_AD_WITHDRAWN',
} as const;
export type RecruitmentEventKind = (typeof RecruitmentEvent)[keyof typeof RecruitmentEvent];

/** The outbox kind of each job-order event action type. */
export const EVENT_KIND_BY_ACTION_TYPE: Record<EventActionTypeId, RecruitmentEventKind> = {
  1: RecruitmentEvent.CANDIDATE_MEDIATED,
  2: RecruitmentEvent.EMPLOYER_BRIEFED,
  3: RecruitmentEvent.JOB_ORDER_CREATED,
  4: RecruitmentEvent.JOB_ORDER_UPDATED,
  5: RecruitmentEvent.JOB_ORDER_CLOSED,
  6: RecruitmentEvent.CANDIDATE_REMOVED,
  7: RecruitmentEvent.JOB_ORDER_STATUS_CHANGED,
  8: RecruitmentEvent.CANDIDATE_APPROVED,
  9: RecruitmentEvent.MEDIATION_RESULT_REPORTED,
  10: RecruitmentEvent.JOB_ORDER_RELEASED,
  11: RecruitmentEvent.JOB_ORDER_MADE_INTERNAL,
};

/** Payload of every job-order event (action types 1-11). */
export interface JobOrderEventPayload {
  jobOrderId: string;
  actionTypeId: EventActionTypeId;
  isInternal: boolean;
  status: string;
  mediationId?: string;
  mediationStatus?: string;
  outcome?: string | null;
  /** Mediation to an internal order outside the collaboration: the citizen's jobcentre may now read it. */
  grantsReadAccessTo?: string | null;
  imported?: boolean;
}

export interface CollaborationChangedPayload {
  collaborationId: string;
  name: string;
  members: string[];
  previousMembers: string[];
}

export interface JobAdPayload {
  jobAdId: string;
  state: string;
  jobOrderId: string | null;
}
