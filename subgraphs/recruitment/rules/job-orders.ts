// Job-order content and life cycle (CompanyRecruitmentService v3, 001 §5.1): defaults, limits, the
// coordinator, release to the national list and back, status changes, and the import of orders that
// existed before v3. Pure: the catalog and the instant are passed in.
import { DomainError } from '../../../core/errors';
import type { Identity } from '../../../core/identity';
import type { OccupationCatalog } from '../../common/occupations';
import { authorityKey, callerAuthority, MUNICIPALITY_CODE, type AuthorityRef } from './authorities';
import { EventActionType, type EventActionTypeId } from './event-action-types';
import { RecruitmentErrorCode } from './error-codes';
import { carriesRetiredOccupation, carryOccupation, chooseOccupation, type ChosenOccupation } from './occupations';

/** The task description holds up to 5000 characters from v3 (was 2000). */
export const MAX_DESCRIPTION_LENGTH = 5000;
export const MAX_TITLE_LENGTH = 200;
export const MAX_NUMBER_OF_POSITIONS = 9999;
/** CompanyRecruitmentService v3 went live with the release of 15 March 2021 (001). */
export const V3_RELEASE_DATE = '2021-03-15';

/** How the order came in: a caseworker system, an employer (Jobnet for Arbejdsgivere), or an import. */
export type JobOrderOrigin = 'CASEWORKER_SYSTEM' | 'EMPLOYER' | 'IMPORTED_BEFORE_V3';
export type JobOrderStatus = 'OPEN' | 'ON_HOLD' | 'CLOSED';

export interface NewJobOrderInput {
  title: string;
  description: string;
  occupationCode?: string | null;
  numberOfPositions?: number | null;
  isInternal?: boolean | null;
  caseWorkerAllowed?: boolean | null;
  /** System role only: the jobcentre responsible for an employer's order. */
  responsibleJobcentre?: string | null;
}

export interface NewJobOrder {
  title: string;
  description: string;
  occupation: ChosenOccupation | null;
  numberOfPositions: number | null;
  isInternal: boolean;
  caseWorkerAllowed: boolean;
  coordinatorKey: string | null;
  origin: JobOrderOrigin;
  owner: AuthorityRef;
}

export function validateTitle(value: string): string {
  const title = value.trim();
  if (!title || title.length > MAX_TITLE_LENGTH) {
    throw new DomainError(RecruitmentErrorCode.JOB_ORDER_TITLE_INVALID, `A title of 1 to ${MAX_TITLE_LENGTH} characters is required.`, { field: 'title' });
  }
  return title;
}

export function validateDescription(value: string): string {
  if (!value.trim()) throw new DomainError(RecruitmentErrorCode.DESCRIPTION_REQUIRED, 'Describe the work tasks (beskrivelse af arbejdsopgaven).', { field: 'description' });
  if (value.length > MAX_DESCRIPTION_LENGTH) {
    throw new DomainError(RecruitmentErrorCode.DESCRIPTION_TOO_LONG, `The task description holds at most ${MAX_DESCRIPTION_LENGTH} characters; it has ${value.length}. Shorten it.`, {
      field: 'description',
      maxLength: MAX_DESCRIPTION_LENGTH,
      length: value.length,
    });
  }
  return value;
}

/** NumberOfPositions is optional; when given it is a positive whole number. */
export function validateNumberOfPositions(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > MAX_NUMBER_OF_POSITIONS) {
    throw new DomainError(RecruitmentErrorCode.NUMBER_OF_POSITIONS_INVALID, `The number of positions is a whole number from 1 to ${MAX_NUMBER_OF_POSITIONS}, or left out.`, { field: 'numberOfPositions' });
  }
  return value;
}

/**
 * A new order. A caseworker system (jobcentre or a-kasse) owns what it creates, the order is internal
 * unless it says otherwise (RecruitmentIsInternal defaults to TRUE), and RecruitmentCaseWorkerAllowed
 * attaches the creator's authority as coordinator. The system role creates orders on behalf of an
 * employer (Jobnet for Arbejdsgivere): those always get a coordinator at the responsible jobcentre
 * (001 §5.1, JobAG since 7 December 2020), and they too start internal, since v3 removed the automatic
 * release to the national list: the responsible jobcentre releases them when it is ready.
 */
export function validateNewJobOrder(input: NewJobOrderInput, creator: Identity, catalog: OccupationCatalog): NewJobOrder {
  const title = validateTitle(input.title);
  const description = validateDescription(input.description);
  const numberOfPositions = validateNumberOfPositions(input.numberOfPositions);
  const occupation = input.occupationCode ? chooseOccupation(catalog, input.occupationCode) : null;
  const isInternal = input.isInternal ?? true;
  const caller = callerAuthority(creator);
  if (caller) {
    if (input.responsibleJobcentre) {
      throw new DomainError(RecruitmentErrorCode.BAD_USER_INPUT, 'responsibleJobcentre is for orders created on behalf of an employer; your own authority owns the orders you create.', { field: 'responsibleJobcentre' });
    }
    const caseWorkerAllowed = input.caseWorkerAllowed ?? false;
    return { title, description, occupation, numberOfPositions, isInternal, caseWorkerAllowed, coordinatorKey: caseWorkerAllowed ? authorityKey(caller) : null, origin: 'CASEWORKER_SYSTEM', owner: caller };
  }
  const responsible = input.responsibleJobcentre?.trim() ?? '';
  if (!MUNICIPALITY_CODE.test(responsible)) {
    throw new DomainError(RecruitmentErrorCode.RESPONSIBLE_JOBCENTRE_REQUIRED, "An employer's order needs the responsible jobcentre's municipality code (3 digits).", { field: 'responsibleJobcentre' });
  }
  if (input.caseWorkerAllowed === false) {
    throw new DomainError(RecruitmentErrorCode.COORDINATOR_REQUIRED, 'Orders created by employers always get a coordinator (tovholder) at the responsible jobcentre.', { field: 'caseWorkerAllowed' });
  }
  const owner: AuthorityRef = { kind: 'JOBCENTRE', code: responsible };
  return { title, description, occupation, numberOfPositions, isInternal, caseWorkerAllowed: true, coordinatorKey: authorityKey(owner), origin: 'EMPLOYER', owner };
}

export interface ImportJobOrderInput {
  legacyId: string;
  title: string;
  description: string;
  occupationCode?: string | null;
  owningJobcentre: string;
  hasCoordinator: boolean;
  createdAt: Date;
}

/**
 * An order that existed before v3, brought over from the old system. With the v3 release every
 * existing order became public (RecruitmentIsInternal = FALSE, 001 §5.1), whatever is asked; its
 * title is converted to ESCO-STAR where one exists and carried as it was when retired.
 */
export function validateImport(input: ImportJobOrderInput, catalog: OccupationCatalog, toIsoDate: (d: Date) => string) {
  if (!input.legacyId.trim() || input.legacyId.length > 64) {
    throw new DomainError(RecruitmentErrorCode.BAD_USER_INPUT, 'legacyId is the id of 1 to 64 characters the order had in the old system.', { field: 'legacyId' });
  }
  if (toIsoDate(input.createdAt) >= V3_RELEASE_DATE) {
    throw new DomainError(RecruitmentErrorCode.IMPORT_NOT_BEFORE_V3, `Only orders created before ${V3_RELEASE_DATE} (CompanyRecruitmentService v3) are imported; create newer ones with createJobOrder.`, { field: 'createdAt' });
  }
  if (!MUNICIPALITY_CODE.test(input.owningJobcentre)) {
    throw new DomainError(RecruitmentErrorCode.BAD_USER_INPUT, "owningJobcentre is the responsible jobcentre's municipality code (3 digits).", { field: 'owningJobcentre' });
  }
  const owner: AuthorityRef = { kind: 'JOBCENTRE', code: input.owningJobcentre };
  return {
    title: validateTitle(input.title),
    description: validateDescription(input.description),
    occupation: input.occupationCode ? carryOccupation(catalog, input.occupationCode) : null,
    isInternal: false,
    caseWorkerAllowed: input.hasCoordinator,
    coordinatorKey: input.hasCoordinator ? authorityKey(owner) : null,
    origin: 'IMPORTED_BEFORE_V3' as const,
    owner,
  };
}

export interface CurrentJobOrder {
  title: string;
  description: string;
  occupationCode: string | null;
  occupationClassification: 'ESCO_STAR' | 'DISCO_AMS08' | null;
  isInternal: boolean;
  numberOfPositions: number | null;
  caseWorkerAllowed: boolean;
  coordinatorKey: string | null;
  origin: JobOrderOrigin;
  status: JobOrderStatus;
}

export interface JobOrderUpdateInput {
  title?: string | null;
  description?: string | null;
  occupationCode?: string | null;
  /** Explicit null clears it; left out keeps it. */
  numberOfPositions?: number | null;
  isInternal?: boolean | null;
  caseWorkerAllowed?: boolean | null;
}

export interface JobOrderChange {
  changes: Partial<CurrentJobOrder> & { originalOccupationCode?: string | null };
  /** In the order they are recorded: 4 for content, then 10 or 11 for visibility. */
  actionTypes: EventActionTypeId[];
}

/**
 * An edit of an order (UpdateCompanyRecruitment). Releasing to the national list and making it
 * internal again are updates too, each with its own event action type (10, 11). An order carrying a
 * retired title cannot be saved until a valid title is chosen (003).
 */
export function planJobOrderUpdate(current: CurrentJobOrder, input: JobOrderUpdateInput, editor: Identity, catalog: OccupationCatalog): JobOrderChange {
  if (current.status === 'CLOSED') throw new DomainError(RecruitmentErrorCode.JOB_ORDER_CLOSED, 'The job order is closed; the employer wants no more candidates. Create a new order instead.');
  const changes: JobOrderChange['changes'] = {};
  if (input.title !== undefined && input.title !== null) {
    const title = validateTitle(input.title);
    if (title !== current.title) changes.title = title;
  }
  if (input.description !== undefined) {
    if (input.description === null) throw new DomainError(RecruitmentErrorCode.DESCRIPTION_REQUIRED, 'The task description cannot be removed; leave the field out to keep it.', { field: 'description' });
    const description = validateDescription(input.description);
    if (description !== current.description) changes.description = description;
  }
  if (input.numberOfPositions !== undefined) {
    const positions = validateNumberOfPositions(input.numberOfPositions);
    if (positions !== current.numberOfPositions) changes.numberOfPositions = positions;
  }
  if (input.occupationCode) {
    const chosen = chooseOccupation(catalog, input.occupationCode);
    if (chosen.code !== current.occupationCode || current.occupationClassification !== 'ESCO_STAR') {
      changes.occupationCode = chosen.code;
      changes.occupationClassification = 'ESCO_STAR';
      // A DiscoAMS08 title leaving the order is kept for audit (003), whether converted now or replaced.
      const original = chosen.originalCode ?? (current.occupationClassification === 'DISCO_AMS08' ? current.occupationCode : null);
      if (original !== null) changes.originalOccupationCode = original;
    }
  } else if (carriesRetiredOccupation(catalog, current.occupationCode, current.occupationClassification)) {
    throw new DomainError(RecruitmentErrorCode.VALID_OCCUPATION_REQUIRED, `The order carries the retired title ${current.occupationCode}; choose a current ESCO-STAR title (occupationCode) to save it.`, {
      field: 'occupationCode',
      code: current.occupationCode,
    });
  }
  if (input.caseWorkerAllowed !== undefined && input.caseWorkerAllowed !== null && input.caseWorkerAllowed !== current.caseWorkerAllowed) {
    if (!input.caseWorkerAllowed && current.origin === 'EMPLOYER') {
      throw new DomainError(RecruitmentErrorCode.COORDINATOR_REQUIRED, 'Orders created by employers always keep a coordinator (tovholder).', { field: 'caseWorkerAllowed' });
    }
    const editorAuthority = callerAuthority(editor);
    changes.caseWorkerAllowed = input.caseWorkerAllowed;
    changes.coordinatorKey = input.caseWorkerAllowed ? (editorAuthority ? authorityKey(editorAuthority) : current.coordinatorKey) : null;
    if (input.caseWorkerAllowed && changes.coordinatorKey === null) {
      throw new DomainError(RecruitmentErrorCode.BAD_USER_INPUT, 'A coordinator is a caseworker at a jobcentre or a-kasse; STAR cannot attach itself.', { field: 'caseWorkerAllowed' });
    }
  }
  const actionTypes: EventActionTypeId[] = [];
  if (Object.keys(changes).length > 0) actionTypes.push(EventActionType.JOB_ORDER_UPDATED);
  if (input.isInternal !== undefined && input.isInternal !== null && input.isInternal !== current.isInternal) {
    changes.isInternal = input.isInternal;
    actionTypes.push(input.isInternal ? EventActionType.MADE_INTERNAL : EventActionType.RELEASED_TO_NATIONAL_LIST);
  }
  return { changes, actionTypes };
}

/** Status changes: closing is final (5); putting on hold and reopening are status updates (7). */
const STATUS_TRANSITIONS: Record<JobOrderStatus, Partial<Record<JobOrderStatus, EventActionTypeId>>> = {
  OPEN: { ON_HOLD: EventActionType.JOB_ORDER_STATUS_UPDATED, CLOSED: EventActionType.JOB_ORDER_CLOSED },
  ON_HOLD: { OPEN: EventActionType.JOB_ORDER_STATUS_UPDATED, CLOSED: EventActionType.JOB_ORDER_CLOSED },
  CLOSED: {},
};

export function statusChangeActionType(from: JobOrderStatus, to: JobOrderStatus): EventActionTypeId {
  const actionType = STATUS_TRANSITIONS[from][to];
  if (actionType === undefined) {
    const code = from === 'CLOSED' ? RecruitmentErrorCode.JOB_ORDER_CLOSED : RecruitmentErrorCode.JOB_ORDER_STATUS_TRANSITION_INVALID;
    throw new DomainError(code, `A job order that is ${from} cannot become ${to}.`, { field: 'status', from, to });
  }
  return actionType;
}

/** Mediations and employer briefings need an order that is open. */
export function requireOpen(status: JobOrderStatus): void {
  if (status === 'CLOSED') throw new DomainError(RecruitmentErrorCode.JOB_ORDER_CLOSED, 'The job order is closed; the employer wants no more candidates.');
  if (status !== 'OPEN') throw new DomainError(RecruitmentErrorCode.JOB_ORDER_NOT_OPEN, 'The job order is on hold; reopen it before mediating candidates.');
}
