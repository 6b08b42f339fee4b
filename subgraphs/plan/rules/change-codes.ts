// Min plan change-notification codes (ændringsnotifikationer): every new plan version carries the
// codes that say what changed, so jobcentre, a-kasse and Jobnet can tell the citizen why.
import { DomainError } from '../../../core/errors';
import { PlanErrorCode } from './error-codes';

/**
 * Ids by meaning. 26 and 82 are STAR's ids (001 §4.1). No seed gives ids for the other changes, so
 * 901–907 are this project's own, far above STAR's list so they cannot clash; replace them with
 * STAR's ids when those are known.
 */
export const ChangeCode = {
  /** From the seed (001 §4.1): job-search requirements registered or changed. */
  NEW_JOB_SEARCH_REQUIREMENTS: 26,
  /** From the seed (001 §4.1): requirements removed, e.g. on a change to contact group 10. */
  JOB_SEARCH_REQUIREMENTS_CANCELLED: 82,
  /** Project-local: an activity was registered. */
  ACTIVITY_REGISTERED: 901,
  /** Project-local: an activity's dates, frame or category changed. */
  ACTIVITY_UPDATED: 902,
  /** Project-local: an activity was cancelled before it started (annulleret). */
  ACTIVITY_CANCELLED: 903,
  /** Project-local: a running activity was interrupted (afbrudt). */
  ACTIVITY_INTERRUPTED: 904,
  /** Project-local: the job goal (jobmål) changed. */
  JOB_GOAL_CHANGED: 905,
  /** Project-local: the education goal (uddannelsesmål) changed. */
  EDUCATION_GOAL_CHANGED: 906,
  /** Project-local: the plan description (planbeskrivelse) changed. */
  PLAN_DESCRIPTION_CHANGED: 907,
  /** Project-local: the caseworker's statement of an education order (uddannelsespålæg) changed. */
  EDUCATION_ORDER_CHANGED: 908,
  /** Project-local: whether the person needs a Min plan changed (002: sick from employment with a job to return to). */
  PLAN_REQUIREMENT_CHANGED: 909,
} as const;

export type ChangeCodeId = (typeof ChangeCode)[keyof typeof ChangeCode];

export interface ChangeCodeEntry {
  readonly id: ChangeCodeId;
  /** Danish name: STAR's wording for the seed codes, our own wording for the project-local ones. */
  readonly name: string;
}

export const CHANGE_CODES: readonly ChangeCodeEntry[] = [
  { id: ChangeCode.NEW_JOB_SEARCH_REQUIREMENTS, name: 'Nye krav til jobsøgning' },
  { id: ChangeCode.JOB_SEARCH_REQUIREMENTS_CANCELLED, name: 'Krav til jobsøgning annulleret' },
  { id: ChangeCode.ACTIVITY_REGISTERED, name: 'Ny aktivitet' },
  { id: ChangeCode.ACTIVITY_UPDATED, name: 'Aktivitet ændret' },
  { id: ChangeCode.ACTIVITY_CANCELLED, name: 'Aktivitet annulleret' },
  { id: ChangeCode.ACTIVITY_INTERRUPTED, name: 'Aktivitet afbrudt' },
  { id: ChangeCode.JOB_GOAL_CHANGED, name: 'Jobmål ændret' },
  { id: ChangeCode.EDUCATION_GOAL_CHANGED, name: 'Uddannelsesmål ændret' },
  { id: ChangeCode.PLAN_DESCRIPTION_CHANGED, name: 'Planbeskrivelse ændret' },
  { id: ChangeCode.EDUCATION_ORDER_CHANGED, name: 'Uddannelsespålæg ændret' },
  { id: ChangeCode.PLAN_REQUIREMENT_CHANGED, name: 'Krav om Min plan ændret' },
];

const CHANGE_CODES_BY_ID = new Map<number, ChangeCodeEntry>(CHANGE_CODES.map((entry) => [entry.id, entry]));

/** The entry for a stored change-code id; throws UNKNOWN_CHANGE_CODE. */
export function changeCode(id: number): ChangeCodeEntry {
  const entry = CHANGE_CODES_BY_ID.get(id);
  if (!entry) {
    throw new DomainError(PlanErrorCode.UNKNOWN_CHANGE_CODE, `Change-notification code ${id} does not exist in the Min plan code list.`, {
      changeCodeId: id,
    });
  }
  return entry;
}
