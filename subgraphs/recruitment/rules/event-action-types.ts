// CompanyRecruitmentEventActionTypeIdentifier: what happened to a job order (001 §5.1). Ids are the
// DFDG ids integrations send; 10 and 11 are new in v3.
import { codeList } from '../../../core/code-list';

export const EventActionType = {
  MEDIATION: 1,
  EMPLOYER_BRIEFED: 2,
  JOB_ORDER_CREATED: 3,
  JOB_ORDER_UPDATED: 4,
  JOB_ORDER_CLOSED: 5,
  CANDIDATE_REMOVED: 6,
  JOB_ORDER_STATUS_UPDATED: 7,
  CANDIDATE_APPROVED: 8,
  MEDIATION_RESULT: 9,
  RELEASED_TO_NATIONAL_LIST: 10,
  MADE_INTERNAL: 11,
} as const;
export type EventActionTypeId = (typeof EventActionType)[keyof typeof EventActionType];

export interface EventActionTypeEntry {
  id: EventActionTypeId;
  name: string;
  description: string;
}

/** The code list as the seed prints it (001 §5.1). */
export const EVENT_ACTION_TYPES: readonly EventActionTypeEntry[] = [
  { id: 1, name: 'Formidling', description: 'Formidling af kandidater til ordinær jobordre' },
  { id: 2, name: 'Orientering til arbejdsgiver', description: 'Besked vedrørende ordinær jobordre uden formidling' },
  { id: 3, name: 'Jobordre oprettet', description: 'Jobordre oprettet. Jobcenter/a-kasse vil behandle ordren' },
  { id: 4, name: 'Jobordren er opdateret', description: 'Jobordren er opdateret' },
  { id: 5, name: 'Jobordren er lukket', description: 'Jobordren er lukket. Virksomheden ønsker ikke flere formidlinger' },
  { id: 6, name: 'Kandidat fjernet fra formidling', description: 'Kandidat fjernet fra formidling' },
  { id: 7, name: 'Jobordrens status er opdateret', description: 'Jobordrens status er blevet opdateret' },
  { id: 8, name: 'Kandidat gjort tilgængelig for virksomhed', description: 'Tovholder har godkendt kandidat' },
  { id: 9, name: 'Resultat af formidling foreligger', description: 'Resultat af formidling foreligger' },
  { id: 10, name: 'Jobordren er frigivet til offentlig synlighed og håndtering', description: 'Jobordren er frigivet til offentlig synlighed og håndtering' },
  { id: 11, name: 'Jobordren er gjort intern', description: 'Jobordren er kun synlig for de primære rekrutteringsmyndigheder' },
];

const ACTION_TYPES = codeList<number, EventActionTypeEntry>(EVENT_ACTION_TYPES, (t) => t.id, (id) => new Error(`Unknown event action type ${id}`));

/** Read back from stored job-order events, which only ever carry this list's ids: an unknown one is a bug. */
export function eventActionType(id: number): EventActionTypeEntry {
  return ACTION_TYPES.get(id);
}
