// Person.exemptions(on): what the person's absences in force on a day exempt them from. The person
// subgraph's CV requirement and the joblog queries read it (DOMAIN.md, issue 4).
import type { IsoDate } from '../../../core/dates';
import { EXEMPTIONS, type Exemption } from '../../common/absence-events';
import { absenceTypeById } from './code-list';
import { isInForceOn, type AbsenceState } from './period';

/** The union of the exemptions of every absence in force on `day`, in the order of EXEMPTIONS. */
export function exemptionsOn(absences: readonly AbsenceState[], day: IsoDate): Exemption[] {
  const granted = new Set<Exemption>();
  for (const absence of absences) {
    if (isInForceOn(absence, day)) absenceTypeById(absence.typeId).exemptions.forEach((e) => granted.add(e));
  }
  return EXEMPTIONS.filter((e) => granted.has(e));
}

/** 001 §2.1, §2.2: joblog searches honour absences that exempt from keeping a joblog. */
export function isExemptFromJoblog(absences: readonly AbsenceState[], day: IsoDate): boolean {
  return exemptionsOn(absences, day).includes('JOBLOG');
}
