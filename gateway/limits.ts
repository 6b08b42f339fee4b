// The gateway's query limits: the hub's shared checks (core/query-limits.ts) at the numbers clients
// are held to, before the gateway plans a query. Every subgraph checks again at its own numbers.
import { GATEWAY_LIMITS, queryProtection as protection, type Protection, type QueryLimits } from '../core/query-limits';
import type { GatewayContext } from './context';

export function queryProtection(limits: QueryLimits = GATEWAY_LIMITS): Protection<GatewayContext> {
  return protection<GatewayContext>(limits);
}
