// Person.exemptions(on): what the person's absences in force on a day exempt them from. The person
// subgraph's CV requirement and the joblog queries read it (DOMAIN.md, issue 4). "In force" is the
// status on that day: within the dates and not on hold or ended by a reaction in force by then.
import type { IsoDate } from '../../../core/dates';
import { EXEMPTIONS, type Exemption } from '../../common/absence-events';
import { absenceTypeById } from './code-list';
import type { AbsenceState } from './period';
import { displayStatus, storedReactions, type StatusChange } from './status';

/** An absence's contact-group reactions; by default the one its stored row records. */
export type ReactionsOf = (absence: AbsenceState) => readonly StatusChange[];

/** The union of the exemptions of every absence in force on `day`, in the order of EXEMPTIONS. */
export function exemptionsOn(absences: readonly AbsenceState[], day: IsoDate, reactionsOf: ReactionsOf = storedReactions): Exemption[] {
  const granted = new Set<Exemption>();
  for (const absence of absences) {
    if (displayStatus(absence, day, reactionsOf(absence)) === 'ACTIVE') absenceTypeById(absence.typeId).exemptions.forEach((e) => granted.add(e));
  }
  return EXEMPTIONS.filter((e) => granted.has(e));
}

/** 001 §2.1, §2.2: joblog searches honour absences that exempt from keeping a joblog. */
export function isExemptFromJoblog(absences: readonly AbsenceState[], day: IsoDate, reactionsOf?: ReactionsOf): boolean {
  return exemptionsOn(absences, day, reactionsOf).includes('JOBLOG');
}
