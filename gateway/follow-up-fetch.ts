// Runs a follow-up query (follow-up.ts) for one event through the gateway's own pipeline, under the
// subscriber's identity: subgraph access rules and the CPR audit apply as to any client request.
// Shared by live subscriptions and push delivery.
import { randomUUID } from 'node:crypto';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { ApolloServer } from '@apollo/server';
import type { Identity } from '../core/identity';
import { runInRequest } from '../core/request-id';
import type { GatewayContext } from './context';
import { POSITION_VARIABLE } from './follow-up';
import { encodePosition } from './notifications/positions';

/** The selection's result for the event at `sequence`; null when nothing in it is visible to the caller. */
export async function executeFollowUp(apollo: ApolloServer<GatewayContext>, identity: Identity, query: string, variables: Record<string, unknown>, sequence: number): Promise<ExecutionResult | null> {
  // A request id of its own, like a client request's: on the subgraph calls, their audit rows and logs, and its errors.
  const requestId = randomUUID();
  const response = await runInRequest({ requestId, errorCodes: [] }, () =>
    apollo.executeOperation({ query, variables: { ...variables, [POSITION_VARIABLE]: encodePosition(sequence) } }, { contextValue: { identity, requestId } }),
  );
  if (response.body.kind !== 'single') return null;
  const { data, errors } = response.body.singleResult;
  const payload = (data as Record<string, unknown> | null | undefined) ?? null;
  if (!errors && (!payload || Object.values(payload).every((v) => v === null))) return null;
  // Apollo hands back formatted errors; graphql-ws serialises GraphQLError instances.
  const graphqlErrors = errors?.map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions }));
  return { data: payload, ...(graphqlErrors ? { errors: graphqlErrors } : {}) };
}
