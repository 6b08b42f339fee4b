// Job-search confirmation (bekræft jobsøgning, seed 004): registered job seekers confirm their job
// search; a missing confirmation deregisters them; cash-benefit, start-help and introduction-benefit
// recipients deregistered for it within the last 7 days may re-register themselves, and the contact
// course continues.
import { DomainError } from '../../../core/errors';
import { addDays, type IsoDate } from '../../../core/dates';
import { PersonErrorCode } from './error-codes';
import type { JobSeekerStatus } from './registration';

/** Why a registration was deregistered, when the system did it. */
export type DeregistrationCause = 'MISSING_JOB_SEARCH_CONFIRMATION';

/**
 * How long a confirmation holds. NOT in the seeds (004 says only that job seekers confirm): Jobnet
 * asked registered job seekers to confirm their job search every 7 days, so a confirmation (or the
 * day a registration takes effect) is due again 7 days later, and a person who has not confirmed by
 * then is deregistered the day after.
 */
export const CONFIRMATION_INTERVAL_DAYS = 7;

/** 004: "indenfor de sidste 7 dage er afmeldt pga. manglende bekræftelse af jobsøgning". */
export const REREGISTRATION_WINDOW_DAYS = 7;

/**
 * 004: "Modtager af kontant- eller starthjælp eller af introduktionsydelse" may re-register
 * themselves. The 2010 benefits by today's contact groups: kontanthjælp is group 2, and for the young
 * uddannelseshjælp (12, split off kontanthjælp in 2014); starthjælp and introduktionsydelse became
 * integrationsydelse and then selvforsørgelses- og hjemrejseydelse (27) and overgangsydelse (26, 28,
 * 29). Keyed by the contact group the deregistered registration held.
 */
export const SELF_REREGISTRATION_GROUPS: ReadonlyMap<number, string> = new Map([
  [2, 'Kontanthjælpsmodtager (kontanthjælp, formerly also starthjælp)'],
  [12, 'Modtager af uddannelseshjælp (kontanthjælp for the young since 2014)'],
  [26, 'Overgangsydelsesmodtager efter LAB (formerly introduktionsydelse)'],
  [27, 'Selvforsørgelses- og hjemrejseydelsesmodtager efter INL (formerly starthjælp)'],
  [28, 'Uddannelsespålæg – Overgangsydelsesmodtager efter LAB'],
  [29, 'Overgangsydelsesmodtager efter INL (formerly introduktionsydelse)'],
]);

/** The last day the job search must be confirmed by, counted from a confirmation or the registration's first day. */
export function confirmationDueBy(from: IsoDate): IsoDate {
  return addDays(from, CONFIRMATION_INTERVAL_DAYS);
}

export interface ConfirmationState {
  status: JobSeekerStatus;
  /** Null on registrations from before the duty was recorded: they are never deregistered for it. */
  jobSearchConfirmationDueBy: IsoDate | null;
}

/** True when the registration is active and its confirmation was due before `day`. */
export function confirmationMissed(registration: ConfirmationState, day: IsoDate): boolean {
  return registration.status === 'ACTIVE' && registration.jobSearchConfirmationDueBy !== null && registration.jobSearchConfirmationDueBy < day;
}

/** The last day a person deregistered on `closedOn` may re-register themselves. */
export function reregistrationPossibleUntil(closedOn: IsoDate): IsoDate {
  return addDays(closedOn, REREGISTRATION_WINDOW_DAYS);
}

/** For a registration deregistered for a missing confirmation in a group that may re-register itself: its last day to do so; else null. */
export function selfReregistrationPossibleUntil(registration: PreviousRegistration): IsoDate | null {
  const { status, deregistrationCause, closedOn, contactGroupId } = registration;
  if (status !== 'DEREGISTERED' || deregistrationCause !== 'MISSING_JOB_SEARCH_CONFIRMATION' || closedOn === null) return null;
  return contactGroupId !== null && SELF_REREGISTRATION_GROUPS.has(contactGroupId) ? reregistrationPossibleUntil(closedOn) : null;
}

export interface PreviousRegistration {
  status: JobSeekerStatus;
  deregistrationCause: DeregistrationCause | null;
  closedOn: IsoDate | null;
  contactGroupId: number | null;
}

/**
 * May the person re-register themselves on `today`, continuing `previous` (their latest
 * registration)? Throws DomainError saying why not. The caller has checked no registration is open.
 */
export function assertMayReregister<T extends PreviousRegistration>(previous: T | null, today: IsoDate): asserts previous is T & { closedOn: IsoDate; contactGroupId: number } {
  if (!previous || previous.status !== 'DEREGISTERED' || previous.deregistrationCause !== 'MISSING_JOB_SEARCH_CONFIRMATION' || previous.closedOn === null) {
    throw new DomainError(
      PersonErrorCode.NOT_DEREGISTERED_FOR_MISSING_CONFIRMATION,
      'The person was not deregistered for a missing job-search confirmation, so they cannot re-register themselves: they register at the jobcentre.',
    );
  }
  if (previous.contactGroupId === null || !SELF_REREGISTRATION_GROUPS.has(previous.contactGroupId)) {
    throw new DomainError(
      PersonErrorCode.SELF_REREGISTRATION_NOT_FOR_CONTACT_GROUP,
      'Only cash-benefit, start-help and introduction-benefit recipients re-register themselves after a missing confirmation: the person registers at the jobcentre.',
      { contactGroupId: previous.contactGroupId },
    );
  }
  const until = reregistrationPossibleUntil(previous.closedOn);
  if (today > until) {
    throw new DomainError(
      PersonErrorCode.REREGISTRATION_WINDOW_PASSED,
      `A person deregistered for a missing confirmation may re-register themselves within ${REREGISTRATION_WINDOW_DAYS} days (until ${until}): the person registers at the jobcentre.`,
      { deregisteredOn: previous.closedOn, until },
    );
  }
}
