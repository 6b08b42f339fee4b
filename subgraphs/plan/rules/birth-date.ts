// Birth date from a CPR number: DDMMYY plus the century the 7th digit gives (CPR-kontoret's table),
// for the goal rules' age limits (dagpenge under 25 with an education order, seed 002).
import type { IsoDate } from '../../../core/dates';

/** 7th digit → (two-digit year → century). */
const CENTURY_BY_SEVENTH_DIGIT: ReadonlyArray<(yy: number) => number> = [
  () => 1900,
  () => 1900,
  () => 1900,
  () => 1900,
  (yy) => (yy <= 36 ? 2000 : 1900),
  (yy) => (yy <= 57 ? 2000 : 1800),
  (yy) => (yy <= 57 ? 2000 : 1800),
  (yy) => (yy <= 57 ? 2000 : 1800),
  (yy) => (yy <= 57 ? 2000 : 1800),
  (yy) => (yy <= 36 ? 2000 : 1900),
];

/** `YYYY-MM-DD` of a 10-digit CPR number (not validated as a calendar day here). */
export function birthDateFromCpr(cpr: string): IsoDate {
  const yy = Number(cpr.slice(4, 6));
  const year = CENTURY_BY_SEVENTH_DIGIT[Number(cpr[6])](yy) + yy;
  return `${year}-${cpr.slice(2, 4)}-${cpr.slice(0, 2)}`;
}
