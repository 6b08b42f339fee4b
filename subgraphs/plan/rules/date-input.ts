// Guards for the dates rule inputs carry: a malformed date or a reversed range is refused up front,
// so the dated rules below can compare ISO strings with < and > safely.
import { DomainError } from '../../../core/errors';
import { isIsoDate, type IsoDate } from '../../../core/dates';
import { PlanErrorCode } from './error-codes';

/** Throws INVALID_DATE unless `value` is a real calendar day; `field` names it for the caseworker. */
export function requireIsoDate(value: unknown, field: string): IsoDate {
  if (!isIsoDate(value)) {
    throw new DomainError(PlanErrorCode.INVALID_DATE, `Enter ${field} as a real date in the form YYYY-MM-DD.`, {
      field,
      value: String(value),
    });
  }
  return value;
}

/** An inclusive day range; a null end is open. Throws INVALID_DATE_RANGE when end < start. */
export function requireDateRange(start: unknown, end: unknown): { start: IsoDate; end: IsoDate | null } {
  const from = requireIsoDate(start, 'the start date');
  if (end === null || end === undefined) return { start: from, end: null };
  const to = requireIsoDate(end, 'the end date');
  if (to < from) {
    throw new DomainError(PlanErrorCode.INVALID_DATE_RANGE, 'The end date lies before the start date: correct one of them.', {
      start: from,
      end: to,
    });
  }
  return { start: from, end: to };
}
