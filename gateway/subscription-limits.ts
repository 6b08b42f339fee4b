// What one WebSocket client may hold. Every live subscription costs a federated follow-up per
// event it hears, so a client holding hundreds (aliases make each one distinct, so they are not
// shared) slows every other subscriber; caps per socket and per identity keep that bounded, and a
// socket that never authenticates or outlives its token is closed.
import { CloseCode } from 'graphql-ws';
import { DomainError } from '../core/errors';
import type { Identity } from '../core/identity';

export interface SubscriptionLimits {
  /** Live subscriptions on one socket: a screen needs one, an integration a few. */
  perSocket: number;
  /** Live subscriptions of one identity over all its sockets (its browser tabs) in this gateway process. */
  perIdentity: number;
  /** How long a new socket may take to send connection_init before it is closed with 4408. */
  connectionInitTimeoutMs: number;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = { perSocket: 10, perIdentity: 25, connectionInitTimeoutMs: 3_000 };

/**
 * graphql-ws's 4403 Forbidden, the code a refused token gets at connect: its clients retry it and
 * evaluate `connectionParams` again, which is where a fresh token comes from. 4401 would be final
 * for them, so renewing would need code of its own in every client.
 */
export const TOKEN_EXPIRED_CLOSE_CODE = CloseCode.Forbidden;

/** setTimeout's largest delay (about 24 days); a token living longer is closed then and renewed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Closes the socket when the token it was authenticated with expires; clear the timer on close. */
export function closeAtExpiry(socket: { close(code: number, reason: string): void }, expiresAt: number, now = Date.now()): NodeJS.Timeout {
  const timer = setTimeout(() => socket.close(TOKEN_EXPIRED_CLOSE_CODE, 'Token expired: reconnect with a fresh token'), Math.min(Math.max(0, expiresAt - now), MAX_TIMER_MS));
  timer.unref();
  return timer;
}

function identityKey(identity: Identity): string {
  return `${identity.role}\u0000${identity.authority}\u0000${identity.subject}`;
}

/** The subscription ids a socket holds, counted per identity across all sockets. */
export class SubscriptionSlots {
  private readonly byIdentity = new Map<string, number>();

  constructor(private readonly limits: SubscriptionLimits = DEFAULT_SUBSCRIPTION_LIMITS) {}

  /**
   * Takes a slot for subscription `id` on a socket holding `held`, or throws TOO_MANY_SUBSCRIPTIONS.
   * Synchronous on purpose: a burst of subscribe messages is checked one by one, never all at once.
   */
  take(identity: Identity, held: Set<string>, id: string): void {
    const key = identityKey(identity);
    const ofIdentity = this.byIdentity.get(key) ?? 0;
    if (held.size >= this.limits.perSocket) {
      throw tooMany(`A connection may hold ${this.limits.perSocket} subscriptions; complete one, or select more fields in one subscription.`, 'socket');
    }
    if (ofIdentity >= this.limits.perIdentity) {
      throw tooMany(`One identity may hold ${this.limits.perIdentity} subscriptions over all its connections; complete one first.`, 'identity');
    }
    held.add(id);
    this.byIdentity.set(key, ofIdentity + 1);
  }

  /** Frees the slot of `id`; a second release of the same id does nothing. */
  release(identity: Identity, held: Set<string>, id: string): void {
    if (!held.delete(id)) return;
    const key = identityKey(identity);
    const left = (this.byIdentity.get(key) ?? 1) - 1;
    if (left > 0) this.byIdentity.set(key, left);
    else this.byIdentity.delete(key);
  }

  /** Frees every slot of a closed socket. */
  releaseAll(identity: Identity, held: Set<string>): void {
    for (const id of [...held]) this.release(identity, held, id);
  }
}

function tooMany(message: string, scope: 'socket' | 'identity'): DomainError {
  return new DomainError('TOO_MANY_SUBSCRIPTIONS', message, { scope });
}
