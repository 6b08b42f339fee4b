// What a pure rule does with an input, as a rule test asserts it: the code it refuses with, or 'OK'.
import { isDomainError } from '../../core/errors';

/** The DomainError code a call throws (another error's message), or 'OK' when it returns. */
export function codeOf(run: () => unknown): string {
  try {
    run();
    return 'OK';
  } catch (error) {
    return isDomainError(error) ? error.code : (error as Error).message;
  }
}
