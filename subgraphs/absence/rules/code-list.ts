// The code list as `absenceTypes` exposes it, and look-up by DFDG id.
import { DomainError } from '../../../core/errors';
import { ABSENCE_TYPE_RULES, type AbsenceTypeRule } from './absence-types';
import { AbsenceErrorCode } from './error-codes';

/** What Jobnet shows for a type it cannot display yet (001 §2.1, §2.2 "Kendt problem"). */
export const UNKNOWN_DISPLAY_NAME = 'Ukendt';

const BY_ID = new Map(ABSENCE_TYPE_RULES.map((t) => [t.id, t]));

export function absenceTypeById(id: number): AbsenceTypeRule {
  const found = BY_ID.get(id);
  if (!found) throw new DomainError(AbsenceErrorCode.UNKNOWN_ABSENCE_TYPE, `Absence type ${id} is not in the DFDG code list; see absenceTypes for the valid ids.`, { typeId: id });
  return found;
}

export function displayName(type: AbsenceTypeRule): string {
  return type.displayableToCitizen ? type.name : UNKNOWN_DISPLAY_NAME;
}
