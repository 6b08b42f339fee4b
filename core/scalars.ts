// `Date` (YYYY-MM-DD, a real calendar day) and `DateTime` (ISO 8601 with zone) as every subgraph
// declares them. A malformed value is refused with INVALID_DATE before any resolver runs.
import { GraphQLScalarType, Kind } from 'graphql';
import { DomainError, ErrorCode } from './errors';
import { isIsoDate } from './dates';

function parseDate(value: unknown): string {
  if (!isIsoDate(value)) {
    throw new DomainError(ErrorCode.INVALID_DATE, `"${String(value)}" is not a date; write it as YYYY-MM-DD, e.g. 2026-03-15.`);
  }
  return value;
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar day, ISO 8601 `YYYY-MM-DD` (Danish local date).',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new DomainError(ErrorCode.INVALID_DATE, `"${String(value)}" is not a date-time; use ISO 8601 with a zone.`);
  }
  return new Date(value);
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with zone, e.g. `2026-03-15T09:30:00Z`.',
  serialize: (value) => (value instanceof Date ? value : parseDateTime(value)).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const scalarResolvers = { Date: DateScalar, DateTime: DateTimeScalar };
