// Deletion rules (001 §2.3).
import { validateDeletion } from '..';
import type { AbsenceState } from '../period';
import { codeOf } from '../../../../test/support/codes';

const TODAY = '2026-11-23';
const started = (typeId: number, status: AbsenceState['status'] = 'ACTIVE'): AbsenceState => ({ id: 'a', typeId, start: '2026-11-01', end: null, status, statusSince: null });
const future = (typeId: number): AbsenceState => ({ id: 'a', typeId, start: '2026-11-24', end: null, status: 'ACTIVE', statusSince: null });

it.each([11, 25, 49, 54, 58, 75])('a started absence of type %i cannot be deleted', (typeId) => {
  expect(codeOf(() => validateDeletion({ absence: started(typeId), comment: 'Fejlregistreret', today: TODAY }))).toBe('ABSENCE_NOT_DELETABLE');
});

it.each([11, 25, 49, 54, 58, 75])('a future absence of type %i can be deleted', (typeId) => {
  expect(codeOf(() => validateDeletion({ absence: future(typeId), comment: 'Fejlregistreret', today: TODAY }))).toBe('OK');
});

it.each([6, 7, 8, 21, 43, 45, 65, 79, 80])('a started or ended absence of type %i can be deleted', (typeId) => {
  expect(codeOf(() => validateDeletion({ absence: started(typeId), comment: 'Fejl', today: TODAY }))).toBe('OK');
  expect(codeOf(() => validateDeletion({ absence: { ...started(typeId), end: '2026-11-10' }, comment: 'Fejl', today: TODAY }))).toBe('OK');
  expect(codeOf(() => validateDeletion({ absence: started(typeId, 'ENDED'), comment: 'Fejl', today: TODAY }))).toBe('OK');
});

it('an absence starting today has not passed its start date, so even type 11 can be deleted (001 §2.3: "dags dato eller fremtidig")', () => {
  expect(codeOf(() => validateDeletion({ absence: { ...future(11), start: TODAY }, comment: 'Fejl', today: TODAY }))).toBe('OK');
  expect(codeOf(() => validateDeletion({ absence: { ...future(75), start: TODAY }, comment: 'Fejl', today: TODAY }))).toBe('OK');
});

it('an absence that started yesterday has passed its start date', () => {
  expect(codeOf(() => validateDeletion({ absence: { ...future(11), start: '2026-11-22' }, comment: 'Fejl', today: TODAY }))).toBe('ABSENCE_NOT_DELETABLE');
});

it('deleting a type 8 on its start day still says the person is not re-registered: deregistration took effect that day', () => {
  expect(validateDeletion({ absence: { ...future(8), start: TODAY }, comment: 'Fejl', today: TODAY }).reRegistrationRequired).toBe(true);
});

it.each(['', '   '])('needs a correction comment (%j)', (comment) => {
  expect(codeOf(() => validateDeletion({ absence: future(45), comment, today: TODAY }))).toBe('DELETION_COMMENT_REQUIRED');
});

it('refuses a comment over 2000 characters', () => {
  expect(codeOf(() => validateDeletion({ absence: future(45), comment: 'x'.repeat(2001), today: TODAY }))).toBe('DELETION_COMMENT_TOO_LONG');
});

it('cannot delete twice: a deletion is not undone', () => {
  expect(codeOf(() => validateDeletion({ absence: started(45, 'DELETED'), comment: 'Igen', today: TODAY }))).toBe('ABSENCE_ALREADY_DELETED');
});

it.each([6, 7, 8, 21])('deleting a started %i says the person is not re-registered', (typeId) => {
  expect(validateDeletion({ absence: started(typeId), comment: ' Fejl ', today: TODAY })).toEqual({ comment: 'Fejl', reRegistrationRequired: true });
});

it('deleting a future 8, or a started 45, needs no re-registration', () => {
  expect(validateDeletion({ absence: future(8), comment: 'Fejl', today: TODAY }).reRegistrationRequired).toBe(false);
  expect(validateDeletion({ absence: started(45), comment: 'Fejl', today: TODAY }).reRegistrationRequired).toBe(false);
});
