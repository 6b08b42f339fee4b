import { MAX_NESTING, nestsDeeperThan } from '../query-nesting';

const nested = (levels: number) => `${'{ a '.repeat(levels)}${'}'.repeat(levels)}`;

describe('nestsDeeperThan', () => {
  it('counts selection sets, lists and arguments, up to the limit and past it', () => {
    expect(nestsDeeperThan(nested(MAX_NESTING))).toBe(false);
    expect(nestsDeeperThan(nested(MAX_NESTING + 1))).toBe(true);
    expect(nestsDeeperThan('{ a(b: [[{ c: 1 }]]) { d } }', 4)).toBe(true);
    expect(nestsDeeperThan('{ a(b: [[{ c: 1 }]]) { d } }', 5)).toBe(false);
  });

  it('ignores brackets inside strings, block strings and comments', () => {
    expect(nestsDeeperThan(`{ a(b: "${'{'.repeat(100)}") }`, 2)).toBe(false);
    expect(nestsDeeperThan(`{ a(b: """${'{'.repeat(100)} \\""" """) }`, 2)).toBe(false);
    expect(nestsDeeperThan(`{ a(b: "\\"${'['.repeat(100)}") }`, 2)).toBe(false);
    expect(nestsDeeperThan(`# ${'{'.repeat(100)}\n{ a }`, 1)).toBe(false);
  });

  it('reads a megabyte of nesting in one pass without recursion', () => {
    expect(nestsDeeperThan(nested(200_000))).toBe(true);
  });
});
