// Limits every GraphQL server of the hub applies before it executes anything: tokens (graphql-js's
// parser), depth, aliases and directives (graphql-armor's validation rules), cost (query-cost.ts)
// and text no database stores as written (input-text.ts). The gateway holds clients to
// GATEWAY_LIMITS; each subgraph holds whoever reaches it, the gateway included, to SUBGRAPH_LIMITS,
// so a leaked identity token or a caller inside the network cannot make a subgraph do unbounded work.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { costLimitPlugin } from './query-cost';
import type { Identity } from './identity';
import { refuseUnstorableTextPlugin } from './input-text';

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
export const GATEWAY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 15, maxDirectives: 10, maxTokens: 2_000, maxCost: 20_000, systemMaxCost: 200_000 };

/**
 * Above the gateway's, never below: a subgraph fetch is part of a client query the gateway already
 * held to its limits, plus what the planner adds (one `_entities` level, keys, `__typename`s, its
 * own aliases), and `_entities` is priced by the rows actually found, which may exceed the gateway's
 * estimate of an unpaged list. Still far from harm: cost stops person → absences → person … after
 * four lists, where unchecked it grew as 3^depth.
 */
export const SUBGRAPH_LIMITS: QueryLimits = {
  maxDepth: GATEWAY_LIMITS.maxDepth + 2,
  maxAliases: GATEWAY_LIMITS.maxAliases * 2,
  maxDirectives: GATEWAY_LIMITS.maxDirectives * 2,
  maxTokens: GATEWAY_LIMITS.maxTokens * 2,
  maxCost: GATEWAY_LIMITS.maxCost * 2,
  systemMaxCost: GATEWAY_LIMITS.systemMaxCost * 2,
};

export interface Protection<C extends BaseContext> {
  plugins: ApolloServerPlugin<C>[];
  validationRules: ValidationRule[];
  /** For ApolloServer's `parseOptions`: parsing stops at the token limit, a 400 (a plugin hook throwing would be a 500). */
  parseOptions: ParseOptions;
}

/**
 * `exposeLimits: false` keeps the numbers out of error messages so an attacker cannot tune a query
 * to sit just under them (error-masking.ts does the same for the parser's token limit).
 */
export function queryProtection<C extends BaseContext & { identity?: Identity }>(limits: QueryLimits): Protection<C> {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, exposeLimits: false, flattenFragments: true },
    maxAliases: { n: limits.maxAliases, exposeLimits: false },
    maxDirectives: { n: limits.maxDirectives, exposeLimits: false },
    // The parser counts tokens (parseOptions below); armor's own counter throws from a plugin hook.
    maxTokens: { enabled: false },
    // Cost is priced by page size in query-cost.ts; armor's flat field count would miss `first: 1000`.
    costLimit: { enabled: false },
    // Its pattern misses "Did you mean the enum value …"; error-masking.ts drops every suggestion.
    blockFieldSuggestion: { enabled: false },
  });
  const { validationRules } = armor.protect();
  return {
    plugins: [refuseUnstorableTextPlugin<C>(), costLimitPlugin<C>(limits.maxCost, limits.systemMaxCost)],
    validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
