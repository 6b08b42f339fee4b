// The payment subgraph's rules, one hop from here: code lists, the a-kasse register, EEA periods,
// the jobcentre's weekly view, and who may do what. Pure functions; the clock is passed in.
export * from './access';
export * from './code-lists';
export * from './coverage';
export * from './eea-period';
export * from './error-codes';
export * from './membership';
export * from './in-force';
