// The digital screening trial (001 §1.6): municipalities, target groups, extra questions, visibility.
import { assertScreeningAllowed, isScreeningExpired, screeningTargetGroup, screeningVisibility, SCREENING_MUNICIPALITIES } from '../screening';
import { codeOf } from '../../../../test/support/codes';

const aarhus = { jobcentre: '751', contactGroupId: 1, visited: false, dimittend: false };

it('runs in the eight trial municipalities (Vallensbæk/Ishøj and Frederikshavn with Læsø as one)', () => {
  expect([...SCREENING_MUNICIPALITIES.values()]).toEqual(['Aarhus', 'Vordingborg', 'Vallensbæk', 'Ishøj', 'Frederikshavn', 'Læsø', 'Aabenraa', 'Jammerbugt', 'Thisted', 'Horsens']);
  expect(codeOf(() => assertScreeningAllowed({ ...aarhus, jobcentre: '101' }, [], '2026-11-23'))).toBe('SCREENING_NOT_IN_TRIAL');
  expect(codeOf(() => assertScreeningAllowed(aarhus, [], '2021-03-14'))).toBe('SCREENING_NOT_IN_TRIAL');
});

it('targets dagpenge, non-visited kontanthjælp and dimittender', () => {
  expect(screeningTargetGroup(aarhus)).toBe('DAGPENGE');
  expect(screeningTargetGroup({ ...aarhus, contactGroupId: 2 })).toBe('NON_VISITED_KONTANTHJAELP');
  expect(screeningTargetGroup({ ...aarhus, contactGroupId: 2, visited: true })).toBeNull();
  expect(screeningTargetGroup({ ...aarhus, contactGroupId: 99, dimittend: true })).toBe('DIMITTEND');
  expect(screeningTargetGroup({ ...aarhus, contactGroupId: 24 })).toBeNull();
  expect(codeOf(() => assertScreeningAllowed({ ...aarhus, contactGroupId: 24 }, [], '2026-11-23'))).toBe('SCREENING_NOT_TARGET_GROUP');
});

it('takes up to two extra questions, each once', () => {
  const answer = (questionId: number) => ({ questionId, answer: 'Ja' });
  expect(codeOf(() => assertScreeningAllowed(aarhus, [answer(1), answer(2)], '2026-11-23'))).toBe('OK');
  expect(codeOf(() => assertScreeningAllowed(aarhus, [answer(1), answer(2), answer(1)], '2026-11-23'))).toBe('SCREENING_TOO_MANY_QUESTIONS');
  expect(codeOf(() => assertScreeningAllowed(aarhus, [answer(1), answer(1)], '2026-11-23'))).toBe('SCREENING_TOO_MANY_QUESTIONS');
  expect(codeOf(() => assertScreeningAllowed(aarhus, [answer(3)], '2026-11-23'))).toBe('SCREENING_TOO_MANY_QUESTIONS');
  expect(codeOf(() => assertScreeningAllowed(aarhus, [{ questionId: 1, answer: ' ' }], '2026-11-23'))).toBe('BAD_USER_INPUT');
});

it('is visible 90 days to the citizen and 6 months to caseworkers, then expired', () => {
  expect(screeningVisibility('2026-08-31')).toEqual({ citizenUntil: '2026-11-28', caseworkersUntil: '2027-02-27' });
  expect(screeningVisibility('2026-01-15')).toEqual({ citizenUntil: '2026-04-14', caseworkersUntil: '2026-07-14' });
  expect(isScreeningExpired('2026-07-14', '2026-07-14')).toBe(false);
  expect(isScreeningExpired('2026-07-14', '2026-07-15')).toBe(true);
});
