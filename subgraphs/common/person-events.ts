// The person subgraph's events other subgraphs consume: the contract between them. Add fields
// freely; change a field's meaning only with a new schemaVersion.

export const PersonEvent = {
  PERSON_UPSERTED: 'PERSON_UPSERTED',
  CONTACT_GROUP_CHANGED: 'CONTACT_GROUP_CHANGED',
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
