// Events the plan subgraph emits.
export const PlanEvent = {
  PLAN_VERSION_CREATED: 'PLAN_VERSION_CREATED',
} as const;

export interface PlanVersionCreatedPayload {
  personId: string;
  version: number;
  changeCodes: number[];
}
