// Recruitment collaborations (rekrutteringssamarbejder): the circle of primary authorities that see
// and edit each other's internal job orders (000, 001 §5.1).
import { DomainError } from '../../../core/errors';
import { AKASSE_NUMBER, MUNICIPALITY_CODE, type AuthorityRef } from './authorities';
import { RecruitmentErrorCode } from './error-codes';

export interface CollaborationInput {
  name: string;
  jobcentres: readonly string[];
  akasser?: readonly string[] | null;
}

export function validateCollaboration(input: CollaborationInput): { name: string; members: AuthorityRef[] } {
  const name = input.name.trim();
  if (!name || name.length > 200) throw new DomainError(RecruitmentErrorCode.COLLABORATION_INVALID, 'A recruitment collaboration needs a name of 1 to 200 characters.', { field: 'name' });
  const jobcentres = [...new Set(input.jobcentres.map((c) => c.trim()))];
  const akasser = [...new Set((input.akasser ?? []).map((c) => c.trim()))];
  const badJobcentre = jobcentres.find((c) => !MUNICIPALITY_CODE.test(c));
  if (badJobcentre !== undefined) throw new DomainError(RecruitmentErrorCode.COLLABORATION_INVALID, `"${badJobcentre}" is not a municipality code (3 digits).`, { field: 'jobcentres' });
  const badAkasse = akasser.find((c) => !AKASSE_NUMBER.test(c));
  if (badAkasse !== undefined) throw new DomainError(RecruitmentErrorCode.COLLABORATION_INVALID, `"${badAkasse}" is not an a-kasse number.`, { field: 'akasser' });
  const members: AuthorityRef[] = [...jobcentres.map((code) => ({ kind: 'JOBCENTRE' as const, code })), ...akasser.map((code) => ({ kind: 'AKASSE' as const, code }))];
  if (members.length < 2) throw new DomainError(RecruitmentErrorCode.COLLABORATION_INVALID, 'A recruitment collaboration has at least two member authorities.', { field: 'jobcentres' });
  return { name, members };
}
