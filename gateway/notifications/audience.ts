// Who receives a notification: the authorities the producing subgraph addressed it to (see
// each subgraph's dispatch.ts), matched against the caller's role and authority.
import type { EventAuthorities } from '../../core/events';
import type { Identity, Role } from '../../core/identity';

const AUDIENCE: Record<Role, (authorities: EventAuthorities, authority: string) => boolean> = {
  caseworker: (a, authority) => a.jobcentres?.includes(authority) ?? false,
  akasse: (a, authority) => a.akasser?.includes(authority) ?? false,
  // Analysts work with aggregates; person-level change messages are not for them.
  analyst: () => false,
  // STAR's own integrations (repairs, monitoring) hear everything.
  system: () => true,
};

export function mayReceive(identity: Identity, authorities: EventAuthorities): boolean {
  return AUDIENCE[identity.role](authorities, identity.authority);
}
