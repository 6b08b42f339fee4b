// Which lease a subgraph's jobs get, and the lock keys PostgreSQL is given. (Two runners on one
// PostgreSQL database, and a holder that dies: test/replicas-jobs.test.ts.)
import { advisoryKey, inProcessLease, leaseFor } from '../lease';

it('on SQLite runs the job in process: one process, whose timer already never overlaps a run', async () => {
  const lease = leaseFor({ kind: 'sqlite', location: '/tmp/x.sqlite' }, 'dfdg-person-job');
  expect(lease).toBe(inProcessLease);
  expect(await lease.runExclusively('job:person:retention', async () => 7)).toEqual({ ran: true, result: 7 });
});

it('keys each subgraph and job apart, stably, within PostgreSQL bigint', () => {
  const keys = ['job:person:retention', 'job:person:person-daily-rules', 'job:absence:retention'].map(advisoryKey);
  expect(new Set(keys).size).toBe(3);
  expect(advisoryKey('job:person:retention')).toBe(keys[0]);
  for (const key of keys) {
    expect(BigInt(key)).toBeGreaterThanOrEqual(-(2n ** 63n));
    expect(BigInt(key)).toBeLessThan(2n ** 63n);
  }
});
