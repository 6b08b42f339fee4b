// The digital screening trial (forberedelseskema with screening for disability, 000 and 001 §1.6):
// which municipalities and target groups take part, at most two extra questions, and how long the
// result may be seen (90 days by the citizen, 6 months by caseworkers) before it is deleted.
import { DomainError } from '../../../core/errors';
import { addDays, addMonths, type IsoDate } from '../../../core/dates';
import { DAGPENGE, KONTANTHJAELP } from './contact-groups';
import { PersonErrorCode } from './error-codes';

/** The trial municipalities by municipality code (jobcentre); 001 §1.6 names them. */
export const SCREENING_MUNICIPALITIES: ReadonlyMap<string, string> = new Map([
  ['751', 'Aarhus'],
  ['390', 'Vordingborg'],
  ['187', 'Vallensbæk'], // one jobcentre with Ishøj
  ['183', 'Ishøj'],
  ['813', 'Frederikshavn'],
  ['825', 'Læsø'], // "Frederikshavn (og herunder Læsø)"
  ['580', 'Aabenraa'],
  ['849', 'Jammerbugt'],
  ['787', 'Thisted'],
  ['615', 'Horsens'],
]);

/** The trial started with release 2021-1 (15 March 2021). */
export const SCREENING_TRIAL_FROM = '2021-03-15';
export const MAX_EXTRA_QUESTIONS = 2;
export const MAX_ANSWER_LENGTH = 1000;
export const CITIZEN_VISIBILITY_DAYS = 90;
export const CASEWORKER_VISIBILITY_MONTHS = 6;

export type ScreeningTargetGroup = 'DAGPENGE' | 'NON_VISITED_KONTANTHJAELP' | 'DIMITTEND';

export interface ScreeningCandidate {
  jobcentre: string;
  contactGroupId: number | null;
  /** Visited (personkategoriseret) at all. */
  visited: boolean;
  dimittend: boolean;
}

/** The target group the person belongs to, or null: dagpenge, non-visited kontanthjælp, dimittender. */
export function screeningTargetGroup(candidate: ScreeningCandidate): ScreeningTargetGroup | null {
  if (candidate.dimittend) return 'DIMITTEND';
  if (candidate.contactGroupId === DAGPENGE) return 'DAGPENGE';
  if (candidate.contactGroupId === KONTANTHJAELP && !candidate.visited) return 'NON_VISITED_KONTANTHJAELP';
  return null;
}

export function assertScreeningAllowed(candidate: ScreeningCandidate, answers: readonly { questionId: number; answer: string }[], today: IsoDate): ScreeningTargetGroup {
  if (today < SCREENING_TRIAL_FROM || !SCREENING_MUNICIPALITIES.has(candidate.jobcentre)) {
    throw new DomainError(PersonErrorCode.SCREENING_NOT_IN_TRIAL, "The person's jobcentre is not in the digital screening trial.", { municipalityCode: candidate.jobcentre });
  }
  const group = screeningTargetGroup(candidate);
  if (group === null) {
    throw new DomainError(PersonErrorCode.SCREENING_NOT_TARGET_GROUP, 'The screening is for dagpenge recipients, non-visited kontanthjælp recipients and dimittender only.');
  }
  const ids = answers.map((a) => a.questionId);
  if (answers.length > MAX_EXTRA_QUESTIONS || new Set(ids).size !== ids.length || ids.some((id) => !Number.isInteger(id) || id < 1 || id > MAX_EXTRA_QUESTIONS)) {
    throw new DomainError(PersonErrorCode.SCREENING_TOO_MANY_QUESTIONS, `The screening has up to ${MAX_EXTRA_QUESTIONS} extra questions, numbered 1 and 2, each answered once.`, { field: 'answers' });
  }
  if (answers.some((a) => a.answer.trim() === '' || a.answer.length > MAX_ANSWER_LENGTH)) {
    throw new DomainError('BAD_USER_INPUT', `Each answer is 1 to ${MAX_ANSWER_LENGTH} characters.`, { field: 'answers' });
  }
  return group;
}

/** The last day the citizen and caseworkers may see a result answered on `answeredOn`. */
export function screeningVisibility(answeredOn: IsoDate): { citizenUntil: IsoDate; caseworkersUntil: IsoDate } {
  return { citizenUntil: addDays(answeredOn, CITIZEN_VISIBILITY_DAYS - 1), caseworkersUntil: addDays(addMonths(answeredOn, CASEWORKER_VISIBILITY_MONTHS), -1) };
}

/** Deleted once nobody may see it any more (after the caseworkers' 6 months). */
export function isScreeningExpired(caseworkersUntil: IsoDate, today: IsoDate): boolean {
  return caseworkersUntil < today;
}
