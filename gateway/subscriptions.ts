// graphql-ws on the gateway's own /graphql path: authenticates the connection with the same JWT
// (connectionParams.authorization) and closes it when that token expires, validates each
// subscription against the supergraph's API schema, and serves it from the notification stream.
// Identical follow-up fetches of subscribers with the same role, authority, document and variables
// are made once per event.
import type http from 'node:http';
import { GraphQLError, type ExecutionArgs, type ExecutionResult, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { ApolloServer } from '@apollo/server';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { BusEvent, EventBus } from '../core/bus';
import { DomainError } from '../core/errors';
import type { Identity } from '../core/identity';
import { logger } from '../core/logger';
import type { ServiceMetrics } from '../core/metrics';
import type { QueryLimits } from '../core/query-limits';
import { contextFrom, inSpan } from '../core/telemetry';
import type { ClientAuthenticator } from './client-auth';
import type { GatewayContext } from './context';
import { followUpFor, type FollowUp } from './follow-up';
import { executeFollowUp } from './follow-up-fetch';
import { NotificationStream, type StreamOptions, type Subscriber } from './notification-stream';
import { decodePosition } from './notifications/positions';
import type { IdentityRateLimiter } from './rate-limit';
import { closeAtExpiry, DEFAULT_SUBSCRIPTION_LIMITS, SubscriptionSlots, type SubscriptionLimits } from './subscription-limits';
import { checkSubscribe } from './subscription-validation';

export interface SubscriptionServerOptions {
  httpServer: http.Server;
  apollo: ApolloServer<GatewayContext>;
  apiSchema: () => GraphQLSchema;
  /** The gateway's query limits, applied to subscriptions too: its validation rules and its numbers. */
  validationRules: ValidationRule[];
  queryLimits: QueryLimits;
  authenticator: ClientAuthenticator;
  /** The HTTP path's per-identity budget: each subscribe operation spends one request of it. */
  rateLimiter?: IdentityRateLimiter | null;
  /** Frames larger than this are refused unread (close 1009): the HTTP body limit. */
  maxPayloadBytes: number;
  bus: EventBus;
  stream?: Partial<StreamOptions>;
  limits?: Partial<SubscriptionLimits>;
  /** Counts live subscriptions and the refusals of the WebSocket path (HTTP's are counted by core/http.ts). */
  metrics?: ServiceMetrics;
}

/** What the gateway keeps on each socket once it is authenticated (a type: graphql-ws wants an index signature). */
type SocketState = {
  identity?: Identity;
  /** Ids of the subscriptions holding a slot (subscription-limits.ts). */
  held?: Set<string>;
  expiry?: NodeJS.Timeout;
};

interface SubscriptionContext {
  identity: Identity;
  followUp: FollowUp;
  after: number | null;
}

export interface SubscriptionServer {
  stream: NotificationStream;
  close(options?: { kill?: boolean }): Promise<void>;
}

export async function startSubscriptionServer(options: SubscriptionServerOptions): Promise<SubscriptionServer> {
  const inFlight = new Map<string, Promise<ExecutionResult | null>>();

  // A follow-up fetch continues the trace of the change that caused the notification (the event's
  // envelope), so one trace shows a mutation, its consumers and what each subscriber was sent.
  const fetchOne = (subscriber: Subscriber, event: BusEvent): Promise<ExecutionResult | null> =>
    inSpan('gateway', 'notification follow-up', { parent: contextFrom(event.traceContext), attributes: { 'dfdg.event.kind': event.kind, 'dfdg.notification.sequence': event.sequence } }, () => fetchFollowUp(subscriber, event));

  const fetchFollowUp = (subscriber: Subscriber, event: BusEvent): Promise<ExecutionResult | null> =>
    executeFollowUp(options.apollo, subscriber.identity, subscriber.query, subscriber.variables, event.sequence);

  const fetch = (subscriber: Subscriber, event: BusEvent): Promise<ExecutionResult | null> => {
    const key = `${subscriber.key}\u0000${event.sequence}`;
    const pending = inFlight.get(key);
    if (pending) return pending;
    const started = fetchOne(subscriber, event).finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };

  const stream = new NotificationStream(options.bus, fetch, { maxQueue: 1000, maxReplayBuffer: 10_000, ...options.stream });
  await stream.start();

  const limits = { ...DEFAULT_SUBSCRIPTION_LIMITS, ...options.limits };
  const slots = new SubscriptionSlots(limits);
  // ws reads a frame's length from its header and closes with 1009 before buffering more than
  // this, so an oversized frame is never read whole, let alone parsed (its default is 100 MiB).
  const wsServer = new WebSocketServer({ server: options.httpServer, path: '/graphql', maxPayload: options.maxPayloadBytes });
  const cleanup = useServer<Record<string, unknown>, SocketState>(
    {
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        try {
          const { identity, expiresAt } = await options.authenticator.authenticateWithExpiry(typeof authorization === 'string' ? authorization : undefined);
          ctx.extra.identity = identity;
          ctx.extra.held = new Set();
          // Authenticated once, here: the socket must not outlive the token that opened it.
          ctx.extra.expiry = closeAtExpiry(ctx.extra.socket, expiresAt);
          return true;
        } catch {
          return false; // graphql-ws closes with 4403 Forbidden
        }
      },
      onSubscribe: async (ctx, id, payload) => {
        const identity = ctx.extra.identity!;
        try {
          await options.rateLimiter?.consume(identity);
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          options.metrics?.refusals.inc({ kind: String(error.extensions.code) });
          // The same code and retry hint as over HTTP, without the HTTP status and headers.
          return [new GraphQLError(error.message, { extensions: { code: error.extensions.code, retryAfterSeconds: error.extensions.retryAfterSeconds } })];
        }
        const schema = options.apiSchema();
        const checked = checkSubscribe(schema, payload, identity, { rules: options.validationRules, limits: options.queryLimits });
        if ('errors' in checked) return checked.errors;
        const { document } = checked;
        try {
          const followUp = followUpFor(document, payload.operationName);
          const variables = payload.variables ?? {};
          const written = followUp.after.literal ?? (followUp.after.variable ? variables[followUp.after.variable] : undefined);
          // graphql-ws clients re-subscribe with their first variables after a reconnect; the position
          // the client last saw travels in connectionParams, which it re-reads on every reconnect.
          const resumed = ctx.connectionParams?.resumeAfter;
          const candidates = [written, resumed].filter((p): p is string => typeof p === 'string' && p.length > 0).map(decodePosition);
          const after = candidates.length ? Math.max(...candidates) : null;
          // A position the log has not reached was never issued; resuming after it would silently skip
          // every notification up to it (the inbox refuses it the same way).
          if (after !== null && after > (await options.bus.latestSequence())) {
            return [new DomainError('INVALID_POSITION', 'That position lies beyond the newest notification, so it was not issued by this service; resume after a position you received.')];
          }
          slots.take(identity, ctx.extra.held!, id);
          options.metrics?.subscriptionsOpen.inc();
          const contextValue: SubscriptionContext = { identity, followUp, after };
          return { schema, document, variableValues: variables, operationName: payload.operationName, contextValue } as ExecutionArgs;
        } catch (error) {
          if (error instanceof DomainError) {
            if (error.code === 'TOO_MANY_SUBSCRIPTIONS') options.metrics?.refusals.inc({ kind: error.code });
            return [error];
          }
          throw error;
        }
      },
      subscribe: (args: ExecutionArgs) => {
        const { identity, followUp, after } = args.contextValue as SubscriptionContext;
        const variables = (args.variableValues ?? {}) as Record<string, unknown>;
        // Shared by subscribers with the same role, authority AND subject, as on the HTTP path
        // (data-source.ts): the answer would be the same for every caseworker of a jobcentre, but a
        // CPR in it must be audited under each caseworker who received it, not only the first.
        const key = `${identity.role}\u0000${identity.authority}\u0000${identity.subject}\u0000${followUp.text}\u0000${JSON.stringify(variables)}`;
        return stream.subscribe(identity, key, followUp.text, variables, after);
      },
      onError: (_ctx, _id, _payload, errors) => void logger.warn({ errors: errors.map((e) => e.message) }, 'subscription refused'),
      // onComplete runs however a started subscription ends (completed, failed, or its socket closed),
      // onClose once per socket; a release happens once, whichever comes first.
      onComplete: (ctx, id) => {
        if (!ctx.extra.identity) return;
        if (ctx.extra.held!.has(id)) options.metrics?.subscriptionsOpen.dec();
        slots.release(ctx.extra.identity, ctx.extra.held!, id);
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiry);
        if (!ctx.extra.identity) return;
        options.metrics?.subscriptionsOpen.dec(ctx.extra.held!.size);
        slots.releaseAll(ctx.extra.identity, ctx.extra.held!);
      },
    },
    wsServer,
  );
  // ws closes a socket that breaks the protocol (an oversized or malformed frame) itself, with the
  // right code (1009, 1002), and then reports it as a socket error, which graphql-ws logs as an
  // internal error with a stack: any client could fill the log. Those are the client's; the rest
  // still go to graphql-ws. (Registered after useServer, so its listener is there to take over.)
  wsServer.on('connection', (socket) => {
    const [fromGraphqlWs] = socket.listeners('error');
    socket.removeAllListeners('error');
    socket.on('error', (error: Error & { code?: string }) => {
      if (error.code?.startsWith('WS_ERR_')) logger.warn({ code: error.code }, 'WebSocket frame refused');
      else fromGraphqlWs?.call(socket, error);
    });
  });

  return {
    stream,
    async close({ kill = false } = {}) {
      // 1012 "Service Restart" first: clients reconnect and resume, instead of being told their
      // subscriptions completed (which is what ending the streams on an open socket would say).
      // A kill sends nothing: the client sees the connection drop (1006), as when a process dies.
      for (const socket of wsServer.clients) {
        if (kill) socket.terminate();
        else socket.close(1012, 'Gateway restarting: reconnect and resume after your last position');
      }
      await stream.stop();
      await cleanup.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
