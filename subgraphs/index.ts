// Every subgraph module, for the embedded mode and the tests.
import type { SubgraphModule } from '../core/subgraph-server';
import { personSubgraph } from './person';
import { absenceSubgraph } from './absence';
import { planSubgraph } from './plan';
import { recruitmentSubgraph } from './recruitment';
import { paymentSubgraph } from './payment';

// Each subgraph has its own loader type; the server factory never looks inside it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySubgraphModule = SubgraphModule<any>;

export const subgraphModules: AnySubgraphModule[] = [personSubgraph, absenceSubgraph, planSubgraph, recruitmentSubgraph, paymentSubgraph];

export function subgraphModule(name: string): AnySubgraphModule {
  const found = subgraphModules.find((m) => m.name === name);
  if (!found) throw new Error(`Unknown subgraph "${name}"; expected one of ${subgraphModules.map((m) => m.name).join(', ')}`);
  return found;
}
