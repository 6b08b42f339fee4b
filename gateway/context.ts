import type { Identity } from '../core/identity';

export interface GatewayContext {
  identity: Identity;
}
