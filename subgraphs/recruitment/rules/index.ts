// The recruitment subgraph's rules: pure functions and code lists, no I/O, the clock passed in.
export * from './access';
export * from './authorities';
export * from './collaborations';
export * from './error-codes';
export * from './event-action-types';
export * from './job-ads';
export * from './job-orders';
export * from './mediation';
export * from './occupations';
