// The query-plan cache: sized explicitly, and warmed at start with the operations the front ends
// are known to send (gateway/warm-operations.graphql), so the first caseworker of the morning does
// not pay for planning. Plans are keyed by the operation, not its variables, so planning each known
// operation once is enough.
import fs from 'node:fs';
import path from 'node:path';
import { parse, print } from 'graphql';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { ApolloServer } from '@apollo/server';
import type { QueryPlan } from '@apollo/query-planner';
import { logger } from '../core/logger';
import type { GatewayContext } from './context';

/** 50 MiB of plans: thousands of distinct operations, far more than our front ends send. */
export const QUERY_PLAN_CACHE_BYTES = 50 * 2 ** 20;

export function queryPlanCache(maxBytes = QUERY_PLAN_CACHE_BYTES): InMemoryLRUCache<QueryPlan> {
  return new InMemoryLRUCache<QueryPlan>({ maxSize: maxBytes, sizeCalculation: (plan) => Buffer.byteLength(JSON.stringify(plan), 'utf8') });
}

export const WARM_OPERATIONS_FILE = path.join(__dirname, 'warm-operations.graphql');

/** Each named operation of the file on its own, as a client would send it. */
export function warmOperations(file = WARM_OPERATIONS_FILE): string[] {
  if (!fs.existsSync(file)) return [];
  const document = parse(fs.readFileSync(file, 'utf8'));
  const fragments = document.definitions.filter((d) => d.kind === 'FragmentDefinition');
  return document.definitions
    .filter((d) => d.kind === 'OperationDefinition')
    .map((operation) => print({ kind: document.kind, definitions: [operation, ...fragments] }));
}

/**
 * Plans every known operation by executing it as the system role with empty variables: the plan is
 * made and cached before execution, and whatever the subgraphs answer is thrown away (a variable
 * left out fails validation of the fetch, not planning, so nothing is read or written).
 */
export async function warmQueryPlans(apollo: ApolloServer<GatewayContext>, file = WARM_OPERATIONS_FILE): Promise<number> {
  let planned = 0;
  for (const query of warmOperations(file)) {
    if (/^\s*mutation\b/.test(query)) continue;
    await apollo
      .executeOperation({ query, variables: {} }, { contextValue: { identity: { subject: 'plan-warmer', role: 'system', authority: 'STAR' } } })
      .then(() => planned++)
      .catch((error: unknown) => logger.warn({ error: String(error) }, 'warming a query plan failed'));
  }
  return planned;
}
