// Min plan change-notification codes (ændringsnotifikationer): every new plan version carries the
// codes that say what changed, so jobcentre, a-kasse and Jobnet can tell the citizen why.
import { DomainError } from '../../../core/errors';
import { planCodeList } from '../code-lists';
import { PlanErrorCode } from './error-codes';

/**
 * No seed gives ids for the changes besides 26 and 82 (STAR's, 001 §4.1): their ids and names are a
 * provisional list (code-lists/change-codes.json, 901–909 shipped) an operator maps to STAR's ids.
 */
const CODES = planCodeList(
  'change-codes',
  [
    'ACTIVITY_REGISTERED',
    'ACTIVITY_UPDATED',
    'ACTIVITY_CANCELLED',
    'ACTIVITY_INTERRUPTED',
    'JOB_GOAL_CHANGED',
    'EDUCATION_GOAL_CHANGED',
    'PLAN_DESCRIPTION_CHANGED',
    'EDUCATION_ORDER_CHANGED',
    'PLAN_REQUIREMENT_CHANGED',
  ] as const,
  [26, 82],
);

/** Ids by meaning. */
export const ChangeCode = {
  /** From the seed (001 §4.1): job-search requirements registered or changed. */
  NEW_JOB_SEARCH_REQUIREMENTS: 26,
  /** From the seed (001 §4.1): requirements removed, e.g. on a change to contact group 10. */
  JOB_SEARCH_REQUIREMENTS_CANCELLED: 82,
  /** Provisional: an activity was registered. */
  ACTIVITY_REGISTERED: CODES.ACTIVITY_REGISTERED.id,
  /** Provisional: an activity's dates, frame or category changed. */
  ACTIVITY_UPDATED: CODES.ACTIVITY_UPDATED.id,
  /** Provisional: an activity was cancelled before it started (annulleret). */
  ACTIVITY_CANCELLED: CODES.ACTIVITY_CANCELLED.id,
  /** Provisional: a running activity was interrupted (afbrudt). */
  ACTIVITY_INTERRUPTED: CODES.ACTIVITY_INTERRUPTED.id,
  /** Provisional: the job goal (jobmål) changed. */
  JOB_GOAL_CHANGED: CODES.JOB_GOAL_CHANGED.id,
  /** Provisional: the education goal (uddannelsesmål) changed. */
  EDUCATION_GOAL_CHANGED: CODES.EDUCATION_GOAL_CHANGED.id,
  /** Provisional: the plan description (planbeskrivelse) changed. */
  PLAN_DESCRIPTION_CHANGED: CODES.PLAN_DESCRIPTION_CHANGED.id,
  /** Provisional: the caseworker's statement of an education order (uddannelsespålæg) changed. */
  EDUCATION_ORDER_CHANGED: CODES.EDUCATION_ORDER_CHANGED.id,
  /** Provisional: whether the person needs a Min plan changed (002: sick from employment with a job to return to). */
  PLAN_REQUIREMENT_CHANGED: CODES.PLAN_REQUIREMENT_CHANGED.id,
} as const;

/** A change-notification code's id (a number: the provisional ones come from the code-list file). */
export type ChangeCodeId = number;

export interface ChangeCodeEntry {
  readonly id: ChangeCodeId;
  /** Danish name: STAR's wording for the seed codes, the code-list file's for the provisional ones. */
  readonly name: string;
}

export const CHANGE_CODES: readonly ChangeCodeEntry[] = [
  { id: ChangeCode.NEW_JOB_SEARCH_REQUIREMENTS, name: 'Nye krav til jobsøgning' },
  { id: ChangeCode.JOB_SEARCH_REQUIREMENTS_CANCELLED, name: 'Krav til jobsøgning annulleret' },
  ...CODES.all.map(({ id, name }) => ({ id, name })),
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
