// The absence subgraph's rules: the type table and pure checks, no I/O, today passed in.
import { addDays, daysBetween } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import type { Role } from '../../../core/identity';
import { ABSENCE_TYPE_RULES, type AbsenceTypeRule } from './absence-types';

export { ABSENCE_TYPE_RULES, type AbsenceTypeRule } from './absence-types';

export interface AbsenceTypeView extends AbsenceTypeRule {
  displayName: string;
}

/** The code list as `absenceTypes` exposes it. */
export const ABSENCE_TYPES: readonly AbsenceTypeView[] = ABSENCE_TYPE_RULES.map((t) => ({ ...t, displayName: t.displayableToCitizen ? t.name : 'Ukendt' }));
const BY_ID = new Map(ABSENCE_TYPES.map((t) => [t.id, t]));

export function absenceTypeById(id: number): AbsenceTypeView {
  const found = BY_ID.get(id);
  if (!found) throw new DomainError('UNKNOWN_ABSENCE_TYPE', `Absence type ${id} is not in the DFDG code list.`, { typeId: id });
  return found;
}

export interface ExistingAbsence {
  typeId: number;
  start: string;
  end: string | null;
}

export interface RegistrationInput {
  typeId: number;
  start: string;
  end: string | null;
  contactGroupId: number | null;
  registrantRole: Role;
  today: string;
  existingAbsences: readonly ExistingAbsence[];
}

export function validateRegistration(input: RegistrationInput): AbsenceTypeView {
  const type = absenceTypeById(input.typeId);
  if (type.retired) throw new DomainError('ABSENCE_TYPE_RETIRED', `${type.name} is retired and can no longer be registered.`);
  if (input.end !== null && input.end < input.start) throw new DomainError(ErrorCode.INVALID_DATE_RANGE, 'The end date is before the start date.', { field: 'end' });
  if (type.validFrom && input.start < type.validFrom) throw new DomainError('ABSENCE_TYPE_NOT_YET_VALID', `${type.name} can be used from ${type.validFrom}.`);
  if (!type.registeredBy.includes(input.registrantRole)) throw new DomainError('REGISTRANT_NOT_ALLOWED', `${type.name} is registered by the jobcentre.`);
  if (type.allowedContactGroups && (input.contactGroupId === null || !type.allowedContactGroups.includes(input.contactGroupId))) {
    throw new DomainError('ABSENCE_TYPE_NOT_ALLOWED_FOR_CONTACT_GROUP', `${type.name} cannot be registered for a person in contact group ${input.contactGroupId ?? '(none)'}.`);
  }
  if (type.maxBackdatingDays !== null && input.start < addDays(input.today, -type.maxBackdatingDays)) {
    throw new DomainError('BACKDATING_LIMIT_EXCEEDED', `${type.name} can start at most ${type.maxBackdatingDays / 7} weeks back, on ${addDays(input.today, -type.maxBackdatingDays)} at the earliest.`);
  }
  if (type.maxDurationDays !== null && (input.end === null || daysBetween(input.start, input.end) + 1 > type.maxDurationDays)) {
    throw new DomainError('MAX_DURATION_EXCEEDED', `${type.name} lasts at most ${type.maxDurationDays} days; give an end date no later than ${addDays(input.start, type.maxDurationDays - 1)}.`);
  }
  for (const other of input.existingAbsences) {
    const overlaps = (other.end === null || other.end >= input.start) && (input.end === null || input.end >= other.start);
    if (overlaps && type.noOverlapWith.includes(other.typeId)) {
      throw new DomainError('ABSENCE_OVERLAP_NOT_ALLOWED', `${type.name} cannot overlap absence type ${other.typeId}.`);
    }
  }
  return type;
}

export type AbsenceStatus = 'PLANNED' | 'ACTIVE' | 'ON_HOLD' | 'ENDED' | 'DELETED';

export function deriveStatus(absence: { start: string; end: string | null; onHold: boolean; deletedAt: Date | null }, today: string): AbsenceStatus {
  if (absence.deletedAt) return 'DELETED';
  if (absence.end !== null && absence.end < today) return 'ENDED';
  if (absence.onHold) return 'ON_HOLD';
  return absence.start > today ? 'PLANNED' : 'ACTIVE';
}
