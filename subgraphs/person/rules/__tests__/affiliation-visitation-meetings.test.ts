// Jobcentre affiliation (004), visitation (002), sick-leave metadata (002) and meeting recipients (001 §1.2-1.3).
import { assertTakeOverAllowed, jobcentreAfterAddressChange } from '../affiliation';
import { cancelledByMove, moveCancellationRecipients, summonsRecipients } from '../meetings';
import { endOnRecovery, returnByDate } from '../sick-leave';
import { assertCategoryAllowed, automaticRevisitation } from '../visitation';
import { codeOf } from '../../../../test/support/codes';

describe('jobcentre affiliation', () => {
  it('follows the CPR address, except for persons abroad, who keep theirs', () => {
    expect(jobcentreAfterAddressChange({ currentJobcentre: '101', addressMunicipalityCode: '147', livesAbroad: false })).toBe('147');
    expect(jobcentreAfterAddressChange({ currentJobcentre: '101', addressMunicipalityCode: '147', livesAbroad: true })).toBe('101');
    expect(jobcentreAfterAddressChange({ currentJobcentre: null, addressMunicipalityCode: '147', livesAbroad: true })).toBe('147');
  });

  it('lets the residence municipality take over while the temporary address is in force, and anyone for persons abroad', () => {
    const base = { takingJobcentre: '147', currentJobcentre: '101', livesAbroad: false, temporaryMunicipalityCode: '147', temporaryAddressEnd: '2026-12-31', today: '2026-11-23' };
    expect(codeOf(() => assertTakeOverAllowed(base))).toBe('OK');
    expect(codeOf(() => assertTakeOverAllowed({ ...base, temporaryAddressEnd: '2026-11-22' }))).toBe('JOBCENTRE_TAKEOVER_NOT_ALLOWED');
    expect(codeOf(() => assertTakeOverAllowed({ ...base, temporaryMunicipalityCode: '153' }))).toBe('JOBCENTRE_TAKEOVER_NOT_ALLOWED');
    expect(codeOf(() => assertTakeOverAllowed({ ...base, temporaryMunicipalityCode: null, livesAbroad: true }))).toBe('OK');
    expect(codeOf(() => assertTakeOverAllowed({ ...base, takingJobcentre: '101' }))).toBe('JOBCENTRE_TAKEOVER_NOT_ALLOWED');
  });
});

describe('visitation', () => {
  it('refuses sick-benefit category 3 from 2025-01-01', () => {
    expect(codeOf(() => assertCategoryAllowed('SICK_BENEFIT_3', 24, '2024-12-31'))).toBe('OK');
    expect(codeOf(() => assertCategoryAllowed('SICK_BENEFIT_3', 24, '2025-01-01'))).toBe('VISITATION_CATEGORY_RETIRED');
  });

  it('keeps sick-benefit categories to sick groups and the others out of them', () => {
    expect(codeOf(() => assertCategoryAllowed('SICK_BENEFIT_2', 1, '2026-01-01'))).toBe('VISITATION_CATEGORY_NOT_FOR_CONTACT_GROUP');
    expect(codeOf(() => assertCategoryAllowed('JOB_READY', 25, '2026-01-01'))).toBe('VISITATION_CATEGORY_NOT_FOR_CONTACT_GROUP');
    expect(codeOf(() => assertCategoryAllowed('JOB_READY', 1, '2026-01-01'))).toBe('OK');
  });

  it('moves open category-3 cases to 2 from 2025-01-01, not before and not closed cases', () => {
    expect(automaticRevisitation('SICK_BENEFIT_3', 25, '2025-01-01')).toBe('SICK_BENEFIT_2');
    expect(automaticRevisitation('SICK_BENEFIT_3', 25, '2024-12-31')).toBeNull();
    expect(automaticRevisitation('SICK_BENEFIT_3', 1, '2025-01-01')).toBeNull();
    expect(automaticRevisitation('SICK_BENEFIT_1', 24, '2025-01-01')).toBeNull();
  });
});

describe('sick-leave metadata', () => {
  it('runs to the last day of week 13 after the first follow-up meeting', () => {
    expect(returnByDate('2026-01-05')).toBe('2026-04-05');
  });

  it('ends on a recovery before then, not after', () => {
    expect(endOnRecovery({ returnBy: '2026-04-05', end: null }, '2026-03-01')).toBe('2026-02-28');
    expect(endOnRecovery({ returnBy: '2026-04-05', end: null }, '2026-04-10')).toBeNull();
    expect(endOnRecovery({ returnBy: '2026-04-05', end: '2026-02-01' }, '2026-03-01')).toBeNull();
  });
});

describe('meeting recipients', () => {
  it('tells the jobcentre of a type-17 summons by an a-kasse, not of its other meetings', () => {
    expect(summonsRecipients({ meetingTypeId: 17, summonerRole: 'akasse', summonerAuthority: '21' }, '101')).toEqual({ jobcentres: ['101'], akasser: ['21'] });
    expect(summonsRecipients({ meetingTypeId: 5, summonerRole: 'akasse', summonerAuthority: '21' }, '101')).toEqual({ jobcentres: [], akasser: ['21'] });
    expect(summonsRecipients({ meetingTypeId: 5, summonerRole: 'caseworker', summonerAuthority: '101' }, '101')).toEqual({ jobcentres: ['101'], akasser: [] });
  });

  it('sends a move cancellation to the jobcentre moved from', () => {
    expect(moveCancellationRecipients({ meetingTypeId: 5, summonerRole: 'caseworker', summonerAuthority: '101' }, '101')).toEqual({ jobcentres: ['101'], akasser: [] });
    expect(cancelledByMove({ meetingTypeId: 5, summonerRole: 'akasse', summonerAuthority: '21' })).toBe(false);
    expect(cancelledByMove({ meetingTypeId: 17, summonerRole: 'akasse', summonerAuthority: '21' })).toBe(true);
  });
});
