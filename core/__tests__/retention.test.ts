import { retentionCutoff, runRetention } from '../retention';

it('counts periods back from today, across month ends and leap days', () => {
  expect(retentionCutoff('2026-11-23', { years: 2 })).toBe('2024-11-23');
  expect(retentionCutoff('2026-11-23', { days: 90 })).toBe('2026-08-25');
  expect(retentionCutoff('2026-11-23', { months: 6 })).toBe('2026-05-23');
  // The same arithmetic as every rule (core/dates.ts): a day the month lacks is its last day.
  expect(retentionCutoff('2028-02-29', { years: 1 })).toBe('2027-02-28');
  expect(retentionCutoff('2026-08-31', { months: 6 })).toBe('2026-02-28');
  expect(retentionCutoff('2028-08-31', { months: 6 })).toBe('2028-02-29');
  expect(retentionCutoff('2027-03-01', { years: 1, days: 1 })).toBe('2026-02-28');
});

describe('runRetention', () => {
  const fakeEm = () => {
    const persisted: unknown[] = [];
    const em = { fork: () => em, create: (_entity: unknown, row: unknown) => persisted.push(row), flush: async () => undefined };
    return { em: em as unknown as import('@mikro-orm/core').EntityManager, persisted };
  };

  it('deletes in batches until a batch comes back short, and records the count, not the data', async () => {
    let left = 5;
    const batches: number[] = [];
    const { em, persisted } = fakeEm();
    const results = await runRetention(
      em,
      [
        {
          kind: 'notes',
          description: 'test',
          keepFor: { years: 1 },
          source: 'test',
          purge: async (_tx, cutoff, limit) => {
            expect(cutoff).toBe('2025-11-23');
            const n = Math.min(left, limit);
            left -= n;
            batches.push(n);
            return n;
          },
        },
        { kind: 'elsewhere', description: 'not held', keepFor: { years: 6 }, source: 'test', purge: null },
      ],
      '2026-11-23',
      new Date('2026-11-23T09:00:00Z'),
      2,
    );
    expect(batches).toEqual([2, 2, 1]);
    expect(results).toEqual([
      { kind: 'notes', held: true, cutoff: '2025-11-23', deleted: 5 },
      { kind: 'elsewhere', held: false, cutoff: null, deleted: 0 },
    ]);
    expect(persisted).toEqual([expect.objectContaining({ kind: 'notes', cutoff: '2025-11-23', deleted: 5 })]);
  });
});
