// What every recruitment resolver and mutation receives: the request's identity, clock, EntityManager
// and DataLoaders (a mutation works on its own fork, writes.ts's inTransaction).
import type { SubgraphContext } from '../../../core/subgraph-server';
import type { RecruitmentLoaders } from '../loaders';

export type Context = SubgraphContext<RecruitmentLoaders>;
