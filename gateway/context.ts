import type { Identity } from '../core/identity';

export interface GatewayContext {
  identity: Identity;
  /**
   * Time in this request during which at least one subgraph fetch was outstanding (parallel fetches
   * count once), for Server-Timing: total minus this is the gateway's own work.
   */
  /** The day the operation reads as of (gateway/as-of.ts); null or absent for today. */
  asOf?: string | null;
  /** The request's id (core/request-id.ts), sent on to every subgraph. */
  requestId?: string;
  timing?: { startedAt: number; subgraphMs: number; active: number; busySince: number };
}
