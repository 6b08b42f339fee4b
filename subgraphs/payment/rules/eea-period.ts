// EEA benefit periods (EØS-dagpenge on PD U2), UnemploymentFundPaymentService v4 (seed 001 §5.1):
// report, interrupt (the v4 update method), change the end, and what each may not do. Pure: the
// resolver passes in the person's memberships and periods as committed under the person's lock.
import { addDays, addWeeks, rangesOverlap, type IsoDate } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import { eeaCountry, interruptionCause } from './code-lists';
import { PaymentErrorCode } from './error-codes';
import { isMemberOn, type Membership } from './membership';

export interface EeaPeriod {
  paymentId: string;
  personId: string;
  country: string;
  start: IsoDate;
  end: IsoDate;
  interruptionDate: IsoDate | null;
  interruptionCauseId: number | null;
}

/**
 * The last day the period pays. An interruption date is the day the person stops being covered
 * (home and registered, at work, …), so coverage runs to the day before it. That is also why the
 * date must lie strictly inside the period: on the start day nothing would remain (that is a
 * deletion), on the end day nothing would be cut.
 */
export function coverageEnd(period: Pick<EeaPeriod, 'end' | 'interruptionDate'>): IsoDate {
  return period.interruptionDate === null ? period.end : addDays(period.interruptionDate, -1);
}

/** A PaymentIdentifier chosen by the a-kasse: 1 to 64 letters, digits, dots, underscores or dashes. */
export function parsePaymentId(value: string): string {
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(value)) {
    throw new DomainError(PaymentErrorCode.INVALID_PAYMENT_ID, 'A PaymentIdentifier is 1 to 64 letters, digits, dots, underscores or dashes.', { field: 'paymentId' });
  }
  return value;
}

/** Refuses a range that overlaps the coverage of another of the person's periods. */
function refuseOverlap(others: readonly EeaPeriod[], paymentId: string | null, range: { start: IsoDate; end: IsoDate }): void {
  const overlapping = others.find((p) => p.paymentId !== paymentId && rangesOverlap({ start: p.start, end: coverageEnd(p) }, range));
  if (overlapping) {
    throw new DomainError(
      PaymentErrorCode.EEA_PERIOD_OVERLAP,
      `The person already has EEA benefits from ${overlapping.start} to ${coverageEnd(overlapping)} (PaymentIdentifier ${overlapping.paymentId}); interrupt, shorten or delete that period first.`,
      { conflictingPaymentId: overlapping.paymentId },
    );
  }
}

export interface ReportRequest {
  /** The reporting a-kasse's number. */
  akasse: string;
  personId: string;
  country: string;
  start: IsoDate;
  end: IsoDate;
  /** The a-kasse's own PaymentIdentifier, or null to have one generated. */
  paymentId: string | null;
  memberships: readonly Membership[];
  /** The person's periods. */
  periods: readonly EeaPeriod[];
  /** The period already stored under `paymentId` (any person), if one is. */
  samePaymentId: EeaPeriod | null;
  /** The day the report is made: a period starts at most EEA_PERIOD_MAX_WEEKS_AHEAD after it. */
  today: IsoDate;
}

/**
 * How far ahead a reported period may start: 13 weeks, the window in which an a-kasse dates the
 * memberships it registers (membership.ts). The reporting fund must be the member's on the start, so
 * a later start could only rest on a register entry no a-kasse can make; until it starts the period
 * is shown as scheduled, not in force. The end may lie any time later (PD U2 periods run on).
 */
export const EEA_PERIOD_MAX_WEEKS_AHEAD = 13;

function refuseStartTooFarAhead(start: IsoDate, today: IsoDate): void {
  const latest = addWeeks(today, EEA_PERIOD_MAX_WEEKS_AHEAD);
  if (start <= latest) return;
  throw new DomainError(PaymentErrorCode.EEA_PERIOD_STARTS_TOO_FAR_AHEAD, `A reported EEA period starts at most ${EEA_PERIOD_MAX_WEEKS_AHEAD} weeks ahead (on ${latest} at the latest); report it nearer its start.`, {
    field: 'start',
    latest,
  });
}

export type ReportDecision = { action: 'CREATE' } | { action: 'ALREADY_REPORTED'; period: EeaPeriod };

/**
 * A new report. Only the a-kasse the person is a member of when the period starts reports it (it
 * pays the benefits). Resending a report with the same PaymentIdentifier and data is answered with
 * the stored period (an integration retrying after a timeout); different data is a conflict.
 */
export function decideReport(request: ReportRequest): ReportDecision {
  if (request.paymentId !== null) parsePaymentId(request.paymentId);
  eeaCountry(request.country);
  if (request.end < request.start) throw new DomainError(ErrorCode.INVALID_DATE_RANGE, 'The period ends before it starts.', { field: 'end' });
  refuseStartTooFarAhead(request.start, request.today);
  if (!isMemberOn(request.memberships, request.akasse, request.start)) {
    throw new DomainError(
      PaymentErrorCode.NOT_A_MEMBER_OF_AKASSE,
      `The person is not a member of a-kasse ${request.akasse} on ${request.start}; only the a-kasse the person is a member of when the period starts reports it.`,
      { field: 'start' },
    );
  }
  const existing = request.samePaymentId;
  if (existing) {
    const same = existing.personId === request.personId && existing.country === request.country && existing.start === request.start && existing.end === request.end;
    if (same) return { action: 'ALREADY_REPORTED', period: existing };
    throw new DomainError(PaymentErrorCode.PAYMENT_ID_CONFLICT, 'A different period is already reported with this PaymentIdentifier; use a new one, or update or delete that period.', { field: 'paymentId' });
  }
  refuseOverlap(request.periods, null, { start: request.start, end: request.end });
  return { action: 'CREATE' };
}

export interface Interruption {
  interruptionDate: IsoDate;
  causeId: number;
}

/**
 * The v4 update (UpdateEEABenefitsPaymentData): an interruption date strictly between start and
 * end and a cause 1-6. Returns false when the period already carries exactly this interruption.
 * A later interruption date lengthens coverage again, so it is checked against the other periods.
 */
export function validateInterruption(period: EeaPeriod, interruption: Interruption, others: readonly EeaPeriod[]): boolean {
  interruptionCause(interruption.causeId);
  const date = interruption.interruptionDate;
  if (!(period.start < date && date < period.end)) {
    throw new DomainError(
      PaymentErrorCode.INTERRUPTION_DATE_OUTSIDE_PERIOD,
      `The interruption date must lie after ${period.start} and before ${period.end}; to cancel the whole period, delete it.`,
      { field: 'interruptionDate' },
    );
  }
  if (period.interruptionDate === date && period.interruptionCauseId === interruption.causeId) return false;
  refuseOverlap(others, period.paymentId, { start: period.start, end: coverageEnd({ end: period.end, interruptionDate: date }) });
  return true;
}

export interface PeriodUpdate {
  start?: IsoDate;
  end?: IsoDate;
  country?: string;
}

/**
 * Changing a reported period. Start and EEA country are what identifies a PD U2 period to the
 * other country: changing them is delete and report again (001 §5.1). The end may move if the
 * period still ends after its interruption and overlaps no other. Returns the new end, or null
 * when nothing changes.
 */
export function validatePeriodUpdate(period: EeaPeriod, update: PeriodUpdate, others: readonly EeaPeriod[]): IsoDate | null {
  const changed = [update.start !== undefined && update.start !== period.start ? 'start' : null, update.country !== undefined && update.country !== period.country ? 'country' : null].filter(
    (field): field is string => field !== null,
  );
  if (changed.length > 0) {
    throw new DomainError(
      PaymentErrorCode.EEA_PERIOD_CHANGE_REQUIRES_DELETE_AND_REPORT,
      `The ${changed.join(' and ')} of a reported EEA period cannot be changed: delete the period and report it again.`,
      { field: changed[0] },
    );
  }
  if (update.end === undefined || update.end === period.end) return null;
  if (update.end < period.start) throw new DomainError(ErrorCode.INVALID_DATE_RANGE, `The period starts on ${period.start}; it cannot end before that.`, { field: 'end' });
  if (period.interruptionDate !== null && update.end <= period.interruptionDate) {
    throw new DomainError(
      PaymentErrorCode.EEA_PERIOD_END_NOT_AFTER_INTERRUPTION,
      `The period is interrupted on ${period.interruptionDate}; its end must stay after that date.`,
      { field: 'end' },
    );
  }
  refuseOverlap(others, period.paymentId, { start: period.start, end: coverageEnd({ end: update.end, interruptionDate: period.interruptionDate }) });
  return update.end;
}
