// The person subgraph's rules: code lists and pure functions, no I/O.
export { CONTACT_GROUPS, WITHOUT_BENEFIT, contactGroup, type ContactGroup } from './contact-groups';
export { deriveCvRequirement, type CvRequirement, type CvRequirementInput } from './cv-requirement';
