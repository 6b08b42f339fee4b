// Who may read and write a person's absences.
import { absenceTypeById, authorizeFreeText, authorizeRead, authorizeWrite } from '..';
import type { Identity, Role } from '../../../../core/identity';
import { codeOf } from '../../../../test/support/codes';

const person = {
  municipalityCode: '101',
  memberships: [
    { akasse: '30', start: '2015-01-01', end: '2026-10-31' },
    { akasse: '21', start: '2026-11-01', end: null },
  ],
};
const TODAY = '2026-11-23';
const as = (role: Role, authority: string): Identity => ({ subject: 't', role, authority });

it.each([
  ['the person\'s jobcentre', as('caseworker', '101'), 'OK'],
  ['another jobcentre', as('caseworker', '147'), 'FORBIDDEN'],
  ['the person\'s a-kasse', as('akasse', '21'), 'OK'],
  ['the a-kasse the person left 3 weeks ago', as('akasse', '30'), 'OK'],
  ['another a-kasse', as('akasse', '99'), 'FORBIDDEN'],
  ['an analyst (aggregates only)', as('analyst', 'STAR'), 'FORBIDDEN'],
  ['the system', as('system', 'STAR'), 'OK'],
])('reading: %s → %s', (_who, identity, expected) => expect(codeOf(() => authorizeRead(identity, person, TODAY))).toBe(expected));

it('lets a former a-kasse read for 13 weeks after the person left, then no more', () => {
  // 2026-10-31 plus 13 weeks is 2027-01-30.
  expect(codeOf(() => authorizeRead(as('akasse', '30'), person, '2027-01-30'))).toBe('OK');
  expect(codeOf(() => authorizeRead(as('akasse', '30'), person, '2027-01-31'))).toBe('FORBIDDEN');
});

it.each([
  ['the person\'s jobcentre, 79', as('caseworker', '101'), 79, 'OK'],
  ['another jobcentre, 79', as('caseworker', '147'), 79, 'FORBIDDEN'],
  ['the person\'s a-kasse, 79 (jobcentre only)', as('akasse', '21'), 79, 'REGISTRANT_NOT_ALLOWED'],
  ['the person\'s a-kasse, 80 (jobcentre only)', as('akasse', '21'), 80, 'REGISTRANT_NOT_ALLOWED'],
  ['the person\'s a-kasse, jobrettet uddannelse', as('akasse', '21'), 901, 'OK'],
  ['another a-kasse, jobrettet uddannelse', as('akasse', '99'), 901, 'FORBIDDEN'],
  ['the a-kasse the person left, jobrettet uddannelse', as('akasse', '30'), 901, 'FORBIDDEN'],
  ['an analyst', as('analyst', 'STAR'), 45, 'FORBIDDEN'],
  ['the system, 79', as('system', 'STAR'), 79, 'OK'],
])('writing: %s → %s', (_who, identity, typeId, expected) => expect(codeOf(() => authorizeWrite(identity, person, absenceTypeById(typeId), TODAY))).toBe(expected));

it('keeps free text from analysts only', () => {
  expect(codeOf(() => authorizeFreeText(as('analyst', 'STAR')))).toBe('FORBIDDEN');
  for (const role of ['caseworker', 'akasse', 'system'] as const) expect(codeOf(() => authorizeFreeText(as(role, role === 'caseworker' ? '101' : role === 'akasse' ? '21' : 'STAR')))).toBe('OK');
});
