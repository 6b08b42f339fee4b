// Who may do what in the payment subgraph, role by role and authority by authority.
import type { Identity, Role } from '../../../../core/identity';
import { authorizeMembershipWrite, authorizePeriodChange, authorizeRead, authorizeReport, visibleMemberships, visiblePeriods } from '../access';
import { codeOf } from './helpers';

const as = (role: Role, authority: string): Identity => ({ subject: 't', role, authority });
const JOBCENTRE = as('caseworker', '101');
const OTHER_JOBCENTRE = as('caseworker', '147');
const AKASSE = as('akasse', '21');
const FORMER_AKASSE = as('akasse', '30');
const FUTURE_AKASSE = as('akasse', '40');
const OTHER_AKASSE = as('akasse', '99');
const ANALYST = as('analyst', 'STAR');
const SYSTEM = as('system', 'STAR');

const memberships = [
  { akasse: '30', start: '2015-01-01', end: '2019-12-31' },
  { akasse: '21', start: '2020-01-01', end: '2026-12-31' },
  { akasse: '40', start: '2027-01-01', end: null },
];
const person = { municipalityCode: '101', memberships };
const TODAY = '2026-11-23';

it("lets the person's jobcentre, current a-kasse and STAR read all of it; never analysts (aggregates only)", () => {
  for (const caller of [JOBCENTRE, AKASSE, SYSTEM]) expect(codeOf(() => authorizeRead(caller, person, TODAY))).toBe('OK');
  for (const caller of [JOBCENTRE, AKASSE, SYSTEM]) expect(authorizeRead(caller, person, TODAY)).toEqual({ kind: 'ALL' });
  expect(codeOf(() => authorizeRead(ANALYST, person, TODAY))).toBe('FORBIDDEN');
  // 30 left in 2019 and 40 has not started: a membership grants nothing before it starts or long after it ended.
  for (const caller of [OTHER_JOBCENTRE, OTHER_AKASSE, FORMER_AKASSE, FUTURE_AKASSE]) expect(codeOf(() => authorizeRead(caller, person, TODAY))).toBe('FORBIDDEN');
});

it('lets a former a-kasse read for 13 weeks after the membership ended, its own memberships and periods only', () => {
  // 2019-12-31 plus 13 weeks is 2020-03-31.
  expect(codeOf(() => authorizeRead(FORMER_AKASSE, person, '2020-03-31'))).toBe('OK');
  expect(codeOf(() => authorizeRead(FORMER_AKASSE, person, '2020-04-01'))).toBe('FORBIDDEN');
  const scope = authorizeRead(FORMER_AKASSE, person, '2020-02-01');
  expect(visibleMemberships(scope, memberships)).toEqual([memberships[0]]);
  const periods = [
    { paymentId: 'within', start: '2019-11-01', end: '2020-01-31', reportedBy: '30' },
    { paymentId: 'after', start: '2020-01-01', end: '2020-03-31', reportedBy: '21' },
    { paymentId: 'spans', start: '2019-12-01', end: '2020-02-29', reportedBy: '21' },
    { paymentId: 'before', start: '2014-01-01', end: '2014-03-31', reportedBy: '12' },
  ];
  expect(visiblePeriods(scope, periods).map((p) => p.paymentId)).toEqual(['within', 'spans']);
  expect(visiblePeriods(authorizeRead(AKASSE, person, '2020-02-01'), periods)).toHaveLength(4);
});

it('lets the register feed and the a-kasse itself write memberships of that a-kasse', () => {
  expect(authorizeMembershipWrite(SYSTEM, '21')).toBe('REGISTER_FEED');
  expect(authorizeMembershipWrite(AKASSE, '21')).toBe('AKASSE');
  for (const caller of [OTHER_AKASSE, JOBCENTRE, ANALYST]) expect(codeOf(() => authorizeMembershipWrite(caller, '21'))).toBe('FORBIDDEN');
});

it("lets only the person's a-kasser report; a fund the person never joined is FORBIDDEN", () => {
  expect(codeOf(() => authorizeReport(AKASSE, memberships))).toBe('OK');
  for (const caller of [OTHER_AKASSE, JOBCENTRE, ANALYST, SYSTEM]) expect(codeOf(() => authorizeReport(caller, memberships))).toBe('FORBIDDEN');
});

describe('changing a period (issue 16: a former fund deleting the current fund\'s period)', () => {
  const of21 = { start: '2026-10-01', end: '2026-12-31', reportedBy: '21' };

  it('is open to the reporting fund and to STAR', () => {
    for (const caller of [AKASSE, SYSTEM]) expect(codeOf(() => authorizePeriodChange(caller, memberships, of21))).toBe('OK');
  });

  it("is open to a fund whose membership the period falls within, not to one whose membership lies before or after it", () => {
    // 40 takes over on 2027-01-01: a period of 21 running into 2027 is its to interrupt too.
    expect(codeOf(() => authorizePeriodChange(FUTURE_AKASSE, memberships, { ...of21, end: '2027-01-01' }))).toBe('OK');
    expect(codeOf(() => authorizePeriodChange(FUTURE_AKASSE, memberships, of21))).toBe('FORBIDDEN');
    expect(codeOf(() => authorizePeriodChange(FORMER_AKASSE, memberships, of21))).toBe('FORBIDDEN');
    expect(codeOf(() => authorizePeriodChange(FORMER_AKASSE, memberships, { start: '2019-12-31', end: '2020-02-29', reportedBy: '21' }))).toBe('OK');
    expect(codeOf(() => authorizePeriodChange(FORMER_AKASSE, memberships, { start: '2014-01-01', end: '2014-03-31', reportedBy: '30' }))).toBe('OK');
  });

  it('is FORBIDDEN to funds outside the register, jobcentres and analysts', () => {
    for (const caller of [OTHER_AKASSE, JOBCENTRE, ANALYST]) expect(codeOf(() => authorizePeriodChange(caller, memberships, of21))).toBe('FORBIDDEN');
  });
});
