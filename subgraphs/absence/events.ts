// Events the absence subgraph emits; the contract itself lives in common/ for its consumers.
export { AbsenceEvent, type AbsencePayload } from '../common/absence-events';
