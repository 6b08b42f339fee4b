// Job ads (JobannonceService v2, 002): GUID ids, simplified states without drafts, specific error
// codes, and validation of CVR and P-number for anonymous ads (003).
import { DomainError } from '../../../core/errors';
import type { IsoDate } from '../../../core/dates';
import type { OccupationCatalog } from '../../common/occupations';
import { RecruitmentErrorCode } from './error-codes';
import { chooseOccupation } from './occupations';

/** Stored states: an ad is published when created (no drafts) and withdrawn by its owner. */
export type StoredJobAdState = 'PUBLISHED' | 'WITHDRAWN';
/** What clients see: a published ad past its last publication date has expired. */
export type JobAdState = StoredJobAdState | 'EXPIRED';

export const MAX_AD_TITLE_LENGTH = 200;
export const MAX_AD_TEXT_LENGTH = 10_000;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1];

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** CVR number: 8 digits whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11, not starting with 0. */
export function isValidCvr(value: string): boolean {
  if (!/^[1-9]\d{7}$/.test(value)) return false;
  const sum = CVR_WEIGHTS.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  return sum % 11 === 0;
}

/** P-number (produktionsenhedsnummer): 10 digits. */
export function isValidPNumber(value: string): boolean {
  return /^\d{10}$/.test(value);
}

export function jobAdState(stored: StoredJobAdState, lastPublicationDate: IsoDate, today: IsoDate): JobAdState {
  return stored === 'PUBLISHED' && lastPublicationDate < today ? 'EXPIRED' : stored;
}

export interface JobAdInput {
  id?: string | null;
  title: string;
  text: string;
  occupationCode: string;
  anonymous?: boolean | null;
  employerName?: string | null;
  cvr?: string | null;
  pNumber?: string | null;
  lastPublicationDate: IsoDate;
}

export interface ValidJobAd {
  id: string | null;
  title: string;
  text: string;
  occupationCode: string;
  anonymous: boolean;
  employerName: string | null;
  cvr: string | null;
  pNumber: string | null;
  lastPublicationDate: IsoDate;
}

function fail(code: string, message: string, field: string): never {
  throw new DomainError(code, message, { field });
}

export function validateJobAd(input: JobAdInput, today: IsoDate, catalog: OccupationCatalog): ValidJobAd {
  const id = input.id?.trim() || null;
  if (id !== null && !isGuid(id)) fail(RecruitmentErrorCode.JOB_AD_ID_INVALID, 'A job ad id is a GUID, e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301; leave it out to get one.', 'id');
  const title = input.title.trim();
  if (!title || title.length > MAX_AD_TITLE_LENGTH) fail(RecruitmentErrorCode.JOB_AD_TITLE_INVALID, `The ad needs a title of 1 to ${MAX_AD_TITLE_LENGTH} characters.`, 'title');
  if (!input.text.trim() || input.text.length > MAX_AD_TEXT_LENGTH) fail(RecruitmentErrorCode.JOB_AD_TEXT_INVALID, `The ad needs a text of 1 to ${MAX_AD_TEXT_LENGTH} characters.`, 'text');
  const occupation = chooseOccupation(catalog, input.occupationCode);
  if (input.lastPublicationDate < today) fail(RecruitmentErrorCode.JOB_AD_LAST_PUBLICATION_DATE_IN_PAST, `The last publication date cannot be before today (${today}).`, 'lastPublicationDate');
  const anonymous = input.anonymous ?? false;
  const cvr = input.cvr?.trim() || null;
  const pNumber = input.pNumber?.trim() || null;
  const employerName = input.employerName?.trim() || null;
  if (anonymous && (cvr === null || pNumber === null)) {
    fail(RecruitmentErrorCode.JOB_AD_CVR_AND_P_NUMBER_REQUIRED, "An anonymous ad hides the employer's name, so it must carry the employer's CVR number and P-number.", cvr === null ? 'cvr' : 'pNumber');
  }
  if (!anonymous && employerName === null) fail(RecruitmentErrorCode.JOB_AD_EMPLOYER_NAME_REQUIRED, "Name the employer, or publish the ad as anonymous with the employer's CVR and P-number.", 'employerName');
  if (cvr !== null && !isValidCvr(cvr)) fail(RecruitmentErrorCode.JOB_AD_CVR_INVALID, `"${cvr}" is not a valid CVR number (8 digits with a modulus-11 check digit).`, 'cvr');
  if (pNumber !== null && !isValidPNumber(pNumber)) fail(RecruitmentErrorCode.JOB_AD_P_NUMBER_INVALID, `"${pNumber}" is not a P-number (10 digits).`, 'pNumber');
  return { id, title, text: input.text, occupationCode: occupation.code, anonymous, employerName: anonymous ? null : employerName, cvr, pNumber, lastPublicationDate: input.lastPublicationDate };
}

/** Withdrawing: only a published ad still in its publication period. */
export function validateWithdrawal(state: JobAdState): void {
  if (state === 'WITHDRAWN') throw new DomainError(RecruitmentErrorCode.JOB_AD_ALREADY_WITHDRAWN, 'The job ad is withdrawn already.');
  if (state === 'EXPIRED') throw new DomainError(RecruitmentErrorCode.JOB_AD_EXPIRED, 'The job ad has expired; its publication period is over.');
}
