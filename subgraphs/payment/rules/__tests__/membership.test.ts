// The a-kasse register: one membership at a time, dated, ended once.
import { AKASSE_MEMBERSHIP_DATING_WEEKS, akasserOf, decideNewMembership, findTargetMembership, isMemberOn, isPersonsAkasse, parseAkasseNumber, parseMembershipTarget, validateMembershipEnd, type Membership } from '../membership';
import { codeOf } from './helpers';

const FEED = 'REGISTER_FEED';
const AKASSE = 'AKASSE';
const TODAY = '2026-11-23';
const m21: Membership = { id: 'm21', akasse: '21', start: '2020-01-01', end: '2023-12-31' };
const m30open: Membership = { id: 'm30', akasse: '30', start: '2024-01-01', end: null };

describe('a new membership', () => {
  it('needs an a-kasse number of 1 to 4 digits', () => {
    expect(codeOf(() => parseAkasseNumber('21'))).toBe('OK');
    expect(codeOf(() => parseAkasseNumber('12345'))).toBe('INVALID_AKASSE_NUMBER');
    expect(codeOf(() => parseAkasseNumber('A1'))).toBe('INVALID_AKASSE_NUMBER');
    expect(codeOf(() => decideNewMembership([], { akasse: '', start: '2026-01-01', end: null }, FEED, TODAY))).toBe('INVALID_AKASSE_NUMBER');
  });

  it('never ends before it starts', () => {
    expect(codeOf(() => decideNewMembership([], { akasse: '21', start: '2026-01-02', end: '2026-01-01' }, FEED, TODAY))).toBe('INVALID_DATE_RANGE');
    expect(codeOf(() => decideNewMembership([], { akasse: '21', start: '2026-01-01', end: '2026-01-01' }, FEED, TODAY))).toBe('OK');
  });

  it('never overlaps another membership, of any a-kasse', () => {
    expect(codeOf(() => decideNewMembership([m21], { akasse: '30', start: '2023-12-31', end: null }, FEED, TODAY))).toBe('MEMBERSHIP_OVERLAP');
    expect(codeOf(() => decideNewMembership([m21], { akasse: '21', start: '2019-01-01', end: '2020-01-01' }, FEED, TODAY))).toBe('MEMBERSHIP_OVERLAP');
    expect(codeOf(() => decideNewMembership([m30open], { akasse: '21', start: '2030-01-01', end: null }, FEED, TODAY))).toBe('MEMBERSHIP_OVERLAP');
    expect(codeOf(() => decideNewMembership([m21], { akasse: '30', start: '2024-01-01', end: null }, FEED, TODAY))).toBe('OK');
    expect(codeOf(() => decideNewMembership([m21], { akasse: '30', start: '2018-01-01', end: '2019-12-31' }, FEED, TODAY))).toBe('OK');
  });

  it('answers the same membership sent again with the stored one', () => {
    expect(decideNewMembership([m21, m30open], { akasse: '30', start: '2024-01-01', end: null }, FEED, TODAY)).toEqual({ action: 'ALREADY_REGISTERED', membership: m30open });
    expect(decideNewMembership([m21], { akasse: '30', start: '2024-01-01', end: null }, FEED, TODAY)).toEqual({ action: 'CREATE' });
  });
});

describe('a membership an a-kasse registers (issue 16: back-dating itself into anyone\'s register)', () => {
  const open21: Membership = { id: 'o21', akasse: '21', start: '2020-01-01', end: null };

  it(`is dated at most ${AKASSE_MEMBERSHIP_DATING_WEEKS} weeks back, start and end; the register feed may date history`, () => {
    // 2026-11-23 less 13 weeks is 2026-08-24.
    expect(codeOf(() => decideNewMembership([], { akasse: '99', start: '2026-08-24', end: null }, AKASSE, TODAY))).toBe('OK');
    expect(codeOf(() => decideNewMembership([], { akasse: '99', start: '2026-08-23', end: null }, AKASSE, TODAY))).toBe('MEMBERSHIP_BACKDATED_TOO_FAR');
    expect(codeOf(() => decideNewMembership([], { akasse: '99', start: '1990-01-01', end: '1990-01-31' }, AKASSE, TODAY))).toBe('MEMBERSHIP_BACKDATED_TOO_FAR');
    expect(codeOf(() => decideNewMembership([], { akasse: '99', start: '1990-01-01', end: '1990-01-31' }, FEED, TODAY))).toBe('OK');
  });

  it(`is dated at most ${AKASSE_MEMBERSHIP_DATING_WEEKS} weeks ahead`, () => {
    expect(codeOf(() => decideNewMembership([], { akasse: '99', start: '2027-02-22', end: null }, AKASSE, TODAY))).toBe('OK');
    expect(codeOf(() => decideNewMembership([], { akasse: '99', start: '2027-02-23', end: null }, AKASSE, TODAY))).toBe('MEMBERSHIP_DATED_TOO_FAR_AHEAD');
    expect(codeOf(() => decideNewMembership([], { akasse: '99', start: '2026-11-23', end: '2027-02-23' }, AKASSE, TODAY))).toBe('MEMBERSHIP_DATED_TOO_FAR_AHEAD');
    expect(codeOf(() => decideNewMembership([], { akasse: '99', start: '2030-01-01', end: null }, FEED, TODAY))).toBe('OK');
  });

  it("never precedes another fund's membership, however short; after it, it is the person moving fund", () => {
    const ended21: Membership = { id: 'e21', akasse: '21', start: '2026-10-01', end: '2026-10-31' };
    expect(codeOf(() => decideNewMembership([ended21], { akasse: '99', start: '2026-09-01', end: '2026-09-01' }, AKASSE, TODAY))).toBe('MEMBERSHIP_PRECEDES_ANOTHER_FUND');
    expect(codeOf(() => decideNewMembership([ended21], { akasse: '99', start: '2026-09-01', end: '2026-09-01' }, FEED, TODAY))).toBe('OK');
    expect(codeOf(() => decideNewMembership([ended21], { akasse: '99', start: '2026-11-01', end: null }, AKASSE, TODAY))).toBe('OK');
    // Its own earlier membership is no other fund's.
    expect(codeOf(() => decideNewMembership([ended21], { akasse: '21', start: '2026-09-01', end: '2026-09-30' }, AKASSE, TODAY))).toBe('OK');
  });

  it("never overlaps the current fund's open membership, and says so before saying it would precede it", () => {
    expect(codeOf(() => decideNewMembership([open21], { akasse: '99', start: '2026-11-23', end: '2026-11-23' }, AKASSE, TODAY))).toBe('MEMBERSHIP_OVERLAP');
    const today21: Membership = { id: 't21', akasse: '21', start: TODAY, end: null };
    expect(codeOf(() => decideNewMembership([today21], { akasse: '99', start: TODAY, end: null }, AKASSE, TODAY))).toBe('MEMBERSHIP_OVERLAP');
  });

  it(`is ended at most ${AKASSE_MEMBERSHIP_DATING_WEEKS} weeks back by the a-kasse, at any date by the register feed`, () => {
    expect(codeOf(() => validateMembershipEnd(open21, '2026-08-24', AKASSE, TODAY))).toBe('OK');
    expect(codeOf(() => validateMembershipEnd(open21, '2026-08-23', AKASSE, TODAY))).toBe('MEMBERSHIP_BACKDATED_TOO_FAR');
    expect(codeOf(() => validateMembershipEnd(open21, '2027-02-23', AKASSE, TODAY))).toBe('MEMBERSHIP_DATED_TOO_FAR_AHEAD');
    expect(codeOf(() => validateMembershipEnd(open21, '2021-06-30', FEED, TODAY))).toBe('OK');
  });
});

describe('ending a membership', () => {
  it('ends an open membership on or after its start', () => {
    expect(codeOf(() => validateMembershipEnd(m30open, '2024-01-01', FEED, TODAY))).toBe('OK');
    expect(codeOf(() => validateMembershipEnd(m30open, '2023-12-31', FEED, TODAY))).toBe('INVALID_DATE_RANGE');
  });

  it('ends a membership once', () => {
    expect(codeOf(() => validateMembershipEnd(m21, '2024-06-30', FEED, TODAY))).toBe('MEMBERSHIP_ALREADY_ENDED');
  });
});

describe('naming the membership to end', () => {
  it('is by id, or by cpr and akasse together, never both or neither', () => {
    expect(parseMembershipTarget({ membershipId: 'm21' })).toEqual({ membershipId: 'm21' });
    expect(parseMembershipTarget({ cpr: '0101901234', akasse: '21' })).toEqual({ cpr: '0101901234', akasse: '21' });
    for (const input of [{}, { membershipId: 'm21', cpr: '0101901234', akasse: '21' }, { cpr: '0101901234' }, { akasse: '21' }]) {
      expect(codeOf(() => parseMembershipTarget(input))).toBe('BAD_USER_INPUT');
    }
    expect(codeOf(() => parseMembershipTarget({ cpr: '0101901234', akasse: 'x' }))).toBe('INVALID_AKASSE_NUMBER');
  });

  it("finds the person's latest membership of the a-kasse, or MEMBERSHIP_NOT_FOUND", () => {
    const again: Membership = { id: 'm21b', akasse: '21', start: '2025-01-01', end: null };
    expect(findTargetMembership([m21, m30open, again], { akasse: '21' })).toBe(again);
    expect(findTargetMembership([m21, m30open], { membershipId: 'm30' })).toBe(m30open);
    expect(codeOf(() => findTargetMembership([m21], { akasse: '99' }))).toBe('MEMBERSHIP_NOT_FOUND');
    expect(codeOf(() => findTargetMembership([m21], { membershipId: 'nope' }))).toBe('MEMBERSHIP_NOT_FOUND');
  });
});

describe('membership facts', () => {
  it('knows who is a member on a day', () => {
    expect(isMemberOn([m21, m30open], '21', '2023-12-31')).toBe(true);
    expect(isMemberOn([m21, m30open], '21', '2024-01-01')).toBe(false);
    expect(isMemberOn([m21, m30open], '30', '2040-01-01')).toBe(true);
  });

  it('counts every a-kasse of the register as "is or has been a member", former and future too', () => {
    expect(isPersonsAkasse([m21, m30open], '21')).toBe(true);
    expect(isPersonsAkasse([m21, m30open], '99')).toBe(false);
    expect(isPersonsAkasse([{ akasse: '40', start: '2027-01-01', end: null }], '40')).toBe(true);
  });

  it('lists every a-kasse of the register once', () => {
    expect(akasserOf([m30open, m21, { akasse: '21', start: '2010-01-01', end: '2011-01-01' }])).toEqual(['21', '30']);
  });
});
