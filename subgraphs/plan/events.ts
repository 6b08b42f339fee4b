// Events the plan subgraph emits (dispatch.ts says who hears each) and the ones it consumes.
export const PlanEvent = {
  /** Every new Min plan version, whatever changed (the change codes say what). */
  PLAN_VERSION_CREATED: 'PLAN_VERSION_CREATED',
  /** Cancelling or interrupting an activity with a cause that is a negative reportable event. */
  ACTIVITY_NUPH: 'ACTIVITY_NUPH',
  /** 'Jobrettet uddannelse' registered as an activity: both jobcentre and a-kasse are told (002). */
  JOB_ORIENTED_EDUCATION_REGISTERED: 'JOB_ORIENTED_EDUCATION_REGISTERED',
  /** Facts the work obligation's reach is judged on were recorded (002 'Arbejdspligt'). */
  WORK_OBLIGATION_FACTS_RECORDED: 'WORK_OBLIGATION_FACTS_RECORDED',
  /** A mentor grant was registered (VITAS, 003). */
  MENTOR_GRANT_REGISTERED: 'MENTOR_GRANT_REGISTERED',
} as const;

export interface PlanVersionCreatedPayload {
  personId: string;
  version: number;
  changeCodes: number[];
  /** The activity the version is about, when it is about one. */
  activityId: string | null;
}

/** Negativ underretningspligtig hændelse: what the a-kasse needs to judge availability. */
export interface ActivityNuphPayload {
  personId: string;
  activityId: string;
  frameId: number | null;
  categoryId: number;
  /** CANCELLED (before start) or INTERRUPTED (after start). */
  ending: 'CANCELLED' | 'INTERRUPTED';
  causeId: number;
  causeName: string;
  /** The interruption date, or the planned start of a cancelled activity. */
  date: string;
}

export interface JobOrientedEducationRegisteredPayload {
  personId: string;
  activityId: string;
  start: string;
  end: string | null;
  registeredByRole: string;
  registeredByAuthority: string;
}

export interface WorkObligationFactsRecordedPayload {
  personId: string;
  factsId: string;
  validFrom: string;
  benefitTypeId: number;
  /** Coverage on validFrom under these facts: what the jobcentre follows up from that day. */
  covered: boolean;
  reason: string;
}

export interface MentorGrantRegisteredPayload {
  personId: string;
  mentorGrantId: string;
  offerId: number;
  /** Null for a grant not tied to internship, wage subsidy, adult apprenticeship or supported employment. */
  mentorTypeId: number | null;
  start: string;
  end: string | null;
}
