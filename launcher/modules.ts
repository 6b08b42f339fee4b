// The domain subgraph modules, loaded by name when a process asks for one: `npm start -- --subgraph
// person` loads person's code and no other subgraph's; the embedded mode and the benchmarks load all.
import type { SubgraphModule } from '../core/subgraph-server';

// Each subgraph has its own loader type; the server factory never looks inside it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySubgraphModule = SubgraphModule<any>;

/*
 * `require`, not `import()`: a subgraph's code is read only when it is asked for, in every runner
 * (Jest's CommonJS runtime refuses a dynamic import() without experimental VM modules).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const LOADERS = {
  person: () => (require('../subgraphs/person') as typeof import('../subgraphs/person')).personSubgraph,
  absence: () => (require('../subgraphs/absence') as typeof import('../subgraphs/absence')).absenceSubgraph,
  plan: () => (require('../subgraphs/plan') as typeof import('../subgraphs/plan')).planSubgraph,
  recruitment: () => (require('../subgraphs/recruitment') as typeof import('../subgraphs/recruitment')).recruitmentSubgraph,
  payment: () => (require('../subgraphs/payment') as typeof import('../subgraphs/payment')).paymentSubgraph,
} satisfies Record<string, () => AnySubgraphModule>;
/* eslint-enable @typescript-eslint/no-require-imports */

export type DomainSubgraphName = keyof typeof LOADERS;

/** The five domain subgraphs, in the order the embedded mode starts them. */
export const DOMAIN_SUBGRAPHS = Object.keys(LOADERS) as DomainSubgraphName[];

export function isDomainSubgraph(name: string): name is DomainSubgraphName {
  return Object.hasOwn(LOADERS, name);
}

/** One subgraph's module, loading its code now. */
export function loadSubgraphModule(name: string): AnySubgraphModule {
  if (!isDomainSubgraph(name)) throw new Error(`Unknown subgraph "${name}"; expected one of ${DOMAIN_SUBGRAPHS.join(', ')}`);
  return LOADERS[name]();
}

/** All five domain subgraphs' modules. */
export function loadSubgraphModules(): AnySubgraphModule[] {
  return DOMAIN_SUBGRAPHS.map(loadSubgraphModule);
}
