// Backoff on repeated failures: the wait doubles up to a cap with jitter between half and all of it,
// and an outage is two log lines (failing, recovered) however many attempts it took.
import { backoffDelay, createBackoff } from '../backoff';
import { ManualClock } from '../clock';

function recordingLog() {
  const lines: { level: 'error' | 'info'; message: string; fields: Record<string, unknown> }[] = [];
  return {
    lines,
    error: (fields: Record<string, unknown>, message: string) => void lines.push({ level: 'error', message, fields }),
    info: (fields: Record<string, unknown>, message: string) => void lines.push({ level: 'info', message, fields }),
  };
}

it('doubles the wait with each failure in a row, up to the cap', () => {
  const highest = () => 0.999999;
  expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, 500, 10_000, highest))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  expect(backoffDelay(1000, 500, 10_000, highest)).toBe(10_000);
});

it('jitters between half of the wait and all of it', () => {
  expect(backoffDelay(3, 500, 10_000, () => 0)).toBe(1000);
  expect(backoffDelay(3, 500, 10_000, () => 0.5)).toBe(1500);
  expect(backoffDelay(6, 500, 10_000, () => 0)).toBe(5000);
});

it('logs once when failures start and once when they end, with how many and how long', () => {
  const log = recordingLog();
  const clock = new ManualClock('2026-11-30T10:00:00Z');
  const backoff = createBackoff({ name: 'outbox relay of person', log, clock, random: () => 0, initialMs: 100, maxMs: 1000 });

  backoff.succeeded();
  const waits = [1, 2, 3, 4, 5].map(() => {
    clock.set(new Date(clock.now().getTime() + 1000));
    return backoff.failed(new Error('connection refused'));
  });
  expect(waits).toEqual([50, 100, 200, 400, 500]);
  expect(backoff.failures).toBe(5);
  clock.set('2026-11-30T10:00:09Z');
  backoff.succeeded();
  backoff.succeeded();

  expect(log.lines.map((l) => [l.level, l.message])).toEqual([
    ['error', 'outbox relay of person failing; retrying with backoff (logged again when it recovers)'],
    ['info', 'outbox relay of person recovered'],
  ]);
  expect(log.lines[0].fields).toMatchObject({ err: new Error('connection refused'), retryInMs: 50 });
  expect(log.lines[1].fields).toEqual({ failures: 5, downMs: 8000 });
  expect(backoff.failures).toBe(0);
  // A new outage starts again from the first wait.
  expect(backoff.failed(new Error('again'))).toBe(50);
});
