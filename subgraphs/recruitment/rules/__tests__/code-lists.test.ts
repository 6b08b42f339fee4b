// The event action type code list (001 §5.1) and recruitment collaborations.
import { EVENT_ACTION_TYPES, validateCollaboration } from '..';
import { errorCodeOf } from './error-code-of';

it('lists event action types 1 to 11 with the seed names, 10 and 11 new in v3', () => {
  expect(EVENT_ACTION_TYPES.map((t) => t.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  expect(EVENT_ACTION_TYPES[9].name).toBe('Jobordren er frigivet til offentlig synlighed og håndtering');
  expect(EVENT_ACTION_TYPES[10].name).toBe('Jobordren er gjort intern');
});

describe('recruitment collaborations', () => {
  it('have a name and at least two members, jobcentres by municipality code and a-kasser by number', () => {
    expect(validateCollaboration({ name: 'Rekruttering Nord', jobcentres: ['851', '849'], akasser: ['21'] }).members).toEqual([
      { kind: 'JOBCENTRE', code: '851' },
      { kind: 'JOBCENTRE', code: '849' },
      { kind: 'AKASSE', code: '21' },
    ]);
    expect(errorCodeOf(() => validateCollaboration({ name: 'Alene', jobcentres: ['851', '851'] }))).toBe('COLLABORATION_INVALID');
    expect(errorCodeOf(() => validateCollaboration({ name: 'X', jobcentres: ['85', '851'] }))).toBe('COLLABORATION_INVALID');
    expect(errorCodeOf(() => validateCollaboration({ name: ' ', jobcentres: ['849', '851'] }))).toBe('COLLABORATION_INVALID');
  });
});
