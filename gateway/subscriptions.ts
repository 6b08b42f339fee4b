// graphql-ws on the gateway's own /graphql path: authenticates the connection with the same JWT
// (connectionParams.authorization) and closes it when that token expires, admits each subscription
// as every transport does (subscription-admission.ts: limits, validation against the supergraph's
// API schema, trusted documents), and serves it from the notification stream.
// Identical follow-up fetches of subscribers with the same role, authority, document and variables
// are made once per event.
import type http from 'node:http';
import { type ExecutionArgs, type ExecutionResult, type GraphQLSchema, type ValidationRule } from 'graphql';
import type { ApolloServer } from '@apollo/server';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { BusEvent, EventBus } from '../core/bus';
import type { Identity } from '../core/identity';
import { logger } from '../core/logger';
import type { ServiceMetrics } from '../core/metrics';
import type { QueryLimits } from '../core/query-limits';
import { contextFrom, inSpan } from '../core/telemetry';
import type { ClientAuthenticator } from './client-auth';
import type { GatewayContext } from './context';
import { NotificationStream, type StreamOptions, type Subscriber } from './notification-stream';
import { executeFollowUp } from './follow-up-fetch';
import type { IdentityRateLimiter } from './rate-limit';
import { closeAtExpiry, DEFAULT_SUBSCRIPTION_LIMITS, SubscriptionSlots, type SubscriptionLimits } from './subscription-limits';
import { SubscriptionAdmission, type Holder } from './subscription-admission';
import type { TrustedDocuments } from './trusted-documents';

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
  /** Registered operations, and the roles that may run only those (trusted-documents.ts). */
  trustedDocuments: TrustedDocuments;
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

/** An authenticated socket's slots (onConnect refuses every other). */
function holderOf(state: SocketState): Holder {
  return { identity: state.identity!, held: state.held! };
}

export interface SubscriptionServer {
  stream: NotificationStream;
  /** The same admission for the HTTP transports (GraphQL over SSE, multipart). */
  admission: SubscriptionAdmission;
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
  const admission = new SubscriptionAdmission({ ...options, stream, slots: new SubscriptionSlots(limits) });
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
        // graphql-ws clients re-subscribe with their first variables after a reconnect; the position
        // the client last saw travels in connectionParams, which it re-reads on every reconnect.
        const admitted = await admission.admit(holderOf(ctx.extra), id, payload, ctx.connectionParams?.resumeAfter);
        return Array.isArray(admitted) ? [...admitted] : (admitted as ExecutionArgs);
      },
      subscribe: (args: ExecutionArgs) => admission.subscribe(args),
      onError: (_ctx, _id, _payload, errors) => void logger.warn({ errors: errors.map((e) => e.message) }, 'subscription refused'),
      // onComplete runs however a started subscription ends (completed, failed, or its socket closed),
      // onClose once per socket; a release happens once, whichever comes first.
      onComplete: (ctx, id) => {
        if (ctx.extra.identity) admission.release(holderOf(ctx.extra), id);
      },
      onClose: (ctx) => {
        clearTimeout(ctx.extra.expiry);
        if (ctx.extra.identity) admission.releaseAll(holderOf(ctx.extra));
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
    admission,
    async close({ kill = false } = {}) {
      // 1012 "Service Restart" first: clients reconnect and resume, instead of being told their
      // subscriptions completed (which is what ending the streams on an open socket would say).
      // A kill sends nothing: the client sees the connection drop (1006), as when a process dies.
      // HTTP streams end with a SERVICE_UNAVAILABLE that says where to resume (http-subscription.ts).
      admission.stopping = !kill;
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
