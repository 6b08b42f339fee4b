// The person subgraph's rules: code lists and pure functions, no I/O (but reading the provisional
// code lists once, when loaded: code-lists/).
export * from './contact-groups';
export * from './cv-requirement';
export * from './registration';
export * from './job-search-confirmation';
export * from './holidays';
export * from './affiliation';
export * from './visitation';
export * from './sick-leave';
export * from './meetings';
export * from './access';
export * from './screening';
export { PersonErrorCode } from './error-codes';
export * from './cpr-visibility';
export * from './closed-data-areas';
export * from './joblog';
