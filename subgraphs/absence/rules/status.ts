// The status a caller sees: the stored one, refined by today's date for absences in force.
import type { IsoDate } from '../../../core/dates';
import type { AbsenceState } from './period';

export type AbsenceDisplayStatus = 'PLANNED' | 'ACTIVE' | 'ON_HOLD' | 'ENDED' | 'DELETED';

export function displayStatus(absence: Pick<AbsenceState, 'status' | 'start' | 'end'>, today: IsoDate): AbsenceDisplayStatus {
  if (absence.status !== 'ACTIVE') return absence.status;
  if (absence.end !== null && absence.end < today) return 'ENDED';
  return absence.start > today ? 'PLANNED' : 'ACTIVE';
}
