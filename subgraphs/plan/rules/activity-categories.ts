// Activity categories (afholdelseskategorier) and the 2024-4 activity types, as one code list keyed
// by id: what an activity is, when it may first be registered, and how long it may run.
import { codeList } from '../../../core/code-list';
import { DomainError } from '../../../core/errors';
import type { IsoDate } from '../../../core/dates';
import { planCodeList } from '../code-lists';
import { PlanErrorCode } from './error-codes';

export interface ActivityCategory {
  readonly id: number;
  /** The Danish name as the seed writes it. */
  readonly name: string;
  /** First registration day (today) on which the category may be chosen; null = no limit known. */
  readonly availableFrom: IsoDate | null;
  /** Longest allowed activity in days, start and end included; null = no limit. */
  readonly maxDurationDays: number | null;
}

/** Release 2024-4 went into operation on 8 December 2024 (002, opening paragraph). */
const RELEASE_2024_4 = '2024-12-08';

/** Ids 25–47 and their names are the categories frame 18 combines with (001 §4.2); no seed lists the rest of STAR's list, so it is not here. */
const SEED_CATEGORIES: readonly ActivityCategory[] = [
  { id: 25, name: 'Almen voksenuddannelse', availableFrom: null, maxDurationDays: null },
  { id: 26, name: 'AMU', availableFrom: null, maxDurationDays: null },
  { id: 27, name: 'Erhvervsuddannelser', availableFrom: null, maxDurationDays: null },
  { id: 28, name: 'SOSU uddannelser', availableFrom: null, maxDurationDays: null },
  { id: 29, name: 'Korte, mellem og lange videregående uddannelser', availableFrom: null, maxDurationDays: null },
  { id: 30, name: 'Øvrige forløb', availableFrom: null, maxDurationDays: null },
  { id: 36, name: 'Læse-, skrive-, regne- eller ordblindkursus', availableFrom: null, maxDurationDays: null },
  { id: 39, name: 'Arbejdsmarkedsrettet danskundervisning', availableFrom: null, maxDurationDays: null },
  { id: 40, name: 'Realkompetencevurdering', availableFrom: null, maxDurationDays: null },
  { id: 41, name: 'Mestring af sygdom', availableFrom: null, maxDurationDays: null },
  { id: 45, name: 'Danskuddannelse, LAB', availableFrom: null, maxDurationDays: null },
  { id: 46, name: 'Danskuddannelse, danskuddannelsesloven', availableFrom: null, maxDurationDays: null },
  { id: 47, name: 'Privat udbudte kurser', availableFrom: null, maxDurationDays: null },
];

/**
 * Seed 002 names three activity types but gives NO ids: their ids and names are a provisional list
 * (code-lists/activity-categories.json, 901–903 shipped) an operator maps to STAR's ids.
 */
const CODES = planCodeList('activity-categories', ['SPECIALLY_ARRANGED_UTILITY_WORK', 'PREPARATION_AND_JOB_SEARCH_AWAY_FROM_HOME', 'JOB_ORIENTED_EDUCATION'] as const, SEED_CATEGORIES.map((category) => category.id));
type ProvisionalKey = (typeof CODES.all)[number]['key'];

/** Særligt tilrettelagt nytteindsats (specially arranged utility work), 002 release 2024-4. */
export const SPECIALLY_ARRANGED_UTILITY_WORK = CODES.SPECIALLY_ARRANGED_UTILITY_WORK.id;
/** Forberedelse og jobsøgning uden for hjemmet (preparation and job search away from home), 002. */
export const PREPARATION_AND_JOB_SEARCH_AWAY_FROM_HOME = CODES.PREPARATION_AND_JOB_SEARCH_AWAY_FROM_HOME.id;
/** Jobrettet uddannelse (the a-kasse's six weeks of job-oriented education), 002. */
export const JOB_ORIENTED_EDUCATION = CODES.JOB_ORIENTED_EDUCATION.id;

/** The rules of the provisional categories, keyed by what they are. */
const PROVISIONAL_RULES: Record<ProvisionalKey, Pick<ActivityCategory, 'availableFrom' | 'maxDurationDays'>> = {
  // 002: "indføres med denne release to nye typer aktiviteter" for following up the work obligation.
  SPECIALLY_ARRANGED_UTILITY_WORK: { availableFrom: RELEASE_2024_4, maxDurationDays: null },
  PREPARATION_AND_JOB_SEARCH_AWAY_FROM_HOME: { availableFrom: RELEASE_2024_4, maxDurationDays: null },
  // 002: "seks ugers jobrettet uddannelse" = 42 days. The type existed for jobcentres before 2024-4;
  // only the a-kasse's right to register it is dated (see REGISTRANT_RULES in activities.ts).
  JOB_ORIENTED_EDUCATION: { availableFrom: null, maxDurationDays: 42 },
};

export const ACTIVITY_CATEGORIES: readonly ActivityCategory[] = [...SEED_CATEGORIES, ...CODES.all.map(({ key, id, name }) => ({ id, name, ...PROVISIONAL_RULES[key] }))];

const CATEGORIES = codeList(ACTIVITY_CATEGORIES, (category) => category.id, (id) =>
  new DomainError(PlanErrorCode.UNKNOWN_ACTIVITY_CATEGORY, `Activity category ${id} does not exist: choose a category from the code list.`, { categoryId: id }),
);

export function findActivityCategory(id: number): ActivityCategory | undefined {
  return CATEGORIES.find(id);
}

/** The category with this id; throws UNKNOWN_ACTIVITY_CATEGORY. */
export function activityCategory(id: number): ActivityCategory {
  return CATEGORIES.get(id);
}
