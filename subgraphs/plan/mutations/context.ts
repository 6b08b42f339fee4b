// What every plan resolver receives, and the "who wrote this" stamp versions carry.
import type { SubgraphContext } from '../../../core/subgraph-server';
import type { PlanLoaders } from '../loaders';

export type Context = SubgraphContext<PlanLoaders>;

export function author(ctx: Context): string {
  return `${ctx.identity.role}:${ctx.identity.authority}`;
}
