// Test helper: the DomainError code a call throws, or null when it returns normally.
import { DomainError } from '../../../../core/errors';

export function errorCodeOf(call: () => unknown): string | null {
  try {
    call();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return String(error.code);
    throw error;
  }
}
