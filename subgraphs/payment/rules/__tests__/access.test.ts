// Who may do what in the payment subgraph, role by role and authority by authority.
import type { Identity, Role } from '../../../../core/identity';
import { authorizeMembershipWrite, authorizePeriodChange, authorizeRead, authorizeReport } from '../access';
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

it('lets the person\'s jobcentre, their a-kasser and STAR read; never analysts (aggregates only)', () => {
  for (const caller of [JOBCENTRE, AKASSE, FORMER_AKASSE, FUTURE_AKASSE, SYSTEM]) expect(codeOf(() => authorizeRead(caller, person))).toBe('OK');
  expect(codeOf(() => authorizeRead(ANALYST, person))).toBe('FORBIDDEN');
  for (const caller of [OTHER_JOBCENTRE, OTHER_AKASSE]) expect(codeOf(() => authorizeRead(caller, person))).toBe('FORBIDDEN');
});

it('lets the register feed and the a-kasse itself write memberships of that a-kasse', () => {
  expect(codeOf(() => authorizeMembershipWrite(SYSTEM, '21'))).toBe('OK');
  expect(codeOf(() => authorizeMembershipWrite(AKASSE, '21'))).toBe('OK');
  for (const caller of [OTHER_AKASSE, JOBCENTRE, ANALYST]) expect(codeOf(() => authorizeMembershipWrite(caller, '21'))).toBe('FORBIDDEN');
});

it("lets only the person's a-kasser report; a fund the person never joined is FORBIDDEN", () => {
  expect(codeOf(() => authorizeReport(AKASSE, memberships))).toBe('OK');
  for (const caller of [OTHER_AKASSE, JOBCENTRE, ANALYST, SYSTEM]) expect(codeOf(() => authorizeReport(caller, memberships))).toBe('FORBIDDEN');
});

it('lets every a-kasse the person is or has been a member of, and STAR, change a period', () => {
  for (const caller of [AKASSE, FORMER_AKASSE, FUTURE_AKASSE, SYSTEM]) expect(codeOf(() => authorizePeriodChange(caller, memberships))).toBe('OK');
  for (const caller of [OTHER_AKASSE, JOBCENTRE, ANALYST]) expect(codeOf(() => authorizePeriodChange(caller, memberships))).toBe('FORBIDDEN');
});
