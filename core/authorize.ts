// Role checks every subgraph shares. Which role may do what is domain logic and lives in each
// subgraph's resolvers; this only turns a "no" into the one error clients expect.
import { DomainError, ErrorCode } from './errors';
import type { Identity, Role } from './identity';

export function forbidden(message: string): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, message);
}

/** Throws FORBIDDEN unless the caller has one of the roles. */
export function requireRole(identity: Identity, ...roles: Role[]): void {
  if (!roles.includes(identity.role)) {
    // The error carries the path of the field refused; a query may hold fields the role may read.
    throw forbidden(`This field is not available to the ${identity.role} role.`);
  }
}
