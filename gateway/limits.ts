// The gateway's query limits: the hub's shared checks (core/query-limits.ts) at the numbers clients
// are held to, and the subgraphs' date checks, before the gateway plans a query. Every subgraph
// checks again at its own numbers.
import { GATEWAY_LIMITS, queryProtection as protection, type Protection, type QueryLimits } from '../core/query-limits';
import type { GatewayContext } from './context';
import { inputScalarsPlugin } from './input-scalars';

export function queryProtection(limits: QueryLimits = GATEWAY_LIMITS): Protection<GatewayContext> {
  const shared = protection<GatewayContext>(limits);
  return { ...shared, plugins: [inputScalarsPlugin(), ...shared.plugins] };
}
