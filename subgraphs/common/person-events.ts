// The person subgraph's events other subgraphs consume: the contract between them. Add fields
// freely; change a field's meaning only with a new schemaVersion.

export const PersonEvent = {
  PERSON_UPSERTED: 'PERSON_UPSERTED',
  CONTACT_GROUP_CHANGED: 'CONTACT_GROUP_CHANGED',
  VISITATION_CHANGED: 'VISITATION_CHANGED',
} as const;

export interface PersonUpsertedPayload {
  personId: string;
  cpr: string;
  municipalityCode: string;
  /** The jobcentre before this change, when it moved. */
  previousMunicipalityCode: string | null;
}

export interface ContactGroupChangedPayload {
  personId: string;
  registrationId: string;
  contactGroupId: number;
  start: string;
  previousContactGroupId: number | null;
  /** Raskmelding: the change ends a sick group (24/25). */
  recoveryCauseId: number | null;
}

/**
 * Visitation (personkategorisering). Job seekers are job-ready or activity-ready; young people on
 * uddannelseshjælp are obviously education-ready, education-ready or activity-ready; sick-benefit
 * cases have categories 1, 2 and (until 2025-01-01) 3.
 */
export type PersonCategory =
  | 'JOB_READY'
  | 'ACTIVITY_READY'
  | 'OBVIOUSLY_EDUCATION_READY'
  | 'EDUCATION_READY'
  | 'SICK_BENEFIT_1'
  | 'SICK_BENEFIT_2'
  | 'SICK_BENEFIT_3';

export interface VisitationChangedPayload {
  personId: string;
  /** Null when the visitation was ended. */
  category: PersonCategory | null;
  previousCategory: PersonCategory | null;
  /** True when the system made the change (the 2025-01-01 move of category 3 to 2). */
  automatic: boolean;
}
