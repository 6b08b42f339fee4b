// Registering and updating an absence: the checks of DOMAIN.md "Subgraph: absence", in the order a
// caseworker fixes them (dates first, then the type against the person, then other absences). The
// type is checked against the contact group in force on the absence's own start (issue 18): today's
// group for one starting before a pending change, the future group for one starting on or after it.
import { addWeeks, rangesOverlap, type IsoDate } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import { contactGroupOn, type ContactGroupRecord } from '../../common/contact-group-timeline';
import type { AbsenceTypeRule } from './absence-types';
import { absenceTypeById } from './code-list';
import { AbsenceErrorCode } from './error-codes';
import { describeDuration, effectivePeriod, latestEnd, type AbsenceState, type Period } from './period';

export type { Period };

export interface RegistrationInput extends Period {
  typeId: number;
  /** The person's dated contact groups (the local projection of person's events). */
  contactGroups: ContactGroupRecord;
  today: IsoDate;
  /** The person's other absences, any status. */
  existingAbsences: readonly AbsenceState[];
}

export interface UpdateInput {
  current: AbsenceState;
  next: Period;
  contactGroups: ContactGroupRecord;
  today: IsoDate;
  existingAbsences: readonly AbsenceState[];
}

/** Returns the type when an absence of it may be registered with these dates; else throws. */
export function validateRegistration(input: RegistrationInput): AbsenceTypeRule {
  const type = absenceTypeById(input.typeId);
  if (type.retired) throw new DomainError(AbsenceErrorCode.ABSENCE_TYPE_RETIRED, `${type.name} (${type.id}) is retired and can no longer be registered.`, { typeId: type.id });
  validatePeriod(type, input, input.today, true);
  validateContactGroupOnStart(type, input.start, input.contactGroups);
  validateNoOverlap(type, null, input, input.existingAbsences);
  return type;
}

/**
 * An update changes the dates of an absence that is still in force (active, planned or on hold),
 * never past its type's maximum duration (001 §2.6). A moved start is checked like a new one: the
 * back-dating limit and the contact group in force on it; an unchanged start was checked at
 * registration.
 */
export function validateUpdate(input: UpdateInput): AbsenceTypeRule {
  const type = absenceTypeById(input.current.typeId);
  if (input.current.status !== 'ACTIVE' && input.current.status !== 'ON_HOLD') {
    throw new DomainError(AbsenceErrorCode.ABSENCE_NOT_CHANGEABLE, `The absence is ${input.current.status.toLowerCase()} and can no longer be changed; register a new one instead.`, { status: input.current.status });
  }
  if (input.next.start === input.current.start && input.next.end === input.current.end) {
    throw new DomainError(AbsenceErrorCode.NOTHING_TO_UPDATE, 'The new dates are the same as the registered ones.');
  }
  const startMoved = input.next.start !== input.current.start;
  validatePeriod(type, input.next, input.today, startMoved);
  if (startMoved) validateContactGroupOnStart(type, input.next.start, input.contactGroups);
  validateNoOverlap(type, input.current.id, input.next, input.existingAbsences);
  return type;
}

function validatePeriod(type: AbsenceTypeRule, period: Period, today: IsoDate, startIsNew: boolean): void {
  if (period.end !== null && period.end < period.start) {
    throw new DomainError(ErrorCode.INVALID_DATE_RANGE, 'The end date is before the start date.', { field: 'end' });
  }
  if (type.validFrom && period.start < type.validFrom) {
    throw new DomainError(AbsenceErrorCode.ABSENCE_TYPE_NOT_YET_VALID, `${type.name} (${type.id}) can be used from ${type.validFrom}; choose a start on or after it.`, { validFrom: type.validFrom });
  }
  if (startIsNew && type.maxBackdatingWeeks !== null) {
    const earliest = addWeeks(today, -type.maxBackdatingWeeks);
    if (period.start < earliest) {
      throw new DomainError(
        AbsenceErrorCode.BACKDATING_LIMIT_EXCEEDED,
        `${type.name} (${type.id}) can start at most ${type.maxBackdatingWeeks} weeks back, on ${earliest} at the earliest.`,
        { earliestStart: earliest },
      );
    }
  }
  if (type.maxDuration !== null) {
    const last = latestEnd(period.start, type.maxDuration);
    if (period.end === null || period.end > last) {
      throw new DomainError(
        AbsenceErrorCode.MAX_DURATION_EXCEEDED,
        `${type.name} (${type.id}) lasts at most ${describeDuration(type.maxDuration)}; give an end date no later than ${last}.`,
        { latestEnd: last },
      );
    }
  }
}

/**
 * The type must be allowed in the group the person is in on the start: a change of group after the
 * start is met by the hold/end rules on its own day (rules/contact-group-change.ts).
 */
function validateContactGroupOnStart(type: AbsenceTypeRule, start: IsoDate, contactGroups: ContactGroupRecord): void {
  const group = contactGroupOn(contactGroups, start);
  if (group === null) {
    throw new DomainError(AbsenceErrorCode.NO_OPEN_CONTACT_GROUP, `The person has no contact group in force on ${start}; register the contact group before the absence, or start the absence later.`, { start });
  }
  if (type.allowedContactGroups && !type.allowedContactGroups.includes(group)) {
    throw new DomainError(
      AbsenceErrorCode.ABSENCE_TYPE_NOT_ALLOWED_FOR_CONTACT_GROUP,
      `${type.name} (${type.id}) cannot start on ${start}: the person is in contact group ${group} that day, and the type is allowed in groups ${type.allowedContactGroups.join(', ')}.`,
      { typeId: type.id, contactGroupId: group, start },
    );
  }
}

/** 001 §2.1: 79 and 8 never overlap, whichever came first. */
function validateNoOverlap(type: AbsenceTypeRule, ownId: string | null, period: Period, others: readonly AbsenceState[]): void {
  for (const other of others) {
    if (other.id === ownId || !type.noOverlapWith.includes(other.typeId)) continue;
    const otherPeriod = effectivePeriod(other);
    if (otherPeriod && rangesOverlap(period, otherPeriod)) {
      throw new DomainError(
        AbsenceErrorCode.ABSENCE_OVERLAP_NOT_ALLOWED,
        `${type.name} (${type.id}) cannot overlap absence type ${other.typeId} (${otherPeriod.start} – ${otherPeriod.end ?? 'open'}); change the dates of one of them.`,
        { conflictingAbsenceId: other.id, conflictingTypeId: other.typeId },
      );
    }
  }
}
