// Events the person subgraph emits (their payloads are the contract in subgraphs/common) and consumes.
export { PersonEvent, type PersonUpsertedPayload, type ContactGroupChangedPayload } from '../common/person-events';

/** Person consumes nothing yet; memberships and absence exemptions arrive with their issues. */
export const consumedStreams: string[] = [];
