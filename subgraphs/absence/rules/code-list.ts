// The code list as `absenceTypes` exposes it, and look-up by DFDG id.
import { codeList } from '../../../core/code-list';
import { DomainError } from '../../../core/errors';
import { ABSENCE_TYPE_RULES, type AbsenceTypeRule } from './absence-types';
import { AbsenceErrorCode } from './error-codes';

/** What Jobnet shows for a type it cannot display yet (001 §2.1, §2.2 "Kendt problem"). */
export const UNKNOWN_DISPLAY_NAME = 'Ukendt';

const ABSENCE_TYPES = codeList(ABSENCE_TYPE_RULES, (t) => t.id, (id) =>
  new DomainError(AbsenceErrorCode.UNKNOWN_ABSENCE_TYPE, `Absence type ${id} is not in the DFDG code list; see absenceTypes for the valid ids.`, { typeId: id }),
);

export function absenceTypeById(id: number): AbsenceTypeRule {
  return ABSENCE_TYPES.get(id);
}

export function displayName(type: AbsenceTypeRule): string {
  return type.displayableToCitizen ? type.name : UNKNOWN_DISPLAY_NAME;
}
