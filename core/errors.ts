// The one error type for expected failures, and the stable list of codes clients may branch on.
// docs/errors.md documents each code; renaming one breaks integrations, so add, never rename.
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  // Generic
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  // Input shape
  INVALID_CPR: 'INVALID_CPR',
  INVALID_DATE: 'INVALID_DATE',
  INVALID_DATE_RANGE: 'INVALID_DATE_RANGE',
  DATE_OUT_OF_RANGE: 'DATE_OUT_OF_RANGE',
  INVALID_TEXT: 'INVALID_TEXT',
  UNKNOWN_CODE: 'UNKNOWN_CODE',
  PERSON_NOT_FOUND: 'PERSON_NOT_FOUND',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode] | (string & {});

/**
 * A failure the caller can act on. `code` is stable and UPPER_SNAKE; `message` tells a caseworker
 * what to do; `details` carries machine-readable context (never a CPR in clear).
 */
export class DomainError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.code = code;
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
