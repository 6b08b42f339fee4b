// The CV requirement (cv-krav, seed 003): what a person must do with their CV on Jobnet, derived
// from the contact group, whether they are registered as a job seeker, and their absences.
import type { IsoDate } from '../../../core/dates';

export type CvRequirement = 'NONE' | 'REGISTER_NOT_SEARCHABLE' | 'SEARCHABLE';

/**
 * Groups whose members must have a searchable CV: the benefit groups that are available for work
 * (dagpenge, kontanthjælp, uddannelseshjælp, overgangsydelse/selvforsørgelsesydelse) and
 * fleksjobvisiterede ledige. Seeds 001 §3.2 and 003 name the levels, not a complete group list.
 */
const SEARCHABLE_GROUPS = new Set([1, 2, 7, 12, 26, 27, 28, 29]);

/** An absence's exemption from the CV requirement entirely (79 Sorgorlov, and 6/7/8/21). */
export const CV_EXEMPTION = 'CV';
/** An absence's exemption from making the CV searchable only. */
export const CV_SEARCHABLE_EXEMPTION = 'CV_SEARCHABLE';

/**
 * Absence types that never exempt from searchability, whatever exemptions they are delivered with:
 * 77 'På vej på erhvervsuddannelse' did so by mistake and was fixed (001 §2.9).
 */
const NEVER_EXEMPTS_SEARCHABILITY: ReadonlySet<number> = new Set([77]);

export interface AbsenceForCv {
  typeId: number;
  start: IsoDate;
  end: IsoDate | null;
  status: string;
  exemptions: readonly string[];
}

export interface CvRequirementInput {
  contactGroupId: number | null;
  /** Registered as a job seeker; deregistration ends the requirement (001 §3.2). */
  registered: boolean;
  absences: readonly AbsenceForCv[];
  today: IsoDate;
}

/** The CV exemptions of the absences in force today. */
export function cvExemptions(absences: readonly AbsenceForCv[], today: IsoDate): Set<string> {
  const found = new Set<string>();
  for (const absence of absences) {
    const inForce = absence.status === 'ACTIVE' && absence.start <= today && (absence.end === null || absence.end >= today);
    if (!inForce || NEVER_EXEMPTS_SEARCHABILITY.has(absence.typeId)) continue;
    for (const exemption of absence.exemptions) {
      if (exemption === CV_EXEMPTION || exemption === CV_SEARCHABLE_EXEMPTION) found.add(exemption);
    }
  }
  return found;
}

export function deriveCvRequirement(input: CvRequirementInput): CvRequirement {
  if (!input.registered || input.contactGroupId === null || !SEARCHABLE_GROUPS.has(input.contactGroupId)) return 'NONE';
  const exemptions = cvExemptions(input.absences, input.today);
  if (exemptions.has(CV_EXEMPTION)) return 'NONE';
  if (exemptions.has(CV_SEARCHABLE_EXEMPTION)) return 'REGISTER_NOT_SEARCHABLE';
  return 'SEARCHABLE';
}
