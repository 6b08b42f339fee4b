// Causes for cancelling (annullering) or interrupting (afbrydelse) an activity, and whether ending
// one tells the a-kasse through a negative reportable event (negativ underretningspligtig hændelse, NUPH).
import { codeList } from '../../../core/code-list';
import { DomainError } from '../../../core/errors';
import { planCodeList } from '../code-lists';
import { PlanErrorCode } from './error-codes';

export interface CancellationCause {
  readonly id: number;
  readonly name: string;
  /** True when ending an activity with this cause is a NUPH the a-kasse must hear about. */
  readonly negativeReportableEvent: boolean;
}

/**
 * Seed 001 §4.2 names only 'Revision af Plan', and no seed gives cause ids: the ids and names are a
 * provisional list (code-lists/cancellation-causes.json) an operator maps to STAR's causes. The keys
 * besides PLAN_REVISION are placeholders NOT from the seeds, there so the NUPH rule has both answers.
 */
const CODES = planCodeList('cancellation-causes', ['PLAN_REVISION', 'ABSENT_WITHOUT_GOOD_REASON', 'STOPPED_WITHOUT_GOOD_REASON', 'TRANSFERRED_TO_EMPLOYMENT'] as const);
type CauseKey = (typeof CODES.all)[number]['key'];

/**
 * The rule: ending an activity for one of these causes is a NUPH. 001 §4.2: 'Revision af Plan' never
 * is (the plan changed, not the citizen's availability); leaving for a job is not a breach either.
 */
const NUPH_CAUSES: ReadonlySet<CauseKey> = new Set(['ABSENT_WITHOUT_GOOD_REASON', 'STOPPED_WITHOUT_GOOD_REASON']);

/** 'Revision af Plan': the cause seed 001 §4.2 names as one that never makes a NUPH. */
export const PLAN_REVISION = CODES.PLAN_REVISION.id;

export const CANCELLATION_CAUSES: readonly CancellationCause[] = CODES.all.map(({ key, id, name }) => ({ id, name, negativeReportableEvent: NUPH_CAUSES.has(key) }));

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
