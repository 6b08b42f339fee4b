// The recruitment subgraph's reactions to other subgraphs' events: only the shared person directory
// (the citizen's jobcentre and a-kasser, for who may see and must hear of a mediation).
import type { ConsumerDefinition } from '../../core/consumer';
import { personDirectoryConsumer } from '../common/person-directory';

/** Every consumer of the recruitment subgraph, as the module starts them. */
export function consumers(): ConsumerDefinition[] {
  return [personDirectoryConsumer('recruitment')];
}
