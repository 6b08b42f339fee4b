// An a-kasse's relation to a person, day by day across the boundaries of its memberships and of
// the former fund's read window (13 weeks).
import { FORMER_AKASSE_READ_WEEKS, akasseReads, akasseRelation, isCurrentAkasse, withinRelation } from '../akasse-access';

const register = [
  { akasse: '30', start: '2015-01-01', end: '2019-12-31' },
  { akasse: '21', start: '2020-01-01', end: '2026-10-31' },
  { akasse: '40', start: '2026-11-01', end: null },
];

describe('whom a membership lets read', () => {
  it('is the current fund from the first day of its membership, not before', () => {
    expect(akasseRelation(register, '40', '2026-10-31').kind).toBe('NONE');
    expect(akasseRelation(register, '40', '2026-11-01')).toEqual({ kind: 'CURRENT' });
    expect(isCurrentAkasse(register, '21', '2026-10-31')).toBe(true);
    expect(isCurrentAkasse(register, '21', '2026-11-01')).toBe(false);
  });

  it(`is a former fund for ${FORMER_AKASSE_READ_WEEKS} weeks after its last membership ended, then nothing`, () => {
    // 2026-10-31 plus 13 weeks is 2027-01-30.
    expect(akasseRelation(register, '21', '2026-11-01')).toEqual({ kind: 'FORMER', memberships: [register[1]] });
    expect(akasseReads(register, '21', '2027-01-30')).toBe(true);
    expect(akasseReads(register, '21', '2027-01-31')).toBe(false);
    expect(akasseReads(register, '30', '2026-11-23')).toBe(false);
    expect(akasseReads(register, '99', '2026-11-23')).toBe(false);
  });

  it('counts from the latest of several memberships of the same fund', () => {
    const twice = [...register, { akasse: '30', start: '2020-01-01', end: '2020-01-01' }];
    expect(akasseReads(twice, '30', '2020-04-01')).toBe(true);
    expect(akasseReads(twice, '30', '2020-04-02')).toBe(false);
  });
});

describe('which facts a former fund reads', () => {
  const former = akasseRelation(register, '21', '2026-12-01');

  it('is those sharing a day with its membership', () => {
    expect(withinRelation(former, { start: '2026-10-31', end: '2026-11-30' })).toBe(true);
    expect(withinRelation(former, { start: '2019-06-01', end: null })).toBe(true);
    expect(withinRelation(former, { start: '2026-11-01', end: '2026-11-30' })).toBe(false);
    expect(withinRelation(former, { start: '2019-01-01', end: '2019-12-31' })).toBe(false);
  });

  it('is everything for the current fund and nothing for a stranger', () => {
    expect(withinRelation({ kind: 'CURRENT' }, { start: '1990-01-01', end: '1990-01-31' })).toBe(true);
    expect(withinRelation({ kind: 'NONE' }, { start: '2026-11-01', end: null })).toBe(false);
  });
});
