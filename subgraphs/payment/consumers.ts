// The payment subgraph's reactions to events: the shared person directory alone (known_person, the
// person's jobcentre, for authorization and for addressing events). The a-kasser it authorizes and
// addresses come from this subgraph's own register, committed with each write, not from events.
import type { ConsumerDefinition } from '../../core/consumer';
import { personDirectoryConsumer } from '../common/person-directory';

/** Every consumer the payment subgraph runs; the module (index.ts) registers them. */
export function consumers(): ConsumerDefinition[] {
  return [personDirectoryConsumer('payment')];
}
