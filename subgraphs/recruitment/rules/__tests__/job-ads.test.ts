// Job ads v2 (002, 003): GUID ids, no drafts, specific error codes, CVR and P-number for anonymous ads.
import { occupationCatalog } from '../../../common/occupations';
import { isValidCvr, isValidPNumber, jobAdState, validateJobAd, validateWithdrawal, type JobAdInput } from '..';
import { errorCodeOf } from './error-code-of';

const catalog = occupationCatalog();
const TODAY = '2026-11-23';
const ad: JobAdInput = { title: 'Svejser søges', text: 'Vi søger en svejser.', occupationCode: '7212.1', employerName: 'Stål A/S', lastPublicationDate: '2026-12-31' };
const check = (input: Partial<JobAdInput>) => errorCodeOf(() => validateJobAd({ ...ad, ...input }, TODAY, catalog));

describe('CVR number (modulus 11, weights 2,7,6,5,4,3,2,1)', () => {
  it('accepts numbers whose weighted sum is divisible by 11', () => {
    expect(isValidCvr('24256790')).toBe(true); // 132 = 12 × 11
    expect(isValidCvr('10150817')).toBe(true);
  });
  it('refuses a wrong check digit, the wrong length, letters and a leading zero', () => {
    expect(isValidCvr('24256791')).toBe(false);
    expect(isValidCvr('2425679')).toBe(false);
    expect(isValidCvr('2425679A')).toBe(false);
    expect(isValidCvr('01234567')).toBe(false);
  });
});

it('takes a P-number of exactly 10 digits', () => {
  expect(isValidPNumber('1003388394')).toBe(true);
  expect(isValidPNumber('100338839')).toBe(false);
  expect(isValidPNumber('10033883941')).toBe(false);
});

describe('anonymous ads', () => {
  const anonymous = { anonymous: true, employerName: null, cvr: '24256790', pNumber: '1003388394' };
  it('need a valid CVR number and P-number and hide the employer name', () => {
    expect(check(anonymous)).toBeNull();
    expect(validateJobAd({ ...ad, ...anonymous, employerName: 'Stål A/S' }, TODAY, catalog).employerName).toBeNull();
    expect(check({ ...anonymous, cvr: null })).toBe('JOB_AD_CVR_AND_P_NUMBER_REQUIRED');
    expect(check({ ...anonymous, pNumber: null })).toBe('JOB_AD_CVR_AND_P_NUMBER_REQUIRED');
    expect(check({ ...anonymous, cvr: '24256791' })).toBe('JOB_AD_CVR_INVALID');
    expect(check({ ...anonymous, pNumber: '12345' })).toBe('JOB_AD_P_NUMBER_INVALID');
  });
  it('are the only ones that may leave out the employer name', () => {
    expect(check({ employerName: null })).toBe('JOB_AD_EMPLOYER_NAME_REQUIRED');
  });
});

describe('the other fields, each with its own error code', () => {
  it('takes a GUID id or none', () => {
    expect(check({ id: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' })).toBeNull();
    expect(check({ id: '12345' })).toBe('JOB_AD_ID_INVALID');
  });
  it('checks title, text, occupation and the last publication date', () => {
    expect(check({ title: ' ' })).toBe('JOB_AD_TITLE_INVALID');
    expect(check({ text: 'x'.repeat(10_001) })).toBe('JOB_AD_TEXT_INVALID');
    expect(check({ occupationCode: '4132.1' })).toBe('OCCUPATION_RETIRED');
    expect(check({ lastPublicationDate: '2026-11-22' })).toBe('JOB_AD_LAST_PUBLICATION_DATE_IN_PAST');
    expect(check({ lastPublicationDate: TODAY })).toBeNull();
  });
});

describe('states without drafts', () => {
  it('expires a published ad after its last publication date', () => {
    expect(jobAdState('PUBLISHED', '2026-11-23', TODAY)).toBe('PUBLISHED');
    expect(jobAdState('PUBLISHED', '2026-11-22', TODAY)).toBe('EXPIRED');
    expect(jobAdState('WITHDRAWN', '2026-11-22', TODAY)).toBe('WITHDRAWN');
  });
  it('withdraws only a published ad', () => {
    expect(errorCodeOf(() => validateWithdrawal('PUBLISHED'))).toBeNull();
    expect(errorCodeOf(() => validateWithdrawal('WITHDRAWN'))).toBe('JOB_AD_ALREADY_WITHDRAWN');
    expect(errorCodeOf(() => validateWithdrawal('EXPIRED'))).toBe('JOB_AD_EXPIRED');
  });
});
