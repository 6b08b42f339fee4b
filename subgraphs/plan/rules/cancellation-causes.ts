// Causes for cancelling (annullering) or interrupting (afbrydelse) an activity, and whether ending
// one tells the a-kasse through a negative reportable event (negativ underretningspligtig hændelse, NUPH).
import { codeList } from '../../../core/code-list';
import { DomainError } from '../../../core/errors';
import { PlanErrorCode } from './error-codes';

export interface CancellationCause {
  readonly id: number;
  readonly name: string;
  /** True when ending an activity with this cause is a NUPH the a-kasse must hear about. */
  readonly negativeReportableEvent: boolean;
}

/** 'Revision af Plan': the cause seed 001 §4.2 names as one that never makes a NUPH. */
export const PLAN_REVISION = 901;

/**
 * Seed 001 §4.2 names only 'Revision af Plan', and no seed gives cause ids. 901–904 are this
 * project's ids; 902–904 are placeholders NOT from the seeds, there so the NUPH flag has both
 * values to act on. Replace the list with STAR's causes and ids when those are known.
 */
export const CANCELLATION_CAUSES: readonly CancellationCause[] = [
  { id: PLAN_REVISION, name: 'Revision af Plan', negativeReportableEvent: false },
  { id: 902, name: 'Udeblevet uden gyldig grund', negativeReportableEvent: true },
  { id: 903, name: 'Ophørt uden gyldig grund', negativeReportableEvent: true },
  { id: 904, name: 'Overgået til beskæftigelse', negativeReportableEvent: false },
];

/**
 * Frames whose activities never make a NUPH. Seed 001 §4.2 calls the NUPH on ending a frame-18
 * (mink pool) activity a known bug ("ved en fejl") to be fixed: the pool exempts its participants
 * from availability duties, so ending an activity there is not a breach to report.
 */
const FRAMES_WITHOUT_NUPH: readonly number[] = [18];

const CAUSES = codeList(CANCELLATION_CAUSES, (cause) => cause.id, (id) =>
  new DomainError(PlanErrorCode.UNKNOWN_CANCELLATION_CAUSE, `Cause ${id} does not exist: choose a cause from the code list.`, { causeId: id }),
);

/** The cause with this id; throws UNKNOWN_CANCELLATION_CAUSE. */
export function cancellationCause(id: number): CancellationCause {
  return CAUSES.get(id);
}

/** True when ending an activity on `frameId` (null = no frame) with `causeId` makes a NUPH. */
export function nuphRequired(input: { frameId: number | null; causeId: number }): boolean {
  const cause = cancellationCause(input.causeId);
  if (input.frameId !== null && FRAMES_WITHOUT_NUPH.includes(input.frameId)) return false;
  return cause.negativeReportableEvent;
}
