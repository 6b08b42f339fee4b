// STAR's backoff (2^n−1 s after the n-th failure, capped at 3 h) and the parking period, on both
// sides of each boundary.
import { afterFailure, MAX_RETRY_DELAY_MS, retryDelayMs } from '../retry-policy';

it('waits 2^n−1 seconds after the n-th failure', () => {
  expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([1_000, 3_000, 7_000, 15_000, 31_000]);
});

it('never waits more than 3 hours', () => {
  expect(retryDelayMs(13)).toBe(8_191_000); // 2 h 16 min: under the cap
  expect(retryDelayMs(14)).toBe(MAX_RETRY_DELAY_MS); // 4 h 33 min would be over it
  expect(retryDelayMs(1_000)).toBe(MAX_RETRY_DELAY_MS);
});

it('parks a delivery that has failed for the parking period, not a moment before', () => {
  const first = new Date('2026-11-23T09:00:00Z');
  const park = 72 * 3_600_000;
  const justBefore = new Date(first.getTime() + park - 1);
  expect(afterFailure(20, first, justBefore, park)).toEqual({ status: 'FAILED', nextAttemptAt: new Date(justBefore.getTime() + MAX_RETRY_DELAY_MS) });
  const at = new Date(first.getTime() + park);
  expect(afterFailure(20, first, at, park).status).toBe('PARKED');
});
