// A candidate's way through a job order (001 §5.1): mediated (action type 1), approved by the
// coordinator and so made available to the employer (8), removed (6), result reported (9). With a
// coordinator (tovholder) the employer only sees approved candidates, so a result needs approval.
import type { IsoDate } from '../../../core/dates';
import { DomainError } from '../../../core/errors';
import { EventActionType, type EventActionTypeId } from './event-action-types';
import { RecruitmentErrorCode } from './error-codes';

export type MediationStatus = 'MEDIATED' | 'APPROVED_BY_COORDINATOR' | 'REMOVED' | 'RESULT_REPORTED';

/** Result of a mediation (resultat af formidling). */
export type MediationOutcome = 'HIRED' | 'NOT_HIRED' | 'DECLINED_BY_CANDIDATE';

export type MediationStep = 'REMOVE' | 'APPROVE' | 'REPORT_RESULT';

interface StepRule {
  actionType: EventActionTypeId;
  to: MediationStatus;
  from: (hasCoordinator: boolean) => readonly MediationStatus[];
}

/** The mediation state machine as a table: which statuses a step starts from and where it leads. */
export const MEDIATION_STEPS: Record<MediationStep, StepRule> = {
  REMOVE: { actionType: EventActionType.CANDIDATE_REMOVED, to: 'REMOVED', from: () => ['MEDIATED', 'APPROVED_BY_COORDINATOR'] },
  APPROVE: { actionType: EventActionType.CANDIDATE_APPROVED, to: 'APPROVED_BY_COORDINATOR', from: () => ['MEDIATED'] },
  REPORT_RESULT: {
    actionType: EventActionType.MEDIATION_RESULT,
    to: 'RESULT_REPORTED',
    from: (hasCoordinator) => (hasCoordinator ? ['APPROVED_BY_COORDINATOR'] : ['MEDIATED', 'APPROVED_BY_COORDINATOR']),
  },
};

/** The status a step leads to and its event action type, or a typed error naming what is wrong. */
export function planMediationStep(step: MediationStep, status: MediationStatus, hasCoordinator: boolean): { to: MediationStatus; actionType: EventActionTypeId } {
  if (step === 'APPROVE' && !hasCoordinator) {
    throw new DomainError(RecruitmentErrorCode.NO_COORDINATOR, 'The job order has no coordinator (tovholder); candidates go to the employer without approval.');
  }
  const rule = MEDIATION_STEPS[step];
  if (!rule.from(hasCoordinator).includes(status)) {
    if (step === 'REPORT_RESULT' && status === 'MEDIATED') {
      throw new DomainError(RecruitmentErrorCode.MEDIATION_NOT_APPROVED, 'The coordinator has not approved this candidate yet, so the employer has not seen them.');
    }
    throw new DomainError(RecruitmentErrorCode.MEDIATION_STATUS_INVALID, `A mediation that is ${status} cannot be ${step.toLowerCase().replace('_', ' ')}d.`, { status, step });
  }
  return { to: rule.to, actionType: rule.actionType };
}

/** A removed candidate may be mediated again (the same mediation reopens); any other status is a duplicate. */
export function canReopen(status: MediationStatus): boolean {
  return status === 'REMOVED';
}

/** The status each mediation event leads to: 1 Formidling (again after a removal) to MEDIATED, each step to its own. */
const STATUS_AFTER: ReadonlyMap<number, MediationStatus> = new Map([
  [EventActionType.MEDIATION, 'MEDIATED' as MediationStatus],
  ...Object.values(MEDIATION_STEPS).map((rule): [number, MediationStatus] => [rule.actionType, rule.to]),
]);

/** One event of a mediation as valid time sees it: its action type and the Copenhagen day it happened. */
export interface DatedMediationEvent {
  actionTypeId: number;
  day: IsoDate;
}

/**
 * The mediation's status at the end of `day`, from its events oldest first; null when the person was
 * not yet mediated then. A mediation's steps take effect when they are recorded, so its history is
 * its valid time (as of a past day a later removal or result is not shown).
 */
export function mediationStatusOn(events: readonly DatedMediationEvent[], day: IsoDate): MediationStatus | null {
  let status: MediationStatus | null = null;
  for (const event of events) {
    if (event.day > day) break;
    status = STATUS_AFTER.get(event.actionTypeId) ?? status;
  }
  return status;
}
