// A per-identity rate limit with rate-limiter-flexible: each (role, authority, subject) gets a
// budget of requests per window, so one runaway integration cannot starve caseworkers. Embedded
// (one gateway) the budget is in memory; gateway replicas on one PostgreSQL database spend one
// shared budget (RateLimiterPostgres), or three replicas would allow three times the rate.
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
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

/** The table the shared budget lives in; the library creates it (`create table if not exists`). */
export const RATE_LIMIT_TABLE = 'gateway_rate_limit';

/**
 * The budget shared by every gateway replica on the database behind `pool`. Should that database
 * fail, each replica falls back to a budget of its own in memory (the library's insurance limiter)
 * rather than refusing every request: the database outage shows on /ready, not as 429s.
 */
export async function sharedRateLimiter(options: RateLimitOptions, pool: pg.Pool): Promise<IdentityRateLimiter> {
  const limiter = await new Promise<RateLimiterPostgres>((resolve, reject) => {
    const created: RateLimiterPostgres = new RateLimiterPostgres(
      {
        storeClient: pool,
        storeType: 'pool',
        tableName: RATE_LIMIT_TABLE,
        keyPrefix: 'identity',
        points: options.points,
        duration: options.windowSeconds,
        insuranceLimiter: memoryLimiter(options),
      },
      (error?: Error) => (error ? reject(error) : resolve(created)),
    );
  });
  return new IdentityRateLimiter(options, limiter);
}

function memoryLimiter(options: RateLimitOptions): RateLimiterMemory {
  return new RateLimiterMemory({ points: options.points, duration: options.windowSeconds });
}

/**
 * Readable in the shared table; a subject too long for its key column (JWT `sub` has no limit) is
 * stood for by its SHA-256, so a long subject still gets one shared budget, not the fallback's.
 */
function budgetKey({ role, authority, subject }: Identity): string {
  const key = `${role}:${authority}:${subject}`;
  return key.length <= 200 ? key : `${role}:${authority}:sha256:${createHash('sha256').update(subject).digest('hex')}`;
}

export class IdentityRateLimiter {
  /** In memory unless given a shared one (`sharedRateLimiter`). */
  constructor(
    options: RateLimitOptions,
    private readonly limiter: RateLimiterAbstract = memoryLimiter(options),
  ) {}

  /** Spends one request of the identity's budget, or throws RATE_LIMITED (HTTP 429, Retry-After). */
  async consume(identity: Identity): Promise<void> {
    try {
      await this.limiter.consume(budgetKey(identity));
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
