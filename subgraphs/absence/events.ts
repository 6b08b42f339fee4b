// Events the absence subgraph emits (the contract itself lives in common/ for its consumers) and
// the one it consumes: person's CONTACT_GROUP_CHANGED (consumers.ts).
export { AbsenceEvent, type AbsencePayload } from '../common/absence-events';
export { PersonEvent, isPersonEvent, type ContactGroupChangedPayload } from '../common/person-events';
