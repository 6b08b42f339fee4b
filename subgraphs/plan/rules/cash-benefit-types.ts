// The benefits a work-obligation fact registration names, as one rule table keyed by id: whether the
// benefit is in the cash-benefit system and from when, and on what condition, its recipients are held
// to the work obligation (arbejdspligt), seed 002 'Arbejdspligt fra 1. januar 2025'.
import { codeList } from '../../../core/code-list';
import { DomainError } from '../../../core/errors';
import type { IsoDate } from '../../../core/dates';
import { planCodeList } from '../code-lists';
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
  /** The Danish name (the code-list file's). */
  readonly name: string;
  /** True for benefits of the cash-benefit system (kontanthjælpssystemet). */
  readonly cashBenefitSystem: boolean;
  /** First day recipients can be covered; null when never. */
  readonly coveredFrom: IsoDate | null;
  readonly condition: CoverageCondition;
  /** The reason given when every covered recipient is covered for the same reason; null where the facts decide (REQUIREMENTS) or never covered. */
  readonly coveredReason: CoverageReason | null;
}

/** The work obligation starts on 1 January 2025 (002, heading 'Arbejdspligt fra 1. januar 2025'). */
export const WORK_OBLIGATION_FROM = '2025-01-01';
/** 002: "Fra 1. juli 2025 udvides målgruppen … Målgruppen modtager pr. 1. juli 2025 mindstesats eller hjemmeboende sats". */
export const MINIMUM_RATE_GROUP_FROM = '2025-07-01';
/** 002: "borgere indrejst i Danmark i 1968 eller senere". */
export const FIRST_ENTRY_YEAR_HELD_TO_EMPLOYMENT_REQUIREMENT = 1968;

/**
 * 002 names these benefits but gives no code-list ids: their ids and names are a provisional list
 * (code-lists/cash-benefit-types.json, 901–906 shipped) an operator maps to STAR's ids.
 */
const CODES = planCodeList('cash-benefit-types', ['CASH_BENEFIT', 'SELF_SUPPORT_AND_REPATRIATION_BENEFIT', 'TRANSITION_BENEFIT', 'MINIMUM_RATE', 'HOME_LIVING_RATE', 'OUTSIDE_CASH_BENEFIT_SYSTEM'] as const);
type BenefitKey = (typeof CODES.all)[number]['key'];

/** The benefits' ids by meaning, as the code-list file maps them. */
export const CashBenefitTypeId: Readonly<Record<BenefitKey, number>> = Object.fromEntries(CODES.all.map(({ key, id }) => [key, id])) as Record<BenefitKey, number>;

/** The rule per benefit: from when and on what condition its recipients are covered. */
const RULES: Record<BenefitKey, Omit<CashBenefitType, 'id' | 'name'>> = {
  // 002: "borgere i kontanthjælpssystemet, som ikke opfylder kravene om ophold … og fuldtidsbeskæftigelse".
  CASH_BENEFIT: { cashBenefitSystem: true, coveredFrom: WORK_OBLIGATION_FROM, condition: 'REQUIREMENTS', coveredReason: null },
  // 002: "Pr. 1. januar 2025 omfattes borgere på selvforsørgelses- og hjemrejseydelse og borgere på overgangsydelse."
  SELF_SUPPORT_AND_REPATRIATION_BENEFIT: { cashBenefitSystem: true, coveredFrom: WORK_OBLIGATION_FROM, condition: 'NONE', coveredReason: 'SELF_SUPPORT_AND_REPATRIATION_BENEFIT' },
  TRANSITION_BENEFIT: { cashBenefitSystem: true, coveredFrom: WORK_OBLIGATION_FROM, condition: 'NONE', coveredReason: 'TRANSITION_BENEFIT' },
  // 002: from 1 July 2025 those who entered in 1968 or later receive the minimum or home-living rate and are covered.
  MINIMUM_RATE: { cashBenefitSystem: true, coveredFrom: MINIMUM_RATE_GROUP_FROM, condition: 'ENTERED_1968_OR_LATER', coveredReason: 'MINIMUM_OR_HOME_LIVING_RATE_ENTERED_1968_OR_LATER' },
  HOME_LIVING_RATE: { cashBenefitSystem: true, coveredFrom: MINIMUM_RATE_GROUP_FROM, condition: 'ENTERED_1968_OR_LATER', coveredReason: 'MINIMUM_OR_HOME_LIVING_RATE_ENTERED_1968_OR_LATER' },
  // Dagpenge, sygedagpenge, no benefit: the work obligation is the cash-benefit system's alone.
  OUTSIDE_CASH_BENEFIT_SYSTEM: { cashBenefitSystem: false, coveredFrom: null, condition: 'NEVER', coveredReason: null },
};

export const CASH_BENEFIT_TYPES: readonly CashBenefitType[] = CODES.all.map(({ key, id, name }) => ({ id, name, ...RULES[key] }));

const TYPES = codeList(CASH_BENEFIT_TYPES, (type) => type.id, (id) =>
  new DomainError(PlanErrorCode.UNKNOWN_CASH_BENEFIT_TYPE, `Benefit type ${id} does not exist: choose one from cashBenefitTypes.`, { benefitTypeId: id }),
);

/** The benefit type with this id; throws UNKNOWN_CASH_BENEFIT_TYPE. */
export function cashBenefitType(id: number): CashBenefitType {
  return TYPES.get(id);
}
