// Job-search confirmation (004): due 7 days on, missed the day after, and the 7-day window in which
// cash-benefit, start-help and introduction-benefit recipients re-register themselves.
import { codeOf } from '../../../../test/support/codes';
import { assertMayReregister, confirmationDueBy, confirmationMissed, selfReregistrationPossibleUntil, type PreviousRegistration } from '../job-search-confirmation';

const deregistered: PreviousRegistration = { status: 'DEREGISTERED', deregistrationCause: 'MISSING_JOB_SEARCH_CONFIRMATION', closedOn: '2026-12-01', contactGroupId: 2 };

describe('confirmation', () => {
  it('is due 7 days after the day it was made, and missed from the day after', () => {
    expect(confirmationDueBy('2026-11-27')).toBe('2026-12-04');
    expect(confirmationMissed({ status: 'ACTIVE', jobSearchConfirmationDueBy: '2026-12-04' }, '2026-12-04')).toBe(false);
    expect(confirmationMissed({ status: 'ACTIVE', jobSearchConfirmationDueBy: '2026-12-04' }, '2026-12-05')).toBe(true);
  });

  it('is never missed by a registration that is not active, nor by one from before the duty was recorded', () => {
    expect(confirmationMissed({ status: 'AWAITING_ATTENDANCE', jobSearchConfirmationDueBy: null }, '2027-01-01')).toBe(false);
    expect(confirmationMissed({ status: 'DEREGISTERED', jobSearchConfirmationDueBy: '2026-12-04' }, '2027-01-01')).toBe(false);
    expect(confirmationMissed({ status: 'ACTIVE', jobSearchConfirmationDueBy: null }, '2027-01-01')).toBe(false);
  });
});

describe('self re-registration', () => {
  it('is open 7 days after the deregistration, not 8', () => {
    expect(codeOf(() => assertMayReregister(deregistered, '2026-12-08'))).toBe('OK');
    expect(codeOf(() => assertMayReregister(deregistered, '2026-12-09'))).toBe('REREGISTRATION_WINDOW_PASSED');
    expect(selfReregistrationPossibleUntil(deregistered)).toBe('2026-12-08');
  });

  it.each([2, 12, 26, 27, 28, 29])('is open to contact group %i', (contactGroupId) => {
    expect(codeOf(() => assertMayReregister({ ...deregistered, contactGroupId }, '2026-12-02'))).toBe('OK');
  });

  it.each([1, 99, 7, 25])('is closed to contact group %i', (contactGroupId) => {
    expect(codeOf(() => assertMayReregister({ ...deregistered, contactGroupId }, '2026-12-02'))).toBe('SELF_REREGISTRATION_NOT_FOR_CONTACT_GROUP');
    expect(selfReregistrationPossibleUntil({ ...deregistered, contactGroupId })).toBeNull();
  });

  it('is only for a deregistration for a missing confirmation', () => {
    expect(codeOf(() => assertMayReregister(null, '2026-12-02'))).toBe('NOT_DEREGISTERED_FOR_MISSING_CONFIRMATION');
    expect(codeOf(() => assertMayReregister({ ...deregistered, deregistrationCause: null }, '2026-12-02'))).toBe('NOT_DEREGISTERED_FOR_MISSING_CONFIRMATION');
    expect(codeOf(() => assertMayReregister({ ...deregistered, status: 'ANNULLED' }, '2026-12-02'))).toBe('NOT_DEREGISTERED_FOR_MISSING_CONFIRMATION');
  });
});
