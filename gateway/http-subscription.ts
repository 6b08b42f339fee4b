// What GraphQL over SSE and multipart HTTP share: the bearer header authenticates the request (as on
// /graphql), each request carries one subscription holding one slot of its identity's cap, and the
// stream ends with the position to resume after when the token expires (UNAUTHENTICATED, as a
// WebSocket is closed then) or the gateway stops (SERVICE_UNAVAILABLE, as a WebSocket gets 1012).
// The slot is released however the stream ends, the client leaving included.
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { GraphQLError, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Identity } from '../core/identity';
import { noteCaller } from '../core/request-id';
import type { ClientAuthenticator } from './client-auth';
import type { Subscriber } from './notification-stream';
import { encodePosition } from './notifications/positions';
import type { Holder, SubscriptionAdmission } from './subscription-admission';
import { closeAtExpiry } from './subscription-limits';

export interface StreamCaller {
  identity: Identity;
  /** Epoch ms when the bearer token expires. */
  expiresAt: number;
}

/** The caller of an HTTP subscription request, or UNAUTHENTICATED (a GraphQLError with HTTP 401). */
export async function authenticateStream(authenticator: ClientAuthenticator, req: http.IncomingMessage): Promise<StreamCaller> {
  const header = req.headers.authorization;
  const caller = await authenticator.authenticateWithExpiry(Array.isArray(header) ? header[0] : header);
  noteCaller(caller.identity);
  return caller;
}

/**
 * One admitted subscription's results over HTTP. `return` (the client left, or the transport is
 * done) ends it at once, even while it waits for the next notification.
 */
export class HttpSubscription implements AsyncGenerator<ExecutionResult> {
  /** Sequences of the results handed out, oldest first (SSE writes each as its event's id). */
  readonly sequences: number[] = [];
  private readonly subscriber: Subscriber;
  private readonly expired: Promise<'expired'>;
  private timer: NodeJS.Timeout | undefined;
  private ended = false;

  constructor(
    private readonly admission: SubscriptionAdmission,
    private readonly holder: Holder,
    private readonly id: string,
    args: ExecutionArgs,
    expiresAt: number,
  ) {
    this.subscriber = admission.subscribe(args);
    // The WebSocket's expiry timer, closing this stream instead of a socket.
    this.expired = new Promise((resolve) => (this.timer = closeAtExpiry({ close: () => resolve('expired') }, expiresAt)));
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    if (this.ended) return { value: undefined, done: true };
    const next = await Promise.race([this.subscriber.next(), this.expired]);
    if (next === 'expired') {
      return this.last('UNAUTHENTICATED', (after) => `Token expired: subscribe again with a fresh token and after: "${after}" to continue without loss.`);
    }
    if (next.done) {
      // Not the subscription's end but the gateway's: the client resumes, as graphql-ws clients do after 1012.
      if (this.admission.stopping) return this.last('SERVICE_UNAVAILABLE', (after) => `The gateway is restarting: subscribe again with after: "${after}" to continue without loss.`);
      await this.return();
      return next;
    }
    this.sequences.push(this.subscriber.deliveredSequence);
    return next;
  }

  /** Ends the stream with one error naming the position to resume after. */
  private async last(code: string, message: (resumeAfter: string) => string): Promise<IteratorResult<ExecutionResult>> {
    await this.return();
    const resumeAfter = encodePosition(this.subscriber.deliveredSequence);
    this.sequences.push(this.subscriber.deliveredSequence);
    return { value: { errors: [new GraphQLError(message(resumeAfter), { extensions: { code, resumeAfter } })] }, done: false };
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    if (!this.ended) {
      this.ended = true;
      clearTimeout(this.timer);
      await this.subscriber.return();
      this.admission.release(this.holder, this.id);
    }
    return { value: undefined, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
    await this.return();
    throw error;
  }

  [Symbol.asyncIterator](): AsyncGenerator<ExecutionResult> {
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.return();
  }
}

/** Admits one subscription for an HTTP request: its results, or the errors to refuse it with. */
export async function admitOverHttp(
  admission: SubscriptionAdmission,
  caller: StreamCaller,
  payload: Parameters<SubscriptionAdmission['admit']>[2],
  resumeAfter?: unknown,
): Promise<HttpSubscription | readonly GraphQLError[]> {
  const holder: Holder = { identity: caller.identity, held: new Set() };
  const id = randomUUID();
  const admitted = await admission.admit(holder, id, payload, resumeAfter);
  if (Array.isArray(admitted)) return admitted;
  return new HttpSubscription(admission, holder, id, admitted as ExecutionArgs, caller.expiresAt);
}
