// Closed data areas (lukkede dataområder) kept only to be deleted: the rule table keyed by kind, with
// when each area closed and how long its records are kept (DOMAIN.md "Retention"), and the checks a
// load from the system that held them must pass.
import type { IsoDate, Period } from '../../../core/dates';
import { DomainError } from '../../../core/errors';
import { PersonErrorCode } from './error-codes';

export type ClosedAreaKind = 'SYSTEMATIC_REFERRAL_COURSE' | 'JOB_SUGGESTION_CHECK_RECEIPT';

export interface ClosedArea {
  /** The retention job's kind (RetentionPolicy.kind). */
  retentionKind: string;
  description: string;
  /** No record can be dated on or after this day: the area was closed then. */
  closedFrom: IsoDate;
  keepFor: Period;
  source: string;
}

export const CLOSED_AREAS: Readonly<Record<ClosedAreaKind, ClosedArea>> = {
  // 001 §6.1: "lukket igen med release 2020-1 … Slettefristen … fastsættes til 2 år efter registreringen";
  // 000: "Reglerne udgik ved gennemskrivning af lov om aktiv beskæftigelsesindsats per 1/1-2020".
  SYSTEMATIC_REFERRAL_COURSE: {
    retentionKind: 'systematic-referral-course',
    description: 'Systematisk henvisningsforløb, from its registration',
    closedFrom: '2020-01-01',
    keepFor: { years: 2 },
    source: 'DOMAIN.md Retention; seed 001 §6.1, seed 000',
  },
  // 003: "Disse regler udgik i december 2019 … Styrelsen har implementeret en slettefrist på 6 år".
  // The seed gives the month, not the day: any day of December 2019 is accepted.
  JOB_SUGGESTION_CHECK_RECEIPT: {
    retentionKind: 'job-suggestion-check-receipt',
    description: "'Tjek jobforslag' receipts, from the day of the receipt",
    closedFrom: '2020-01-01',
    keepFor: { years: 6 },
    source: 'DOMAIN.md Retention; seed 003',
  },
};

/** One load call's rows at most: a bigger backlog is loaded in several calls, none a long transaction. */
export const MAX_CLOSED_AREA_LOAD = 1000;

/** The source system's ids are stored as given, so their length is bounded. */
export const MAX_CLOSED_AREA_ID_LENGTH = 64;

/**
 * Checks a load's size, each row's id, and each row's day (the Date scalar has checked its form):
 * before the area closed. Throws DomainError.
 */
export function validateClosedAreaLoad(kind: ClosedAreaKind, rows: readonly { id: string; recordedOn: IsoDate }[]): void {
  if (rows.length > MAX_CLOSED_AREA_LOAD) {
    throw new DomainError(PersonErrorCode.LOAD_TOO_LARGE, `Load at most ${MAX_CLOSED_AREA_LOAD} records per call, not ${rows.length}: split the load.`, { max: MAX_CLOSED_AREA_LOAD });
  }
  const { closedFrom } = CLOSED_AREAS[kind];
  rows.forEach(({ id, recordedOn: day }, index) => {
    if (id.trim() === '' || id.length > MAX_CLOSED_AREA_ID_LENGTH) {
      throw new DomainError(PersonErrorCode.INVALID_CLOSED_AREA_RECORD_ID, `Row ${index + 1}: the id must be 1 to ${MAX_CLOSED_AREA_ID_LENGTH} characters.`, { row: index + 1 });
    }
    if (day >= closedFrom) {
      throw new DomainError(PersonErrorCode.CLOSED_AREA_DATE_AFTER_CLOSURE, `Row ${index + 1} is dated ${day}, but the area closed on ${closedFrom}: no such record can exist.`, { row: index + 1, closedFrom });
    }
  });
}
