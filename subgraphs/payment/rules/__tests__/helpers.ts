// Shared fixtures of the payment rule tests.
import type { DomainError } from '../../../../core/errors';
import type { EeaPeriod } from '../eea-period';

/** The code a call throws, or 'OK'. */
export function codeOf(run: () => unknown): string {
  try {
    run();
    return 'OK';
  } catch (error) {
    return String((error as DomainError).code ?? (error as Error).message);
  }
}

export function period(overrides: Partial<EeaPeriod> = {}): EeaPeriod {
  return { paymentId: 'P1', personId: 'person-1', country: 'DE', start: '2026-10-01', end: '2026-12-31', interruptionDate: null, interruptionCauseId: null, ...overrides };
}
