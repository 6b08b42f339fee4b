// A per-identity rate limit with rate-limiter-flexible: each (role, authority, subject) gets a
// budget of requests per window, so one runaway integration cannot starve caseworkers. The
// limiter is in memory because the gateway is one process per deployment here; with several
// gateway replicas the same library's RateLimiterPostgres/RateLimiterRedis share the budget.
import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Identity } from '../core/identity';
import { optional } from '../core/config';

export interface RateLimitOptions {
  /** Requests allowed per identity per window. */
  points: number;
  windowSeconds: number;
}

/** 20 requests a second sustained per identity, which no caseworker screen comes near. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { points: 1_200, windowSeconds: 60 };

export function rateLimitFromEnv(env?: NodeJS.ProcessEnv): RateLimitOptions | null {
  const configured = optional('RATE_LIMIT_PER_MINUTE', env);
  if (configured === 'off') return null;
  const points = configured ? Number(configured) : DEFAULT_RATE_LIMIT.points;
  if (!Number.isInteger(points) || points <= 0) throw new Error('RATE_LIMIT_PER_MINUTE must be a positive integer or "off".');
  return { points, windowSeconds: 60 };
}

export class IdentityRateLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(options: RateLimitOptions) {
    this.limiter = new RateLimiterMemory({ points: options.points, duration: options.windowSeconds });
  }

  /** Spends one request of the identity's budget, or throws RATE_LIMITED (HTTP 429, Retry-After). */
  async consume(identity: Identity): Promise<void> {
    try {
      await this.limiter.consume(`${identity.role}:${identity.authority}:${identity.subject}`);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new GraphQLError('Too many requests for this identity; retry later.', {
        // Apollo Server reads `http.headers` as a Map; the cast is because graphql-yoga (a dependency
        // of the Hive benchmark peer) declares the same extension with another shape.
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter, http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) } } as never,
      });
    }
  }
}
