// When a failed delivery is tried again, and when it is parked instead. STAR's push delivery (WSB,
// release 2025-2; DOMAIN.md "How DFDG delivers messages today"): 2^n−1 seconds after the n-th
// failure, never more than 3 hours. A receiver that stays down is not retried for ever: a delivery
// failing for `parkAfterMs` since its first failure (72 h by default, a long weekend) is PARKED. It
// keeps its place, still holding back that citizen's later messages in that area, and is tried again
// when the receiver resumes or replays (resumeDeliverySubscriptions, replayDeliveries).

export const MAX_RETRY_DELAY_MS = 3 * 3_600_000;

/** The wait after the n-th failure in a row (n ≥ 1): 1 s, 3 s, 7 s, 15 s, … 3 h. */
export function retryDelayMs(failures: number): number {
  return Math.min(MAX_RETRY_DELAY_MS, (2 ** Math.min(failures, 30) - 1) * 1000);
}

export type AfterFailure = { status: 'FAILED'; nextAttemptAt: Date } | { status: 'PARKED'; nextAttemptAt: Date };

export function afterFailure(failures: number, firstFailedAt: Date, now: Date, parkAfterMs: number): AfterFailure {
  if (now.getTime() - firstFailedAt.getTime() >= parkAfterMs) return { status: 'PARKED', nextAttemptAt: now };
  return { status: 'FAILED', nextAttemptAt: new Date(now.getTime() + retryDelayMs(failures)) };
}
