// Plan goals: who may have a job goal (jobmål) and an education goal (uddannelsesmål) together, and
// who needs no Min plan at all (seed 002 'Min plan for unge…' and 'Min plan for sygedagpengemodtagere…').
import { DomainError } from '../../../core/errors';
import type { IsoDate } from '../../../core/dates';
import { requireIsoDate } from './date-input';
import { PlanErrorCode } from './error-codes';

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
