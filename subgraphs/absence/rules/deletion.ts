// Deleting an absence (001 §2.3): future ones always; started ones too, except the types whose
// deletion could not be rolled back — whatever the person's contact group is now, or if none.
import type { IsoDate } from '../../../core/dates';
import { DomainError } from '../../../core/errors';
import { absenceTypeById } from './code-list';
import { AbsenceErrorCode } from './error-codes';
import type { AbsenceState } from './period';

/** Long enough for a correction note, short enough that nobody pastes a case file into it. */
export const MAX_COMMENT_LENGTH = 2000;

export interface DeletionInput {
  absence: AbsenceState;
  /** The correction comment (rettelseskommentar); required. */
  comment: string;
  today: IsoDate;
}

export interface DeletionDecision {
  comment: string;
  /**
   * True when a started absence that presupposes deregistration (6, 7, 8, 21) is deleted: DFDG
   * does not re-register the person, so the caseworker must do it if the person should be.
   */
  reRegistrationRequired: boolean;
}

export function validateDeletion(input: DeletionInput): DeletionDecision {
  const type = absenceTypeById(input.absence.typeId);
  const comment = input.comment.trim();
  if (input.absence.status === 'DELETED') {
    throw new DomainError(AbsenceErrorCode.ABSENCE_ALREADY_DELETED, 'The absence is already deleted; a deletion cannot be undone, but you can register a new absence.');
  }
  if (!comment) throw new DomainError(AbsenceErrorCode.DELETION_COMMENT_REQUIRED, 'Write a correction comment saying why the absence is deleted.', { field: 'comment' });
  if (comment.length > MAX_COMMENT_LENGTH) {
    throw new DomainError(AbsenceErrorCode.DELETION_COMMENT_TOO_LONG, `The correction comment holds at most ${MAX_COMMENT_LENGTH} characters.`, { field: 'comment' });
  }
  // 001 §2.3: "startdatoen ikke var overskredet (dvs. dags dato eller fremtidig)": an absence that
  // starts today has not passed its start date and can always be deleted.
  const pastStart = input.absence.start < input.today;
  if (pastStart && !type.deletableOnceStarted) {
    throw new DomainError(
      AbsenceErrorCode.ABSENCE_NOT_DELETABLE,
      `${type.name} (${type.id}) cannot be deleted once it has started; end it with an update instead.`,
      { typeId: type.id },
    );
  }
  // Deregistration took effect on the start day, so deleting even on that day leaves the person
  // deregistered.
  const tookEffect = input.absence.start <= input.today;
  return { comment, reRegistrationRequired: tookEffect && type.presupposesDeregistration };
}
