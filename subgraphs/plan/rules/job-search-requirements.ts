// Job-search requirements (krav til jobsøgning) in Min plan: who may have them, what must be filled
// in, and when they are removed (seed 001 §4.1; occupations in ESCO-STAR from release 2021-3, 003).
import { DomainError } from '../../../core/errors';
import type { IsoDate } from '../../../core/dates';
import { requireIsoDate } from './date-input';
import { PlanErrorCode } from './error-codes';

/** "min. én discokode på niveau 1, 2 eller 3" (001 §4.1). */
export type OccupationLevel = 1 | 2 | 3;

function isOccupationLevel(level: number): level is OccupationLevel {
  return level === 1 || level === 2 || level === 3;
}

/** The occupation classification (stillingsbetegnelser) requirements are validated against. */
export type OccupationClassification = 'DISCO_AMS08' | 'ESCO_STAR';

/** Min plan and Krav til jobsøgning moved to ESCO-STAR with release 2021-3 on 18.09.2021 (003). */
export const ESCO_STAR_IN_JOB_SEARCH_REQUIREMENTS_FROM: IsoDate = '2021-09-18';

export function occupationClassificationOn(date: IsoDate): OccupationClassification {
  return date < ESCO_STAR_IN_JOB_SEARCH_REQUIREMENTS_FROM ? 'DISCO_AMS08' : 'ESCO_STAR';
}

/**
 * Answers whether a code is a valid title at that level in that classification. The list lives in
 * the recruitment subgraph; it must answer false for retired (udgåede) titles, which cannot be chosen
 * for new data once the area has moved to ESCO-STAR (003). A lookup ignoring the third argument fits.
 */
export type OccupationLookup = (code: string, level: OccupationLevel, classification: OccupationClassification) => boolean;

export interface OccupationInput {
  code: string;
  level: number;
}

export interface RequiredOccupation {
  code: string;
  level: OccupationLevel;
  classification: OccupationClassification;
}

/** "arbejdsmarkedsregioner eller kommunekollektion": one or the other, never both (001 §4.1). */
export type SearchArea =
  | { kind: 'LABOUR_MARKET_REGIONS'; regionIds: readonly string[] }
  | { kind: 'MUNICIPALITY_COLLECTION'; municipalityCodes: readonly string[] };

/**
 * The person category from visitation (personkategorisering). Only the first two allow requirements
 * ("jobparate og åbenlyst uddannelsesparate", 001 §4.1); the others are listed so callers can pass
 * what they have instead of mapping everything else to null.
 */
export type PersonCategory = 'JOB_READY' | 'OBVIOUSLY_EDUCATION_READY' | 'EDUCATION_READY' | 'ACTIVITY_READY';

export interface JobSearchRequirementsInput {
  occupations?: readonly OccupationInput[] | null;
  where?: SearchArea | null;
  otherRequirements?: string | null;
  /** The open contact group; null when the person has none. */
  contactGroupId: number | null;
  /** The visitation category; null when the person is not categorised. */
  personCategory: PersonCategory | null;
  /** The registration day: decides the occupation classification. */
  today: IsoDate;
  isKnownOccupation: OccupationLookup;
}

/** Normalised requirements: an element not filled in is an empty list or null. */
export interface JobSearchRequirements {
  occupations: RequiredOccupation[];
  where: SearchArea | null;
  otherRequirements: string | null;
}

/**
 * Longest 'Andre krav til jobsøgning' in characters. The seeds give none; 2000 is our choice: room
 * for several concrete demands while staying readable to the citizen in Min plan.
 */
export const OTHER_REQUIREMENTS_MAX_LENGTH = 2000;

/** Contact group 7 'Fleksjobvisiteret (ledig)' may have requirements whatever its category (001 §4.1). */
const GROUPS_ALWAYS_ALLOWED: readonly number[] = [
  7,
  // Group 1 dagpengemodtagere are never categorised but count as job-ready: 003 (slettepolitikker,
  // 'Tjek jobforslag') names them beside "jobparate kontanthjælpsmodtagere, åbenlyst uddannelsesparate …".
  1,
];
const CATEGORIES_ALLOWED: readonly PersonCategory[] = ['JOB_READY', 'OBVIOUSLY_EDUCATION_READY'];
/** A change to these groups removes the requirements, plan version with code 82 (001 §4.1). */
const GROUPS_REMOVING_REQUIREMENTS: readonly number[] = [10];

/** True when a person in this group and category may have job-search requirements. */
export function jobSearchRequirementsAllowed(contactGroupId: number | null, personCategory: PersonCategory | null): boolean {
  if (contactGroupId !== null && GROUPS_REMOVING_REQUIREMENTS.includes(contactGroupId)) return false;
  if (contactGroupId !== null && GROUPS_ALWAYS_ALLOWED.includes(contactGroupId)) return true;
  return personCategory !== null && CATEGORIES_ALLOWED.includes(personCategory);
}

/** True when a change to `toGroup` removes the requirements: 10 'Fleksjobansat' (001 §4.1). */
export function requirementsRemovedOnGroupChange(toGroup: number): boolean {
  return GROUPS_REMOVING_REQUIREMENTS.includes(toGroup);
}

/**
 * Validates and normalises requirements, throwing DomainError. Eligibility is checked first so a
 * caseworker is not asked to fix fields of requirements the person cannot have.
 */
export function validateJobSearchRequirements(input: JobSearchRequirementsInput): JobSearchRequirements {
  const today = requireIsoDate(input.today, 'the registration date');
  if (!jobSearchRequirementsAllowed(input.contactGroupId, input.personCategory)) {
    throw new DomainError(
      PlanErrorCode.JOB_SEARCH_REQUIREMENTS_NOT_ALLOWED,
      'Job-search requirements can only be registered for job-ready or obviously education-ready persons and for contact group 7 (fleksjobvisiteret, ledig): check the contact group and visitation.',
      { contactGroupId: input.contactGroupId, personCategory: input.personCategory },
    );
  }
  const requirements: JobSearchRequirements = {
    occupations: normaliseOccupations(input.occupations ?? [], occupationClassificationOn(today), input.isKnownOccupation),
    where: normaliseWhere(input.where ?? null),
    otherRequirements: normaliseOtherRequirements(input.otherRequirements ?? null),
  };
  if (requirements.occupations.length === 0 && requirements.where === null && requirements.otherRequirements === null) {
    throw new DomainError(
      PlanErrorCode.JOB_SEARCH_REQUIREMENTS_EMPTY,
      'Fill in at least one of: occupations to search as, where to search, or other requirements.',
    );
  }
  return requirements;
}

function normaliseOccupations(
  occupations: readonly OccupationInput[],
  classification: OccupationClassification,
  isKnownOccupation: OccupationLookup,
): RequiredOccupation[] {
  const byCode = new Map<string, RequiredOccupation>();
  for (const input of occupations) {
    const occupation = requireOccupation(input, classification, isKnownOccupation);
    if (!byCode.has(occupation.code)) byCode.set(occupation.code, occupation);
  }
  return [...byCode.values()];
}

/**
 * One occupation at level 1–3 that is a valid title in `classification`; throws
 * OCCUPATION_LEVEL_INVALID or UNKNOWN_OCCUPATION. Also checks a plan's job goal.
 */
export function requireOccupation(
  input: OccupationInput,
  classification: OccupationClassification,
  isKnownOccupation: OccupationLookup,
): RequiredOccupation {
  const code = input.code.trim();
  const { level } = input;
  if (!isOccupationLevel(level)) {
    throw new DomainError(PlanErrorCode.OCCUPATION_LEVEL_INVALID, `Occupation ${code} is at level ${level}: choose an occupation at level 1, 2 or 3.`, {
      code,
      level,
    });
  }
  if (!isKnownOccupation(code, level, classification)) {
    throw new DomainError(
      PlanErrorCode.UNKNOWN_OCCUPATION,
      `Occupation ${code} (level ${level}) is not a valid ${classification === 'ESCO_STAR' ? 'ESCO-STAR' : 'DiscoAMS08'} title: choose a current title.`,
      { code, level, classification },
    );
  }
  return { code, level, classification };
}

function normaliseWhere(where: SearchArea | null): SearchArea | null {
  if (where === null) return null;
  if (where.kind === 'LABOUR_MARKET_REGIONS') {
    const regionIds = distinctTrimmed(where.regionIds, (id) => id.length > 0, 'labour-market region');
    return regionIds.length === 0 ? null : { kind: where.kind, regionIds };
  }
  const municipalityCodes = distinctTrimmed(where.municipalityCodes, (code) => /^\d{3}$/.test(code), 'municipality code');
  return municipalityCodes.length === 0 ? null : { kind: where.kind, municipalityCodes };
}

function distinctTrimmed(values: readonly string[], valid: (value: string) => boolean, what: string): string[] {
  const result = new Set<string>();
  for (const raw of values) {
    const value = raw.trim();
    if (!valid(value)) {
      throw new DomainError(PlanErrorCode.INVALID_SEARCH_AREA, `'${raw}' is not a valid ${what}: correct or remove it.`, { value: raw, kind: what });
    }
    result.add(value);
  }
  return [...result];
}

function normaliseOtherRequirements(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  if (trimmed.length === 0) return null;
  const length = Array.from(trimmed).length;
  if (length > OTHER_REQUIREMENTS_MAX_LENGTH) {
    throw new DomainError(
      PlanErrorCode.OTHER_REQUIREMENTS_TOO_LONG,
      `Other requirements are ${length} characters long: shorten them to at most ${OTHER_REQUIREMENTS_MAX_LENGTH}.`,
      { length, maxLength: OTHER_REQUIREMENTS_MAX_LENGTH },
    );
  }
  return trimmed;
}
