// The embedded gateway's rate limit: a budget per identity in memory, refused with RATE_LIMITED,
// HTTP 429 and Retry-After once spent. (Replicas sharing one budget: test/replicas-rate-limit.test.ts.)
import { GraphQLError } from 'graphql';
import type { Identity } from '../../core/identity';
import { IdentityRateLimiter, rateLimitFromEnv } from '../rate-limit';

const caseworker: Identity = { subject: 'cw-1', role: 'caseworker', authority: '101' };

it('refuses an identity past its budget with 429 and Retry-After, and no one else', async () => {
  const limiter = new IdentityRateLimiter({ points: 2, windowSeconds: 60 });
  await limiter.consume(caseworker);
  await limiter.consume(caseworker);
  const refused = await limiter.consume(caseworker).then(
    () => null,
    (e: unknown) => e as GraphQLError,
  );
  expect(refused).toBeInstanceOf(GraphQLError);
  const extensions = refused!.extensions;
  // A Map at run time, as Apollo Server reads it; graphql-yoga's declaration says a record (gateway/rate-limit.ts).
  const headers = extensions.http?.headers as unknown as Map<string, string>;
  expect(extensions.code).toBe('RATE_LIMITED');
  expect(extensions.http?.status).toBe(429);
  expect(Number(headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  await expect(limiter.consume({ ...caseworker, subject: 'cw-2' })).resolves.toBeUndefined();
});

it('reads RATE_LIMIT_PER_MINUTE: a number, "off", or the default', () => {
  expect(rateLimitFromEnv({ RATE_LIMIT_PER_MINUTE: '30' })).toEqual({ points: 30, windowSeconds: 60 });
  expect(rateLimitFromEnv({ RATE_LIMIT_PER_MINUTE: 'off' })).toBeNull();
  expect(rateLimitFromEnv({})).toEqual({ points: 1_200, windowSeconds: 60 });
  expect(() => rateLimitFromEnv({ RATE_LIMIT_PER_MINUTE: '-1' })).toThrow('RATE_LIMIT_PER_MINUTE');
});
