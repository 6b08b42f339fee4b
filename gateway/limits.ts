// Query limits checked before the gateway plans a query, with graphql-armor (a maintained set of
// validation rules) rather than hand-written visitors. `exposeLimits: false` keeps the numbers out
// of error messages so an attacker cannot tune a query to sit just under them; field suggestions
// ("did you mean …?") are blocked so the schema cannot be read out through typos.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { costLimitPlugin } from './cost';
import type { GatewayContext } from './context';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** The system role's batch work may ask for bigger pages. */
  systemMaxCost: number;
}

/** Deep enough for person → absences → type → …, far below what hurts a subgraph. */
export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 15, maxDirectives: 10, maxTokens: 2_000, maxCost: 20_000, systemMaxCost: 200_000 };

export interface Protection {
  plugins: ApolloServerPlugin<GatewayContext>[];
  validationRules: ValidationRule[];
}

export function queryProtection(limits: QueryLimits = DEFAULT_LIMITS): Protection {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, exposeLimits: false, flattenFragments: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: false },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: false },
    maxTokens: { n: limits.maxTokens, exposeLimits: false },
    // Cost is priced by page size in cost.ts; armor's flat field count would miss `first: 1000`.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins: [...plugins, costLimitPlugin(limits.maxCost, limits.systemMaxCost)], validationRules };
}
