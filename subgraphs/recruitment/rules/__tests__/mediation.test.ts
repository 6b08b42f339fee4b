// The mediation state machine (001 §5.1): mediate 1, remove 6, approve 8, result 9.
import { canReopen, mediationStatusOn, planMediationStep } from '..';
import { errorCodeOf } from './error-code-of';

describe('with a coordinator (tovholder)', () => {
  it('approves a mediated candidate (8), then takes the result (9)', () => {
    expect(planMediationStep('APPROVE', 'MEDIATED', true)).toEqual({ to: 'APPROVED_BY_COORDINATOR', actionType: 8 });
    expect(planMediationStep('REPORT_RESULT', 'APPROVED_BY_COORDINATOR', true)).toEqual({ to: 'RESULT_REPORTED', actionType: 9 });
  });
  it('takes no result before approval: the employer has not seen the candidate', () => {
    expect(errorCodeOf(() => planMediationStep('REPORT_RESULT', 'MEDIATED', true))).toBe('MEDIATION_NOT_APPROVED');
  });
  it('does not approve twice', () => {
    expect(errorCodeOf(() => planMediationStep('APPROVE', 'APPROVED_BY_COORDINATOR', true))).toBe('MEDIATION_STATUS_INVALID');
  });
});

describe('without a coordinator', () => {
  it('has nobody to approve, and takes the result straight away', () => {
    expect(errorCodeOf(() => planMediationStep('APPROVE', 'MEDIATED', false))).toBe('NO_COORDINATOR');
    expect(planMediationStep('REPORT_RESULT', 'MEDIATED', false).actionType).toBe(9);
  });
});

describe('removing (6)', () => {
  it('works for mediated and approved candidates, not for removed or finished ones', () => {
    expect(planMediationStep('REMOVE', 'MEDIATED', false)).toEqual({ to: 'REMOVED', actionType: 6 });
    expect(planMediationStep('REMOVE', 'APPROVED_BY_COORDINATOR', true).actionType).toBe(6);
    expect(errorCodeOf(() => planMediationStep('REMOVE', 'REMOVED', false))).toBe('MEDIATION_STATUS_INVALID');
    expect(errorCodeOf(() => planMediationStep('REMOVE', 'RESULT_REPORTED', false))).toBe('MEDIATION_STATUS_INVALID');
  });
  it('lets a removed candidate be mediated again, nobody else', () => {
    expect(canReopen('REMOVED')).toBe(true);
    expect(canReopen('MEDIATED')).toBe(false);
    expect(canReopen('RESULT_REPORTED')).toBe(false);
  });
});

describe('a mediation as of a day', () => {
  // Mediated 11-02, removed 11-10, mediated again 11-16, result 11-20; other order events (4) change nothing.
  const events = [
    { actionTypeId: 1, day: '2026-11-02' },
    { actionTypeId: 6, day: '2026-11-10' },
    { actionTypeId: 4, day: '2026-11-12' },
    { actionTypeId: 1, day: '2026-11-16' },
    { actionTypeId: 9, day: '2026-11-20' },
  ];
  it('is none before it was made, then the status of its last step on or before the day', () => {
    expect(mediationStatusOn(events, '2026-11-01')).toBeNull();
    expect(mediationStatusOn(events, '2026-11-02')).toBe('MEDIATED');
    expect(mediationStatusOn(events, '2026-11-09')).toBe('MEDIATED');
    expect(mediationStatusOn(events, '2026-11-10')).toBe('REMOVED');
    expect(mediationStatusOn(events, '2026-11-15')).toBe('REMOVED');
    expect(mediationStatusOn(events, '2026-11-16')).toBe('MEDIATED');
    expect(mediationStatusOn(events, '2026-11-19')).toBe('MEDIATED');
    expect(mediationStatusOn(events, '2026-11-20')).toBe('RESULT_REPORTED');
  });
});
