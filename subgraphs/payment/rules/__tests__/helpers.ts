// Shared fixtures of the payment rule tests.
import type { EeaPeriod } from '../eea-period';
export { codeOf } from '../../../../test/support/codes';

export function period(overrides: Partial<EeaPeriod> = {}): EeaPeriod {
  return { paymentId: 'P1', personId: 'person-1', country: 'DE', start: '2026-10-01', end: '2026-12-31', interruptionDate: null, interruptionCauseId: null, ...overrides };
}
