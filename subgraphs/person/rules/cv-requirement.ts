// The CV requirement (cv-krav, seed 003): what a person must do with their CV on Jobnet, derived
// from the contact group, whether they are registered as a job seeker, and their exemptions.

export type CvRequirement = 'NONE' | 'REGISTER_NOT_SEARCHABLE' | 'SEARCHABLE';

/**
 * Groups whose members must have a searchable CV: the benefit groups that are available for work
 * (dagpenge, kontanthjælp, uddannelseshjælp, overgangsydelse/selvforsørgelsesydelse) and
 * fleksjobvisiterede ledige. Seeds 001 §3.2 and 003 name the levels, not a complete group list.
 */
const SEARCHABLE_GROUPS = new Set([1, 2, 7, 12, 26, 27, 28, 29]);

export interface CvRequirementInput {
  contactGroupId: number | null;
  /** Registered as a job seeker; deregistration ends the requirement (001 §3.2). */
  registered: boolean;
  /** Exemptions from absences: 'CV' removes the requirement, 'CV_SEARCHABLE' only searchability. */
  exemptions: ReadonlySet<string>;
}

export function deriveCvRequirement(input: CvRequirementInput): CvRequirement {
  if (!input.registered || input.contactGroupId === null || !SEARCHABLE_GROUPS.has(input.contactGroupId)) return 'NONE';
  if (input.exemptions.has('CV')) return 'NONE';
  if (input.exemptions.has('CV_SEARCHABLE')) return 'REGISTER_NOT_SEARCHABLE';
  return 'SEARCHABLE';
}
