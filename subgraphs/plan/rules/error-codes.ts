// The stable error codes of the plan rules. Integrations branch on these strings: add, never rename.
// Each is thrown as DomainError(code, message telling the caseworker what to do, details).
import { ErrorCode } from '../../../core/errors';

export const PlanErrorCode = {
  /** Shared with core: a date is not a real calendar day in YYYY-MM-DD form. */
  INVALID_DATE: ErrorCode.INVALID_DATE,
  /** Shared with core: an end date lies before its start date. */
  INVALID_DATE_RANGE: ErrorCode.INVALID_DATE_RANGE,
  /** None of occupations, where, or other requirements was filled in (krav til jobsøgning). */
  JOB_SEARCH_REQUIREMENTS_EMPTY: 'JOB_SEARCH_REQUIREMENTS_EMPTY',
  /** The person's contact group and person category do not allow job-search requirements. */
  JOB_SEARCH_REQUIREMENTS_NOT_ALLOWED: 'JOB_SEARCH_REQUIREMENTS_NOT_ALLOWED',
  /** An occupation code is given at a level other than 1, 2 or 3. */
  OCCUPATION_LEVEL_INVALID: 'OCCUPATION_LEVEL_INVALID',
  /** An occupation code is not a valid (known, not retired) title in the classification in force. */
  UNKNOWN_OCCUPATION: 'UNKNOWN_OCCUPATION',
  /** A labour-market region id or municipality code in 'where' is blank or malformed. */
  INVALID_SEARCH_AREA: 'INVALID_SEARCH_AREA',
  /** The free-text other requirements are longer than the allowed number of characters. */
  OTHER_REQUIREMENTS_TOO_LONG: 'OTHER_REQUIREMENTS_TOO_LONG',
  /** The allocation frame id is not in the code list (bevillingsrammer). */
  UNKNOWN_ALLOCATION_FRAME: 'UNKNOWN_ALLOCATION_FRAME',
  /** The frame takes no new activities starting on or after the given start date. */
  ALLOCATION_FRAME_CLOSED: 'ALLOCATION_FRAME_CLOSED',
  /** The activity starts before the first date the frame may be used. */
  ALLOCATION_FRAME_NOT_VALID_ON_DATE: 'ALLOCATION_FRAME_NOT_VALID_ON_DATE',
  /** The activity category is not in the code list (afholdelseskategorier and activity types). */
  UNKNOWN_ACTIVITY_CATEGORY: 'UNKNOWN_ACTIVITY_CATEGORY',
  /** The activity category cannot be registered yet on the registration date. */
  ACTIVITY_CATEGORY_NOT_YET_AVAILABLE: 'ACTIVITY_CATEGORY_NOT_YET_AVAILABLE',
  /** The frame only combines with certain categories, and this is not one of them. */
  CATEGORY_NOT_ALLOWED_FOR_FRAME: 'CATEGORY_NOT_ALLOWED_FOR_FRAME',
  /** The caller's role may not register, change or end this kind of activity. */
  REGISTRANT_NOT_ALLOWED: 'REGISTRANT_NOT_ALLOWED',
  /** The activity category needs an end date and none was given. */
  ACTIVITY_END_REQUIRED: 'ACTIVITY_END_REQUIRED',
  /** The activity is longer than its category's maximum duration. */
  ACTIVITY_DURATION_EXCEEDED: 'ACTIVITY_DURATION_EXCEEDED',
  /** An activity would start further ahead than ACTIVITY_START_MAX_MONTHS_AHEAD from today. */
  ACTIVITY_START_TOO_FAR_AHEAD: 'ACTIVITY_START_TOO_FAR_AHEAD',
  /** The cancel/interrupt cause id is not in the code list. */
  UNKNOWN_CANCELLATION_CAUSE: 'UNKNOWN_CANCELLATION_CAUSE',
  /** A Min plan change-notification code id is not in the code list. */
  UNKNOWN_CHANGE_CODE: 'UNKNOWN_CHANGE_CODE',
  /** An ISO week is not a real week in YYYY-Www form. */
  INVALID_ISO_WEEK: 'INVALID_ISO_WEEK',
  /** Weekly hours are negative, not a number, or more than a week holds. */
  INVALID_HOURS: 'INVALID_HOURS',
  /** Both a job goal and an education goal were given for a person who may only have one. */
  JOB_AND_EDUCATION_GOAL_NOT_ALLOWED: 'JOB_AND_EDUCATION_GOAL_NOT_ALLOWED',
  /** The person needs a Min plan with a goal, and neither a job goal nor an education goal was given. */
  PLAN_GOAL_REQUIRED: 'PLAN_GOAL_REQUIRED',
  /** A free-text plan field (description, education goal) is longer than allowed. */
  PLAN_TEXT_TOO_LONG: 'PLAN_TEXT_TOO_LONG',
  /** No activity with that id exists (or it belongs to no person the caller may see). */
  ACTIVITY_NOT_FOUND: 'ACTIVITY_NOT_FOUND',
  /** The activity was already cancelled or interrupted: it cannot be changed or ended again. */
  ACTIVITY_NOT_ACTIVE: 'ACTIVITY_NOT_ACTIVE',
  /** Cancelling (annullering) is for activities that have not started: interrupt it instead. */
  ACTIVITY_ALREADY_STARTED: 'ACTIVITY_ALREADY_STARTED',
  /** Interrupting (afbrydelse) is for activities that have started: cancel it instead. */
  ACTIVITY_NOT_STARTED: 'ACTIVITY_NOT_STARTED',
  /** The interruption date lies outside the activity's period. */
  INTERRUPTION_DATE_OUTSIDE_ACTIVITY: 'INTERRUPTION_DATE_OUTSIDE_ACTIVITY',
  /** The activity counts towards the work obligation and needs its planned hours per week. */
  ACTIVITY_HOURS_REQUIRED: 'ACTIVITY_HOURS_REQUIRED',
  /** The benefit type of work-obligation facts is not in the code list (cashBenefitTypes). */
  UNKNOWN_CASH_BENEFIT_TYPE: 'UNKNOWN_CASH_BENEFIT_TYPE',
  /** Residence or full-time employment years are not a number from 0 to 10 (years within the last 10). */
  INVALID_REQUIREMENT_YEARS: 'INVALID_REQUIREMENT_YEARS',
  /** The entry year lies before the person's birth year or after the year the facts hold from. */
  INVALID_ENTRY_YEAR: 'INVALID_ENTRY_YEAR',
  /** Work-obligation facts would hold from further ahead than FACTS_MAX_MONTHS_AHEAD from today. */
  WORK_OBLIGATION_FACTS_TOO_FAR_AHEAD: 'WORK_OBLIGATION_FACTS_TOO_FAR_AHEAD',
  /** The mentor grant type is not in the code list (mentorGrantTypes). */
  UNKNOWN_MENTOR_GRANT_TYPE: 'UNKNOWN_MENTOR_GRANT_TYPE',
  /** The offer a mentor grant is given with is not in the code list (mentorGrantOffers). */
  UNKNOWN_MENTOR_GRANT_OFFER: 'UNKNOWN_MENTOR_GRANT_OFFER',
  /** A mentor grant with an internship, wage subsidy, adult apprenticeship or supported employment states no type. */
  MENTOR_GRANT_TYPE_REQUIRED: 'MENTOR_GRANT_TYPE_REQUIRED',
  /** A mentor grant type was given for a grant not tied to one of those four offers. */
  MENTOR_GRANT_TYPE_NOT_ALLOWED: 'MENTOR_GRANT_TYPE_NOT_ALLOWED',
  /** A mentor grant would start more than MENTOR_GRANT_START_MAX_MONTHS_AHEAD after today. */
  MENTOR_GRANT_START_TOO_FAR_AHEAD: 'MENTOR_GRANT_START_TOO_FAR_AHEAD',
} as const;

export type PlanErrorCode = (typeof PlanErrorCode)[keyof typeof PlanErrorCode];
