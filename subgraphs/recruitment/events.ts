// Events the recruitment subgraph emits; `actionTypeId` is the DFDG event action type (1-11).
export const RecruitmentEvent = {
  JOB_ORDER_CREATED: 'JOB_ORDER_CREATED',
  JOB_ORDER_UPDATED: 'JOB_ORDER_UPDATED',
  CANDIDATE_MEDIATED: 'CANDIDATE_MEDIATED',
} as const;
