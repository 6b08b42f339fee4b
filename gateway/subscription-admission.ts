// Whether a subscription may start, decided once for every transport (graphql-ws, GraphQL over SSE,
// multipart HTTP): the identity's rate limit, the same validation and cost limits as a query, a
// registered document where the role requires one, a resume position the log has reached, and a
// slot under the per-connection and per-identity caps. A transport only authenticates, carries the
// results and releases the slot when its connection ends; what the subscriber receives and in which
// order is the one notification stream's.
import { GraphQLError, type ExecutionArgs, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { EventBus } from '../core/bus';
import { DomainError } from '../core/errors';
import type { Identity } from '../core/identity';
import type { ServiceMetrics } from '../core/metrics';
import type { QueryLimits } from '../core/query-limits';
import { followUpFor, type FollowUp } from './follow-up';
import type { NotificationStream, Subscriber } from './notification-stream';
import { decodePosition } from './notifications/positions';
import type { IdentityRateLimiter } from './rate-limit';
import type { SubscriptionSlots } from './subscription-limits';
import { checkSubscribe, type SubscribeRequest } from './subscription-validation';
import type { DocumentRequest, TrustedDocuments } from './trusted-documents';

export interface AdmissionOptions {
  apiSchema: () => GraphQLSchema;
  validationRules: ValidationRule[];
  queryLimits: QueryLimits;
  rateLimiter?: IdentityRateLimiter | null;
  trustedDocuments: TrustedDocuments;
  bus: EventBus;
  stream: NotificationStream;
  slots: SubscriptionSlots;
  metrics?: ServiceMetrics;
}

/** What a subscribe message may carry besides the query: a registered document's id, Apollo's hash. */
export interface SubscribePayload extends DocumentRequest {
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** The slots of one connection: a WebSocket's subscriptions, or the one of an HTTP stream. */
export interface Holder {
  identity: Identity;
  held: Set<string>;
}

interface SubscriptionContext {
  identity: Identity;
  followUp: FollowUp;
  after: number | null;
}

export class SubscriptionAdmission {
  /** Set when the gateway stops: an HTTP stream that ends then tells its client to resume elsewhere. */
  stopping = false;

  constructor(private readonly options: AdmissionOptions) {}

  /**
   * The arguments to subscribe with, or the errors to refuse with (codes as over HTTP). `resumeAfter`
   * is a position the transport carries outside the query (graphql-ws connectionParams, SSE's
   * Last-Event-ID); the later of it and the query's `after` wins.
   */
  async admit(holder: Holder, id: string, payload: SubscribePayload, resumeAfter?: unknown): Promise<ExecutionArgs | readonly GraphQLError[]> {
    const { identity } = holder;
    const { options } = this;
    try {
      await options.rateLimiter?.consume(identity);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      options.metrics?.refusals.inc({ kind: String(error.extensions.code) });
      // The same code and retry hint as over HTTP, without the HTTP status and headers.
      return [new GraphQLError(error.message, { extensions: { code: error.extensions.code, retryAfterSeconds: error.extensions.retryAfterSeconds } })];
    }
    try {
      const registered = options.trustedDocuments.resolve(payload);
      options.trustedDocuments.check(identity.role, registered.trusted);
      const request: SubscribeRequest = { query: registered.query, operationName: payload.operationName, variables: payload.variables };
      const schema = options.apiSchema();
      const checked = checkSubscribe(schema, request, identity, { rules: options.validationRules, limits: options.queryLimits });
      if ('errors' in checked) return checked.errors;
      const { document } = checked;
      const followUp = followUpFor(document, request.operationName);
      const variables = request.variables ?? {};
      const written = followUp.after.literal ?? (followUp.after.variable ? variables[followUp.after.variable] : undefined);
      const candidates = [written, resumeAfter].filter((p): p is string => typeof p === 'string' && p.length > 0).map(decodePosition);
      const after = candidates.length ? Math.max(...candidates) : null;
      // A position the log has not reached was never issued; resuming after it would silently skip
      // every notification up to it (the inbox refuses it the same way).
      if (after !== null && after > (await options.bus.latestSequence())) {
        return [new DomainError('INVALID_POSITION', 'That position lies beyond the newest notification, so it was not issued by this service; resume after a position you received.')];
      }
      options.slots.take(identity, holder.held, id);
      options.metrics?.subscriptionsOpen.inc();
      const contextValue: SubscriptionContext = { identity, followUp, after };
      return { schema, document, variableValues: variables, operationName: request.operationName, contextValue } as ExecutionArgs;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const code = String(error.extensions.code);
      if (code === 'TOO_MANY_SUBSCRIPTIONS' || code === 'OPERATION_NOT_TRUSTED') options.metrics?.refusals.inc({ kind: code });
      // Only the code travels: `http` is the HTTP path's status, not part of the error a subscriber reads.
      return [new GraphQLError(error.message, { extensions: { ...error.extensions, http: undefined } })];
    }
  }

  /** The admitted subscription's place in the notification stream. */
  subscribe(args: ExecutionArgs): Subscriber {
    const { identity, followUp, after } = args.contextValue as SubscriptionContext;
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    // Shared by subscribers with the same role, authority AND subject, as on the HTTP path
    // (data-source.ts): the answer would be the same for every caseworker of a jobcentre, but a
    // CPR in it must be audited under each caseworker who received it, not only the first.
    const key = `${identity.role}\u0000${identity.authority}\u0000${identity.subject}\u0000${followUp.text}\u0000${JSON.stringify(variables)}`;
    return this.options.stream.subscribe(identity, key, followUp.text, variables, after);
  }

  /** Frees the slot of subscription `id`; a second release does nothing. */
  release(holder: Holder, id: string): void {
    if (holder.held.has(id)) this.options.metrics?.subscriptionsOpen.dec();
    this.options.slots.release(holder.identity, holder.held, id);
  }

  /** Frees every slot of a closed connection. */
  releaseAll(holder: Holder): void {
    this.options.metrics?.subscriptionsOpen.dec(holder.held.size);
    this.options.slots.releaseAll(holder.identity, holder.held);
  }
}
