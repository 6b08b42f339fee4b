// The benefits a work-obligation fact registration names, as one rule table keyed by id: whether the
// benefit is in the cash-benefit system and from when, and on what condition, its recipients are held
// to the work obligation (arbejdspligt), seed 002 'Arbejdspligt fra 1. januar 2025'.
import { codeList } from '../../../core/code-list';
import { DomainError } from '../../../core/errors';
import type { IsoDate } from '../../../core/dates';
import { PlanErrorCode } from './error-codes';
import type { CoverageReason } from './work-obligation-reach';

/**
 * What beyond the benefit itself decides coverage:
 * - REQUIREMENTS: held to the residence and employment requirements (the recorded years decide);
 * - NONE: every recipient is covered from `coveredFrom`;
 * - ENTERED_1968_OR_LATER: only recipients who entered Denmark in 1968 or later;
 * - NEVER: outside the cash-benefit system, never covered.
 */
export type CoverageCondition = 'REQUIREMENTS' | 'NONE' | 'ENTERED_1968_OR_LATER' | 'NEVER';

export interface CashBenefitType {
  readonly id: number;
  /** The Danish name as the seed writes it. */
  readonly name: string;
  /** True for benefits of the cash-benefit system (kontanthjælpssystemet). */
  readonly cashBenefitSystem: boolean;
  /** First day recipients can be covered; null when never. */
  readonly coveredFrom: IsoDate | null;
  readonly condition: CoverageCondition;
  /** The reason given when a recipient is covered. */
  readonly coveredReason: CoverageReason | null;
}

/** The work obligation starts on 1 January 2025 (002, heading 'Arbejdspligt fra 1. januar 2025'). */
export const WORK_OBLIGATION_FROM = '2025-01-01';
/** 002: "Fra 1. juli 2025 udvides målgruppen … Målgruppen modtager pr. 1. juli 2025 mindstesats eller hjemmeboende sats". */
export const MINIMUM_RATE_GROUP_FROM = '2025-07-01';
/** 002: "borgere indrejst i Danmark i 1968 eller senere". */
export const FIRST_ENTRY_YEAR_HELD_TO_EMPLOYMENT_REQUIREMENT = 1968;

export const CashBenefitTypeId = {
  CASH_BENEFIT: 901,
  SELF_SUPPORT_AND_REPATRIATION_BENEFIT: 902,
  TRANSITION_BENEFIT: 903,
  MINIMUM_RATE: 904,
  HOME_LIVING_RATE: 905,
  OUTSIDE_CASH_BENEFIT_SYSTEM: 906,
} as const;

/**
 * PROVISIONAL ids: seed 002 names these benefits but gives no code-list ids, so 901–906 are this
 * project's, chosen in the 9xx range like the other invented ids (activity categories 901–903);
 * replace them with STAR's ids when those are known.
 */
export const CASH_BENEFIT_TYPES: readonly CashBenefitType[] = [
  // 002: "borgere i kontanthjælpssystemet, som ikke opfylder kravene om ophold … og fuldtidsbeskæftigelse".
  { id: CashBenefitTypeId.CASH_BENEFIT, name: 'Kontanthjælp eller uddannelseshjælp', cashBenefitSystem: true, coveredFrom: WORK_OBLIGATION_FROM, condition: 'REQUIREMENTS', coveredReason: 'RESIDENCE_AND_EMPLOYMENT_REQUIREMENTS_NOT_MET' },
  // 002: "Pr. 1. januar 2025 omfattes borgere på selvforsørgelses- og hjemrejseydelse og borgere på overgangsydelse."
  { id: CashBenefitTypeId.SELF_SUPPORT_AND_REPATRIATION_BENEFIT, name: 'Selvforsørgelses- og hjemrejseydelse', cashBenefitSystem: true, coveredFrom: WORK_OBLIGATION_FROM, condition: 'NONE', coveredReason: 'SELF_SUPPORT_AND_REPATRIATION_BENEFIT' },
  { id: CashBenefitTypeId.TRANSITION_BENEFIT, name: 'Overgangsydelse', cashBenefitSystem: true, coveredFrom: WORK_OBLIGATION_FROM, condition: 'NONE', coveredReason: 'TRANSITION_BENEFIT' },
  // 002: from 1 July 2025 those who entered in 1968 or later receive the minimum or home-living rate and are covered.
  { id: CashBenefitTypeId.MINIMUM_RATE, name: 'Mindstesats', cashBenefitSystem: true, coveredFrom: MINIMUM_RATE_GROUP_FROM, condition: 'ENTERED_1968_OR_LATER', coveredReason: 'MINIMUM_OR_HOME_LIVING_RATE_ENTERED_1968_OR_LATER' },
  { id: CashBenefitTypeId.HOME_LIVING_RATE, name: 'Hjemmeboende sats', cashBenefitSystem: true, coveredFrom: MINIMUM_RATE_GROUP_FROM, condition: 'ENTERED_1968_OR_LATER', coveredReason: 'MINIMUM_OR_HOME_LIVING_RATE_ENTERED_1968_OR_LATER' },
  // Dagpenge, sygedagpenge, no benefit: the work obligation is the cash-benefit system's alone.
  { id: CashBenefitTypeId.OUTSIDE_CASH_BENEFIT_SYSTEM, name: 'Ydelse uden for kontanthjælpssystemet eller ingen ydelse', cashBenefitSystem: false, coveredFrom: null, condition: 'NEVER', coveredReason: null },
];

const TYPES = codeList(CASH_BENEFIT_TYPES, (type) => type.id, (id) =>
  new DomainError(PlanErrorCode.UNKNOWN_CASH_BENEFIT_TYPE, `Benefit type ${id} does not exist: choose one from cashBenefitTypes.`, { benefitTypeId: id }),
);

/** The benefit type with this id; throws UNKNOWN_CASH_BENEFIT_TYPE. */
export function cashBenefitType(id: number): CashBenefitType {
  return TYPES.get(id);
}
