// The plan subgraph's domain rules: pure functions and code lists keyed by DFDG id, no I/O but
// reading the provisional code lists once when loaded (code-lists/); every
// dated rule takes the day it is judged on. Resolvers call these and persist what they return.

/** Stable error codes thrown (as DomainError) by every rule below. */
export { PlanErrorCode } from './error-codes';

/** Who may read and change a person's Min plan (the access matrix of docs/subgraphs/plan.md). */
export { assertJobcentreMayWrite, assertMayRead, assertMayWriteActivities, hidesFreeText, mayRead } from './access';

/** Allocation frames (bevillingsrammer), seed 001 §4.2: dated, frame 18 restricted to 13 categories. */
export {
  ALLOCATION_FRAMES,
  allocationFrame,
  assertFrameAllowsCategory,
  assertFrameOpenForStart,
  findAllocationFrame,
  frameAllowsCategory,
  type AllocationFrame,
} from './allocation-frames';

/** Activity categories (afholdelseskategorier) and the 2024-4 activity types (project-local ids 901–903). */
export {
  ACTIVITY_CATEGORIES,
  activityCategory,
  findActivityCategory,
  JOB_ORIENTED_EDUCATION,
  PREPARATION_AND_JOB_SEARCH_AWAY_FROM_HOME,
  SPECIALLY_ARRANGED_UTILITY_WORK,
  type ActivityCategory,
} from './activity-categories';

/** Min plan change-notification codes: 26 and 82 from seed 001 §4.1, the rest project-local. */
export { CHANGE_CODES, ChangeCode, changeCode, type ChangeCodeEntry, type ChangeCodeId } from './change-codes';

/** Job-search requirements (krav til jobsøgning), seed 001 §4.1 and 003 (ESCO-STAR). */
export {
  ESCO_STAR_IN_JOB_SEARCH_REQUIREMENTS_FROM,
  jobSearchRequirementsAllowed,
  occupationClassificationOn,
  OTHER_REQUIREMENTS_MAX_LENGTH,
  requireOccupation,
  requirementsRemovedOnGroupChange,
  validateJobSearchRequirements,
  type JobSearchRequirements,
  type JobSearchRequirementsInput,
  type OccupationClassification,
  type OccupationInput,
  type OccupationLevel,
  type OccupationLookup,
  type PersonCategory,
  type RequiredOccupation,
  type SearchArea,
} from './job-search-requirements';

/** Registering, updating and ending activities; who may do it and who is told. */
export {
  ACTIVITY_START_MAX_MONTHS_AHEAD,
  validateActivityEnding,
  validateActivityUpdate,
  validateNewActivity,
  type ActivityDecision,
  type ActivityEndingDecision,
  type ActivityEndingInput,
  type ActivitySnapshot,
  type ActivityUpdateInput,
  type NewActivityInput,
  type NotifiedParty,
} from './activities';

/** Cancel/interrupt causes and the negative reportable event (NUPH) rule, seed 001 §4.2. */
export { CANCELLATION_CAUSES, cancellationCause, nuphRequired, PLAN_REVISION, type CancellationCause } from './cancellation-causes';

/** Work obligation (arbejdspligt) hours per ISO week, seed 002. */
export {
  activityHoursPerWeek,
  countsTowardsWorkObligation,
  isoWeekDays,
  workObligationHours,
  type WorkObligationActivity,
  type WorkObligationCategoryHours,
  type WorkObligationWeek,
} from './work-obligation';

/** Who the work obligation reaches, from when and why, and the benefit code list it is judged on (provisional ids 901–906), seed 002. */
export { CASH_BENEFIT_TYPES, cashBenefitType, CashBenefitTypeId, type CashBenefitType } from './cash-benefit-types';
export {
  coverageOn,
  coveragePeriods,
  EMPLOYMENT_REQUIREMENT_YEARS,
  factsOn,
  FACTS_MAX_MONTHS_AHEAD,
  RESIDENCE_REQUIREMENT_YEARS,
  validateWorkObligationFacts,
  type Coverage,
  type CoveragePeriod,
  type CoverageReason,
  type WorkObligationFacts,
  type WorkObligationFactsInput,
} from './work-obligation-reach';

/** VITAS mentor grants: the offer each is given with and its type (provisional ids), seed 003. */
export {
  MENTOR_GRANT_OFFERS,
  MENTOR_GRANT_START_MAX_MONTHS_AHEAD,
  MENTOR_GRANT_TYPES,
  mentorGrantOffer,
  mentorGrantType,
  validateMentorGrant,
  type MentorGrant,
  type MentorGrantInput,
  type MentorGrantOffer,
  type MentorGrantType,
} from './mentor-grants';

/** Job goal + education goal, and who needs no Min plan, seed 002. */
export {
  ageOn,
  decidePlanGoals,
  EDUCATION_GOAL_MAX_LENGTH,
  jobAndEducationGoalAllowed,
  PLAN_DESCRIPTION_MAX_LENGTH,
  planRequired,
  validatePlanGoals,
  type GoalEligibilityInput,
  type PlanGoals,
  type PlanGoalsChange,
  type PlanGoalsChangeInput,
  type PlanGoalsInput,
  type PlanRequiredInput,
} from './goals';

/** Active, cancelled (before start) and interrupted (after start) activities, and the NUPH once only. */
export {
  assertActivityActive,
  validateCancellation,
  validateInterruption,
  type ActivityState,
  type ActivityStatus,
} from './activity-lifecycle';

/** The person category from the person subgraph's visitation, as the plan rules know it. */
export { planPersonCategory } from './person-category';

/** Birth date from the CPR number (age limits of the goal rules). */
export { birthDateFromCpr } from './birth-date';

/** Valid time: the plan version, activities and allocation frames in force on the day a read is for. */
export { activityInForceOn, activityScheduledOn, frameOpenOn, versionEffectiveOn, versionInForceOn, versionsInForceBy, type DatedActivity, type DatedVersion } from './in-force';
