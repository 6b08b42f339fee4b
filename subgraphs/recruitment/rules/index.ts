// The recruitment subgraph's rules (CompanyRecruitmentService v3, 001 §5.1): job-order input and
// who may see an order. Pure functions, no I/O.
import { DomainError, ErrorCode } from '../../../core/errors';
import type { Identity } from '../../../core/identity';

/** Event action types 1-11 (001 §5.1) used so far. */
export const EventActionTypeId = { MEDIATION: 1, JOB_ORDER_CREATED: 3, JOB_ORDER_UPDATED: 4 } as const;

/** The task description holds up to 5000 characters (was 2000). */
export const MAX_DESCRIPTION_LENGTH = 5000;

export interface NewJobOrderInput {
  title: string;
  description: string;
  occupationCode?: string | null;
  numberOfPositions?: number | null;
  isInternal?: boolean | null;
}

export interface ValidJobOrder {
  title: string;
  description: string;
  occupationCode: string | null;
  numberOfPositions: number | null;
  isInternal: boolean;
}

export function validateNewJobOrder(input: NewJobOrderInput, creator: Identity): ValidJobOrder {
  const title = input.title.trim();
  if (!title || title.length > 200) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'A title of 1 to 200 characters is required.', { field: 'title' });
  if (!input.description.trim()) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'A task description is required.', { field: 'description' });
  if (input.description.length > MAX_DESCRIPTION_LENGTH) {
    throw new DomainError('DESCRIPTION_TOO_LONG', `The task description holds at most ${MAX_DESCRIPTION_LENGTH} characters; it has ${input.description.length}.`, { field: 'description' });
  }
  const positions = input.numberOfPositions ?? null;
  if (positions !== null && (!Number.isInteger(positions) || positions < 1)) {
    throw new DomainError('NUMBER_OF_POSITIONS_INVALID', 'The number of positions is a whole number of at least 1, or left out.', { field: 'numberOfPositions' });
  }
  // RecruitmentIsInternal defaults to TRUE when a caseworker system creates the order.
  const createdByCaseworkerSystem = creator.role === 'caseworker' || creator.role === 'akasse';
  return { title, description: input.description, occupationCode: input.occupationCode ?? null, numberOfPositions: positions, isInternal: input.isInternal ?? createdByCaseworkerSystem };
}

export interface OrderVisibility {
  isInternal: boolean;
  owningRole: string;
  owningAuthority: string;
  collaborationAuthorities: readonly string[];
}

/**
 * Public orders are visible to every caseworker, a-kasse and analyst. Internal ones only to the
 * owner, its recruitment collaboration, jobcentres whose citizen is mediated to it, and the system.
 */
export function canSee(order: OrderVisibility, identity: Identity, context: { mediatedCitizensJobcentres: readonly string[] }): boolean {
  if (!order.isInternal || identity.role === 'system') return true;
  if (identity.role === 'analyst') return false;
  return (
    // An a-kasse number can equal a municipality code, so the role must match too.
    (order.owningRole === identity.role && order.owningAuthority === identity.authority) ||
    order.collaborationAuthorities.includes(identity.authority) ||
    (identity.role === 'caseworker' && context.mediatedCitizensJobcentres.includes(identity.authority))
  );
}
