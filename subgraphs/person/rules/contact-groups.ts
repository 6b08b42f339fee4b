// The contact-group code list (kontaktgrupper) with the DFDG ids the seeds give (DOMAIN.md).
import { DomainError } from '../../../core/errors';

export interface ContactGroup {
  id: number;
  name: string;
}

/** 'Uden ydelse' is registered in DFDG but the seeds give it no id; 99 is ours and clashes with none. */
export const WITHOUT_BENEFIT = 99;

export const CONTACT_GROUPS: readonly ContactGroup[] = [
  { id: 1, name: 'Dagpengemodtager' },
  { id: 2, name: 'Kontanthjælpsmodtager' },
  { id: 4, name: 'Revalidering' },
  { id: 5, name: 'For-revalidering' },
  { id: 6, name: 'Sygedagpengemodtager' },
  { id: 7, name: 'Fleksjobvisiteret (ledig)' },
  { id: 10, name: 'Fleksjobansat' },
  { id: 11, name: 'Ressourceforløb' },
  { id: 12, name: 'Modtager af uddannelseshjælp' },
  { id: 13, name: 'Jobafklaring' },
  { id: 14, name: 'Førtidspensionister' },
  { id: 15, name: 'Kompensation til handicappede i beskæftigelse' },
  { id: 16, name: 'Unge u. 18' },
  { id: 17, name: 'Selvforsørgede, ikke i beskæftigelse' },
  { id: 21, name: 'Voksenelever' },
  { id: 22, name: 'Jobrotation' },
  { id: 23, name: 'Seniorjob' },
  { id: 24, name: 'Sygedagpengemodtager fra beskæftigelse' },
  { id: 25, name: 'Sygedagpengemodtager fra ledighed' },
  { id: 26, name: 'Overgangsydelsesmodtager efter LAB' },
  { id: 27, name: 'Selvforsørgelses- og hjemrejseydelsesmodtager efter INL' },
  { id: 28, name: 'Uddannelsespålæg – Overgangsydelsesmodtager efter LAB' },
  { id: 29, name: 'Overgangsydelsesmodtager efter INL' },
  { id: WITHOUT_BENEFIT, name: 'Uden ydelse' },
];

const BY_ID = new Map(CONTACT_GROUPS.map((g) => [g.id, g]));

/** The contact group with this DFDG id, or UNKNOWN_CONTACT_GROUP. */
export function contactGroup(id: number): ContactGroup {
  const group = BY_ID.get(id);
  if (!group) throw new DomainError('UNKNOWN_CONTACT_GROUP', `Contact group ${id} is not in the DFDG code list.`, { contactGroupId: id });
  return group;
}
