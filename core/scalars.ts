// `Date` (YYYY-MM-DD, a real calendar day) and `DateTime` (ISO 8601 with zone, a real instant) as
// every subgraph declares them. A malformed or impossible value is refused with INVALID_DATE, and
// one outside the accepted range (core/dates.ts) with DATE_OUT_OF_RANGE, before any resolver runs.
import { GraphQLScalarType, Kind } from 'graphql';
import { DomainError, ErrorCode } from './errors';
import { EARLIEST_DATE, isIsoDate, isWithinDateRange, LATEST_DATE } from './dates';

function outOfRange(value: string): DomainError {
  return new DomainError(ErrorCode.DATE_OUT_OF_RANGE, `"${value}" is outside the dates DFDG accepts, ${EARLIEST_DATE} to ${LATEST_DATE}.`, {
    earliest: EARLIEST_DATE,
    latest: LATEST_DATE,
  });
}

function checkDate(value: unknown): string {
  if (!isIsoDate(value)) {
    throw new DomainError(ErrorCode.INVALID_DATE, `"${String(value)}" is not a date; write it as YYYY-MM-DD, e.g. 2026-03-15.`);
  }
  return value;
}

function parseDate(value: unknown): string {
  const date = checkDate(value);
  if (!isWithinDateRange(date)) throw outOfRange(date);
  return date;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: `A calendar day, ISO 8601 \`YYYY-MM-DD\` (Danish local date), from ${EARLIEST_DATE} to ${LATEST_DATE}.`,
  // What was stored is shown as it is; the range applies to input.
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : checkDate(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * `Date.parse` alone rolls an impossible day over (2027-02-30 becomes 2027-03-02), so the calendar
 * day, the clock time and the zone offset are each checked as written.
 */
function isRealDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [, day, hours, minutes, seconds = '0', offsetHours = '0', offsetMinutes = '0'] = match;
  return isIsoDate(day) && Number(hours) < 24 && Number(minutes) < 60 && Number(seconds) < 60 && Number(offsetHours) < 24 && Number(offsetMinutes) < 60;
}

function checkDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !isRealDateTime(value)) {
    throw new DomainError(ErrorCode.INVALID_DATE, `"${String(value)}" is not a date-time; use ISO 8601 with a zone.`);
  }
  return new Date(value);
}

function parseDateTime(value: unknown): Date {
  const instant = checkDateTime(value);
  if (!isWithinDateRange(instant.toISOString().slice(0, 10))) throw outOfRange(String(value));
  return instant;
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: `An instant, ISO 8601 with zone, e.g. \`2026-03-15T09:30:00Z\`, from ${EARLIEST_DATE} to ${LATEST_DATE} (UTC).`,
  serialize: (value) => (value instanceof Date ? value : checkDateTime(value)).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const scalarResolvers = { Date: DateScalar, DateTime: DateTimeScalar };
