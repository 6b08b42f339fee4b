// Events the absence subgraph emits (the contract itself lives in common/ for its consumers) and
// the one it reacts to: person's CONTACT_GROUP_CHANGED (consumers.ts; the scheduled and cancelled
// kinds only date the shared directory's timeline).
export { AbsenceEvent, type AbsencePayload } from '../common/absence-events';
export { PersonEvent, isPersonEvent, type ContactGroupChangedPayload } from '../common/person-events';
