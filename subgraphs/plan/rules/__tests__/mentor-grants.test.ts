// VITAS mentor grants (003): a grant with internship, wage subsidy, adult apprenticeship or supported
// employment states 'Mentor, individuel' or 'Mentor, plads'; any other grant states no type.
import { MENTOR_GRANT_OFFERS, validateMentorGrant, type MentorGrantInput } from '..';
import { errorCodeOf } from './error-code-of';

const input = (overrides: Partial<MentorGrantInput> = {}): MentorGrantInput => ({ offerId: 901, mentorTypeId: 901, start: '2025-03-01', end: '2025-05-31', today: '2025-02-15', ...overrides });

describe('mentor grant type', () => {
  it.each(MENTOR_GRANT_OFFERS.filter((offer) => offer.requiresMentorType).map((offer) => [offer.id, offer.name]))('is required with offer %i %s, and either type is accepted', (offerId) => {
    expect(errorCodeOf(() => validateMentorGrant(input({ offerId, mentorTypeId: null })))).toBe('MENTOR_GRANT_TYPE_REQUIRED');
    expect(validateMentorGrant(input({ offerId, mentorTypeId: 901 }))).toEqual({ offerId, mentorTypeId: 901, start: '2025-03-01', end: '2025-05-31' });
    expect(validateMentorGrant(input({ offerId, mentorTypeId: 902 })).mentorTypeId).toBe(902);
  });

  it('is refused for a grant not tied to one of the four offers', () => {
    expect(errorCodeOf(() => validateMentorGrant(input({ offerId: 905, mentorTypeId: 902 })))).toBe('MENTOR_GRANT_TYPE_NOT_ALLOWED');
    expect(validateMentorGrant(input({ offerId: 905, mentorTypeId: null })).mentorTypeId).toBeNull();
  });

  it('refuses unknown types and offers', () => {
    expect(errorCodeOf(() => validateMentorGrant(input({ mentorTypeId: 1 })))).toBe('UNKNOWN_MENTOR_GRANT_TYPE');
    expect(errorCodeOf(() => validateMentorGrant(input({ offerId: 1 })))).toBe('UNKNOWN_MENTOR_GRANT_OFFER');
  });
});

describe('mentor grant dates', () => {
  it('starts at most 12 months ahead', () => {
    expect(validateMentorGrant(input({ start: '2026-02-15', end: null })).start).toBe('2026-02-15');
    expect(errorCodeOf(() => validateMentorGrant(input({ start: '2026-02-16', end: null })))).toBe('MENTOR_GRANT_START_TOO_FAR_AHEAD');
  });

  it('refuses a reversed or malformed period', () => {
    expect(errorCodeOf(() => validateMentorGrant(input({ end: '2025-02-28' })))).toBe('INVALID_DATE_RANGE');
    expect(errorCodeOf(() => validateMentorGrant(input({ start: '2025-13-01' })))).toBe('INVALID_DATE');
  });
});
