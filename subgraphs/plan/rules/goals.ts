// Plan goals: who may have a job goal (jobmål) and an education goal (uddannelsesmål) together, and
// who needs no Min plan at all (seed 002 'Min plan for unge…' and 'Min plan for sygedagpengemodtagere…').
import { DomainError } from '../../../core/errors';
import type { IsoDate } from '../../../core/dates';
import { ChangeCode, type ChangeCodeId } from './change-codes';
import { requireIsoDate } from './date-input';
import { PlanErrorCode } from './error-codes';
import { occupationClassificationOn, requireOccupation, type OccupationInput, type OccupationLookup, type RequiredOccupation } from './job-search-requirements';

export interface GoalEligibilityInput {
  contactGroupId: number | null;
  /** The person has an education order (uddannelsespålæg). */
  hasEducationOrder: boolean;
  birthDate: IsoDate;
  /** The day the plan version is made (today): the rules below are dated. */
  on: IsoDate;
}

export interface PlanGoalsInput extends GoalEligibilityInput {
  hasJobGoal: boolean;
  hasEducationGoal: boolean;
}

interface BothGoalsRule {
  contactGroupId: number;
  /** False where the contact group itself is the education order. */
  needsEducationOrder: boolean;
  /** The person must be younger than this on `on`; null = any age. */
  underAge: number | null;
  /** First day the rule applies; null = before any seed. */
  from: IsoDate | null;
}

/**
 * 002: "ligesom for dagpengemodtagere under 25 år med uddannelsespålæg kan registreres både jobmål og
 * uddannelsesmål for overgangsydelsesmodtagere med uddannelsespålæg (og fra 1. juli 2025 for
 * uddannelseshjælpsmodtagere med uddannelsespålæg)".
 */
const BOTH_GOALS_RULES: readonly BothGoalsRule[] = [
  // Dagpengemodtager under 25 with an order: the older rule the 2024-4 text compares itself to.
  { contactGroupId: 1, needsEducationOrder: true, underAge: 25, from: null },
  // 28 'Uddannelsespålæg – Overgangsydelsesmodtager efter LAB': the validation changed with release
  // 2024-4, in operation 8 December 2024 (002, opening paragraph).
  { contactGroupId: 28, needsEducationOrder: false, underAge: null, from: '2024-12-08' },
  // 12 'Modtager af uddannelseshjælp' with an order, from 1 July 2025.
  { contactGroupId: 12, needsEducationOrder: true, underAge: null, from: '2025-07-01' },
];

/** Whole years of age on `on`; someone born 29 February turns a year older on 1 March. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** True when the person may have both a job goal and an education goal on `on`. */
export function jobAndEducationGoalAllowed(input: GoalEligibilityInput): boolean {
  const on = requireIsoDate(input.on, 'the plan date');
  const birthDate = requireIsoDate(input.birthDate, 'the birth date');
  return BOTH_GOALS_RULES.some(
    (rule) =>
      rule.contactGroupId === input.contactGroupId &&
      (!rule.needsEducationOrder || input.hasEducationOrder) &&
      (rule.underAge === null || ageOn(birthDate, on) < rule.underAge) &&
      (rule.from === null || on >= rule.from),
  );
}

/** Throws JOB_AND_EDUCATION_GOAL_NOT_ALLOWED when both goals are given for a person who may have one. */
export function validatePlanGoals(input: PlanGoalsInput): void {
  if (!input.hasJobGoal || !input.hasEducationGoal || jobAndEducationGoalAllowed(input)) return;
  throw new DomainError(
    PlanErrorCode.JOB_AND_EDUCATION_GOAL_NOT_ALLOWED,
    'Only young people with an education order may have both a job goal and an education goal: remove one of them.',
    { contactGroupId: input.contactGroupId, hasEducationOrder: input.hasEducationOrder, on: input.on },
  );
}

export interface PlanRequiredInput {
  contactGroupId: number | null;
  /** The sick leave began in employment; implied by group 24, read for the older sick group 6. */
  fromEmployment: boolean;
  hasJobToReturnTo: boolean;
}

/**
 * Whether a sick-benefit group's recipients came from employment: 24 always, 25 never
 * ('fra ledighed'), 6 (the older sick-benefit group) as the caller says.
 */
const SICK_BENEFIT_FROM_EMPLOYMENT: ReadonlyMap<number, (fromEmployment: boolean) => boolean> = new Map([
  [24, () => true],
  [25, () => false],
  [6, (fromEmployment: boolean) => fromEmployment],
]);

/**
 * False for sick-benefit recipients from employment with a job to return to: 002 "skal ikke længere
 * have en Min plan"; the caseworker may still register a plan description and goal within the
 * existing validations. True means only that this rule exempts no one else: which other groups need
 * a plan is not in the seeds.
 */
export function planRequired(input: PlanRequiredInput): boolean {
  const fromEmployment = input.contactGroupId === null ? undefined : SICK_BENEFIT_FROM_EMPLOYMENT.get(input.contactGroupId);
  return !(fromEmployment?.(input.fromEmployment) && input.hasJobToReturnTo);
}

/** What a Min plan version says about goals; the text fields are free text and never shown to analysts. */
export interface PlanGoals {
  jobGoal: RequiredOccupation | null;
  educationGoal: string | null;
  description: string | null;
  /** The caseworker's statement that the person has an education order (uddannelsespålæg). */
  educationOrder: boolean;
  /** False for sick-benefit recipients from employment with a job to return to (002). */
  planRequired: boolean;
}

export interface PlanGoalsChangeInput {
  previous: PlanGoals | null;
  jobGoal: OccupationInput | null;
  educationGoal: string | null;
  description: string | null;
  educationOrder: boolean;
  /** Sick leave from employment with a job to return to (the caseworker knows; 002). */
  jobToReturnTo: boolean;
  contactGroupId: number | null;
  birthDate: IsoDate;
  today: IsoDate;
  isKnownOccupation: OccupationLookup;
}

export interface PlanGoalsChange {
  goals: PlanGoals;
  /** Empty when nothing changed: then no new version is made. */
  changeCodes: ChangeCodeId[];
}

/** Longest education goal and plan description, in characters: our choice, the seeds give none. */
export const EDUCATION_GOAL_MAX_LENGTH = 200;
export const PLAN_DESCRIPTION_MAX_LENGTH = 4000;

function freeText(value: string | null, field: string, maxLength: number): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length === 0) return null;
  const length = Array.from(trimmed).length;
  if (length > maxLength) {
    throw new DomainError(PlanErrorCode.PLAN_TEXT_TOO_LONG, `The ${field} is ${length} characters long: shorten it to at most ${maxLength}.`, {
      field,
      length,
      maxLength,
    });
  }
  return trimmed;
}

/**
 * Validates new plan goals and says which change codes the version carries. A person who needs a
 * Min plan needs a goal (job or education); sick-benefit recipients from employment with a job to
 * return to may leave both out and still register a description (002). Both goals together only
 * where BOTH_GOALS_RULES allow, judged on `today`.
 */
export function decidePlanGoals(input: PlanGoalsChangeInput): PlanGoalsChange {
  const today = requireIsoDate(input.today, 'the registration date');
  const jobGoal = input.jobGoal === null ? null : requireOccupation(input.jobGoal, occupationClassificationOn(today), input.isKnownOccupation);
  const educationGoal = freeText(input.educationGoal, 'education goal', EDUCATION_GOAL_MAX_LENGTH);
  const description = freeText(input.description, 'plan description', PLAN_DESCRIPTION_MAX_LENGTH);
  const required = planRequired({ contactGroupId: input.contactGroupId, fromEmployment: false, hasJobToReturnTo: input.jobToReturnTo });
  if (required && jobGoal === null && educationGoal === null) {
    throw new DomainError(PlanErrorCode.PLAN_GOAL_REQUIRED, 'Min plan needs a job goal or an education goal for this person: enter one.', {
      contactGroupId: input.contactGroupId,
    });
  }
  validatePlanGoals({
    contactGroupId: input.contactGroupId,
    hasEducationOrder: input.educationOrder,
    birthDate: input.birthDate,
    on: today,
    hasJobGoal: jobGoal !== null,
    hasEducationGoal: educationGoal !== null,
  });
  const goals: PlanGoals = { jobGoal, educationGoal, description, educationOrder: input.educationOrder, planRequired: required };
  const previous = input.previous;
  const changeCodes: ChangeCodeId[] = [];
  if ((previous?.jobGoal?.code ?? null) !== (jobGoal?.code ?? null) || (previous?.jobGoal?.level ?? null) !== (jobGoal?.level ?? null)) {
    changeCodes.push(ChangeCode.JOB_GOAL_CHANGED);
  }
  if ((previous?.educationGoal ?? null) !== educationGoal) changeCodes.push(ChangeCode.EDUCATION_GOAL_CHANGED);
  if ((previous?.description ?? null) !== description) changeCodes.push(ChangeCode.PLAN_DESCRIPTION_CHANGED);
  // The flags are part of the version too: left unrecorded, the plan would keep saying the person
  // has (or has no) education order, or needs a plan, after the caseworker said otherwise.
  if ((previous?.educationOrder ?? false) !== goals.educationOrder) changeCodes.push(ChangeCode.EDUCATION_ORDER_CHANGED);
  if ((previous?.planRequired ?? true) !== goals.planRequired) changeCodes.push(ChangeCode.PLAN_REQUIREMENT_CHANGED);
  return { goals, changeCodes };
}
