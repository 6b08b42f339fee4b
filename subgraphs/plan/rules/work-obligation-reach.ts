// Who the work obligation (arbejdspligt) reaches, from when and why (seed 002 'Arbejdspligt fra 1.
// januar 2025'): judged on the facts a jobcentre records (benefit, residence and employment years,
// entry year, the Ukraine special act), each in force from its own date.
import { DomainError } from '../../../core/errors';
import { addDays, addMonths, type IsoDate } from '../../../core/dates';
import { valueOn } from '../../../core/valid-time';
import { cashBenefitType, FIRST_ENTRY_YEAR_HELD_TO_EMPLOYMENT_REQUIREMENT, CASH_BENEFIT_TYPES, WORK_OBLIGATION_FROM } from './cash-benefit-types';
import { requireDateRange, requireIsoDate } from './date-input';
import { PlanErrorCode } from './error-codes';

/** The facts coverage is judged on, in force from `validFrom` until the next registration's. */
export interface WorkObligationFacts {
  validFrom: IsoDate;
  benefitTypeId: number;
  /** Years in the realm within the last 10 (opholdskravet: at least 9). */
  residenceYears: number;
  /** Years of full-time employment within the last 10 (beskæftigelseskravet: at least 2½). */
  fullTimeEmploymentYears: number;
  /** The year the person entered Denmark; null for a person who never entered (born here). */
  entryYear: number | null;
  /** Displaced from Ukraine with a residence permit under the Ukraine special act (Ukraine-særloven). */
  ukraineSpecialAct: boolean;
}

export type CoverageReason =
  | 'NO_FACTS_RECORDED'
  | 'BEFORE_WORK_OBLIGATION'
  | 'UKRAINE_SPECIAL_ACT'
  | 'OUTSIDE_CASH_BENEFIT_SYSTEM'
  | 'BENEFIT_NOT_YET_COVERED'
  | 'RESIDENCE_AND_EMPLOYMENT_REQUIREMENTS_MET'
  | 'RESIDENCE_REQUIREMENT_NOT_MET'
  | 'EMPLOYMENT_REQUIREMENT_NOT_MET'
  | 'RESIDENCE_AND_EMPLOYMENT_REQUIREMENTS_NOT_MET'
  | 'SELF_SUPPORT_AND_REPATRIATION_BENEFIT'
  | 'TRANSITION_BENEFIT'
  | 'ENTERED_BEFORE_1968'
  | 'MINIMUM_OR_HOME_LIVING_RATE_ENTERED_1968_OR_LATER';

export interface Coverage {
  covered: boolean;
  reason: CoverageReason;
}

export interface CoveragePeriod extends Coverage {
  start: IsoDate;
  end: IsoDate;
}

/** 002: "ophold i riget i mindst 9 år inden for de seneste 10 år (opholdskravet)". */
export const RESIDENCE_REQUIREMENT_YEARS = 9;
/** 002: "fuldtidsbeskæftigelse i mindst 2½ år inden for de seneste 10 år (beskæftigelseskravet)". */
export const EMPLOYMENT_REQUIREMENT_YEARS = 2.5;
/** Both requirements count within the last 10 years, so no recorded figure can exceed 10. */
const YEARS_COUNTED = 10;
/** Facts may be recorded ahead, as a benefit decision for next month; a year covers any such decision. */
export const FACTS_MAX_MONTHS_AHEAD = 12;

const notCovered = (reason: CoverageReason): Coverage => ({ covered: false, reason });

/**
 * 002: the obligation applies to "borgere i kontanthjælpssystemet, som ikke opfylder kravene om
 * ophold … og fuldtidsbeskæftigelse". Read legally: the requirements are those for the regular cash
 * benefit, and a person who fails either of them does not meet the requirements, so is covered;
 * only a person meeting both stays outside. The reason names which requirement failed.
 */
function byRequirements(facts: WorkObligationFacts): Coverage {
  const residenceMet = facts.residenceYears >= RESIDENCE_REQUIREMENT_YEARS;
  const employmentMet = facts.fullTimeEmploymentYears >= EMPLOYMENT_REQUIREMENT_YEARS;
  if (residenceMet && employmentMet) return notCovered('RESIDENCE_AND_EMPLOYMENT_REQUIREMENTS_MET');
  if (residenceMet) return { covered: true, reason: 'EMPLOYMENT_REQUIREMENT_NOT_MET' };
  if (employmentMet) return { covered: true, reason: 'RESIDENCE_REQUIREMENT_NOT_MET' };
  return { covered: true, reason: 'RESIDENCE_AND_EMPLOYMENT_REQUIREMENTS_NOT_MET' };
}

/** Whether the facts in force on `day` (null: none recorded by then) put the person under the work obligation. */
export function coverageOn(facts: WorkObligationFacts | null, day: IsoDate): Coverage {
  if (facts === null) return notCovered('NO_FACTS_RECORDED');
  if (day < WORK_OBLIGATION_FROM) return notCovered('BEFORE_WORK_OBLIGATION');
  // 002: "Fordrevne fra Ukraine med opholdstilladelse efter Ukraine-særloven vil ikke blive omfattet".
  if (facts.ukraineSpecialAct) return notCovered('UKRAINE_SPECIAL_ACT');
  const benefit = cashBenefitType(facts.benefitTypeId);
  if (benefit.coveredFrom === null) return notCovered('OUTSIDE_CASH_BENEFIT_SYSTEM');
  if (day < benefit.coveredFrom) return notCovered('BENEFIT_NOT_YET_COVERED');
  switch (benefit.condition) {
    case 'REQUIREMENTS':
      return byRequirements(facts);
    case 'ENTERED_1968_OR_LATER':
      if (facts.entryYear === null || facts.entryYear < FIRST_ENTRY_YEAR_HELD_TO_EMPLOYMENT_REQUIREMENT) return notCovered('ENTERED_BEFORE_1968');
      return { covered: true, reason: benefit.coveredReason! };
    case 'NONE':
      return { covered: true, reason: benefit.coveredReason! };
    case 'NEVER':
      return notCovered('OUTSIDE_CASH_BENEFIT_SYSTEM');
  }
}

/** The registration in force on `day`: the latest validFrom on or before it; of two on one day, the later recorded (later in `history`). */
export function factsOn<F extends WorkObligationFacts>(history: readonly F[], day: IsoDate): F | null {
  return valueOn(history.map((facts) => ({ start: facts.validFrom, value: facts })), day);
}

/**
 * Coverage over `from`–`to` as periods of one answer each: it changes only where a registration
 * takes effect or a dated rule starts (2025-01-01, 2025-07-01), so the answer is as long as those.
 * `history` in recorded order. Throws INVALID_DATE / INVALID_DATE_RANGE.
 */
export function coveragePeriods(history: readonly WorkObligationFacts[], from: unknown, to: unknown): CoveragePeriod[] {
  const range = requireDateRange(from, to);
  const end = range.end ?? range.start;
  const ruleDays = [WORK_OBLIGATION_FROM, ...CASH_BENEFIT_TYPES.flatMap((type) => (type.coveredFrom ? [type.coveredFrom] : []))];
  const starts = [...new Set([range.start, ...history.map((facts) => facts.validFrom), ...ruleDays])].filter((day) => day >= range.start && day <= end).sort();
  const periods: CoveragePeriod[] = [];
  starts.forEach((start, index) => {
    const periodEnd = index + 1 < starts.length ? addDays(starts[index + 1], -1) : end;
    const coverage = coverageOn(factsOn(history, start), start);
    const last = periods.at(-1);
    if (last && last.covered === coverage.covered && last.reason === coverage.reason) last.end = periodEnd;
    else periods.push({ start, end: periodEnd, ...coverage });
  });
  return periods;
}

export interface WorkObligationFactsInput extends Omit<WorkObligationFacts, 'validFrom'> {
  validFrom: unknown;
  today: IsoDate;
  /** From the CPR number: nobody entered Denmark before they were born. */
  birthDate: IsoDate;
}

function requireYears(value: number, field: string): number {
  if (Number.isFinite(value) && value >= 0 && value <= YEARS_COUNTED) return value;
  throw new DomainError(PlanErrorCode.INVALID_REQUIREMENT_YEARS, `${field} counts years within the last ${YEARS_COUNTED}: enter a number from 0 to ${YEARS_COUNTED}, not ${value}.`, {
    field,
    value,
  });
}

function requireEntryYear(entryYear: number | null, birthDate: IsoDate, validFrom: IsoDate): number | null {
  if (entryYear === null) return null;
  const birthYear = Number(birthDate.slice(0, 4));
  const latest = Number(validFrom.slice(0, 4));
  if (Number.isInteger(entryYear) && entryYear >= birthYear && entryYear <= latest) return entryYear;
  throw new DomainError(
    PlanErrorCode.INVALID_ENTRY_YEAR,
    `The entry year must lie between the birth year ${birthYear} and the year the facts hold from (${latest}): correct ${entryYear}, or leave it out for a person born in Denmark.`,
    { entryYear, birthYear, latest },
  );
}

/** Validates a registration of facts; returns what to store. Throws DomainError. */
export function validateWorkObligationFacts(input: WorkObligationFactsInput): WorkObligationFacts {
  const validFrom = requireIsoDate(input.validFrom, 'the date the facts hold from');
  const latest = addMonths(input.today, FACTS_MAX_MONTHS_AHEAD);
  if (validFrom > latest) {
    throw new DomainError(PlanErrorCode.WORK_OBLIGATION_FACTS_TOO_FAR_AHEAD, `Facts may be recorded at most ${FACTS_MAX_MONTHS_AHEAD} months ahead (from ${latest} at the latest): correct the date or record them later.`, {
      validFrom,
      latest,
    });
  }
  cashBenefitType(input.benefitTypeId);
  return {
    validFrom,
    benefitTypeId: input.benefitTypeId,
    residenceYears: requireYears(input.residenceYears, 'residenceYears'),
    fullTimeEmploymentYears: requireYears(input.fullTimeEmploymentYears, 'fullTimeEmploymentYears'),
    entryYear: requireEntryYear(input.entryYear, input.birthDate, validFrom),
    ukraineSpecialAct: input.ukraineSpecialAct,
  };
}
