// The stable error codes of the recruitment rules. Integrations branch on these strings: add, never
// rename. Each is thrown as DomainError(code, message telling the caseworker what to do, details).
import { ErrorCode } from '../../../core/errors';

export const RecruitmentErrorCode = {
  /** Shared with core: a field has the wrong shape; `field` names it. */
  BAD_USER_INPUT: ErrorCode.BAD_USER_INPUT,
  /** Shared with core: the order (or ad, mediation) does not exist or is not visible to the caller. */
  NOT_FOUND: ErrorCode.NOT_FOUND,
  /** Shared with core: the caller may see it but not do this. */
  FORBIDDEN: ErrorCode.FORBIDDEN,
  /** The job order's title is blank or longer than 200 characters. */
  JOB_ORDER_TITLE_INVALID: 'JOB_ORDER_TITLE_INVALID',
  /** The task description is blank. */
  DESCRIPTION_REQUIRED: 'DESCRIPTION_REQUIRED',
  /** The task description is longer than 5000 characters (001 §5.1). */
  DESCRIPTION_TOO_LONG: 'DESCRIPTION_TOO_LONG',
  /** NumberOfPositions is not a whole number from 1 to 9999. */
  NUMBER_OF_POSITIONS_INVALID: 'NUMBER_OF_POSITIONS_INVALID',
  /** An order created by an employer must keep its coordinator (tovholder). */
  COORDINATOR_REQUIRED: 'COORDINATOR_REQUIRED',
  /** The system role creates orders on behalf of an employer and must name the responsible jobcentre. */
  RESPONSIBLE_JOBCENTRE_REQUIRED: 'RESPONSIBLE_JOBCENTRE_REQUIRED',
  /** The occupation code is not a title in ESCO-STAR or DiscoAMS08. */
  UNKNOWN_OCCUPATION: 'UNKNOWN_OCCUPATION',
  /** The occupation title is retired (udgået) and cannot be chosen for new data (003). */
  OCCUPATION_RETIRED: 'OCCUPATION_RETIRED',
  /** The order carries a retired title: the update must choose a valid ESCO-STAR title (003). */
  VALID_OCCUPATION_REQUIRED: 'VALID_OCCUPATION_REQUIRED',
  /** The order is closed: no more edits or mediations. */
  JOB_ORDER_CLOSED: 'JOB_ORDER_CLOSED',
  /** The order is on hold: it takes no mediations until it is reopened. */
  JOB_ORDER_NOT_OPEN: 'JOB_ORDER_NOT_OPEN',
  /** The requested status change is not possible from the order's current status. */
  JOB_ORDER_STATUS_TRANSITION_INVALID: 'JOB_ORDER_STATUS_TRANSITION_INVALID',
  /** An import is for orders existing before CompanyRecruitmentService v3 (15 March 2021). */
  IMPORT_NOT_BEFORE_V3: 'IMPORT_NOT_BEFORE_V3',
  /** An order with that legacy id was imported already. */
  JOB_ORDER_ALREADY_IMPORTED: 'JOB_ORDER_ALREADY_IMPORTED',
  /** The person is already mediated to that order. */
  ALREADY_MEDIATED: 'ALREADY_MEDIATED',
  /** An a-kasse mediates only its own current members. */
  PERSON_NOT_MEMBER: 'PERSON_NOT_MEMBER',
  /** The order has no coordinator, so there is nobody to approve candidates. */
  NO_COORDINATOR: 'NO_COORDINATOR',
  /** Only the order's coordinator approves candidates (action type 8). */
  NOT_COORDINATOR: 'NOT_COORDINATOR',
  /** The mediation's status does not allow this step (e.g. approving a removed candidate). */
  MEDIATION_STATUS_INVALID: 'MEDIATION_STATUS_INVALID',
  /** The order has a coordinator who has not yet approved the candidate, so no result can exist. */
  MEDIATION_NOT_APPROVED: 'MEDIATION_NOT_APPROVED',
  /** Someone changed the same thing at the same moment; read it again and retry. */
  CONCURRENT_MODIFICATION: 'CONCURRENT_MODIFICATION',
  /** A collaboration needs a name and at least two member authorities. */
  COLLABORATION_INVALID: 'COLLABORATION_INVALID',
  /** An authority belongs to another recruitment collaboration already. */
  AUTHORITY_IN_OTHER_COLLABORATION: 'AUTHORITY_IN_OTHER_COLLABORATION',
  /** A job ad id is not a GUID. */
  JOB_AD_ID_INVALID: 'JOB_AD_ID_INVALID',
  /** A job ad with that GUID exists already. */
  JOB_AD_ID_TAKEN: 'JOB_AD_ID_TAKEN',
  /** The ad's title is blank or longer than 200 characters. */
  JOB_AD_TITLE_INVALID: 'JOB_AD_TITLE_INVALID',
  /** The ad's text is blank or longer than 10000 characters. */
  JOB_AD_TEXT_INVALID: 'JOB_AD_TEXT_INVALID',
  /** An ad that is not anonymous names its employer. */
  JOB_AD_EMPLOYER_NAME_REQUIRED: 'JOB_AD_EMPLOYER_NAME_REQUIRED',
  /** An anonymous ad must carry the employer's CVR number and P-number. */
  JOB_AD_CVR_AND_P_NUMBER_REQUIRED: 'JOB_AD_CVR_AND_P_NUMBER_REQUIRED',
  /** The CVR number is not 8 digits passing the modulus-11 check. */
  JOB_AD_CVR_INVALID: 'JOB_AD_CVR_INVALID',
  /** The P-number is not 10 digits. */
  JOB_AD_P_NUMBER_INVALID: 'JOB_AD_P_NUMBER_INVALID',
  /** The last publication date lies before today. */
  JOB_AD_LAST_PUBLICATION_DATE_IN_PAST: 'JOB_AD_LAST_PUBLICATION_DATE_IN_PAST',
  /** The ad is withdrawn already. */
  JOB_AD_ALREADY_WITHDRAWN: 'JOB_AD_ALREADY_WITHDRAWN',
  /** The ad's publication period has ended; it can no longer be changed. */
  JOB_AD_EXPIRED: 'JOB_AD_EXPIRED',
} as const;
