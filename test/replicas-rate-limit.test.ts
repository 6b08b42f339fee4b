// Gateway replicas on one PostgreSQL database (TEST_DATABASE_URL) spend one rate-limit budget per
// identity: what one replica let through counts at the other, which then refuses as one gateway
// would (RATE_LIMITED, HTTP 429, Retry-After).
import { randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import pg from 'pg';
import { dropPostgresDatabase, ensurePostgresDatabase } from '../core/db';
import type { Identity } from '../core/identity';
import { sharedRateLimiter } from '../gateway/rate-limit';

const server = process.env.TEST_DATABASE_URL;
const describeOnPostgres = server ? describe : describe.skip;
if (!server) console.warn('replicas-rate-limit test skipped: set TEST_DATABASE_URL');

const integration: Identity = { subject: 'akasse-integration', role: 'akasse', authority: '21' };
const caseworker: Identity = { subject: 'cw-1', role: 'caseworker', authority: '101' };

async function refusal(attempt: Promise<void>): Promise<GraphQLError> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

describeOnPostgres('the rate limit across gateway replicas on PostgreSQL', () => {
  let url: string;
  const pools: pg.Pool[] = [];

  beforeAll(async () => {
    const target = new URL(server!);
    target.pathname = `/dfdg_test_rate_${randomBytes(4).toString('hex')}`;
    url = target.toString();
    await ensurePostgresDatabase(url);
  });
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    if (url) await dropPostgresDatabase(url);
  });

  /** A replica's limiter: its own connection pool, as another process would have. */
  function replica() {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    // As the gateway's own pool (launcher/gateway-process.ts): an idle connection the server ends must
    // not surface as an unhandled 'error' event that fails the whole suite (seen once in CI, 57P01).
    pool.on('error', () => undefined);
    pools.push(pool);
    return sharedRateLimiter({ points: 3, windowSeconds: 60 }, pool);
  }

  it('refuses at the second replica once the first spent the budget, for that identity only', async () => {
    const [first, second] = await Promise.all([replica(), replica()]);
    for (let i = 0; i < 3; i++) await first.consume(integration);

    const refused = await refusal(second.consume(integration));
    const extensions = refused.extensions;
    // A Map at run time, as Apollo Server reads it; graphql-yoga's declaration says a record (gateway/rate-limit.ts).
    const headers = extensions.http?.headers as unknown as Map<string, string>;
    expect(extensions.code).toBe('RATE_LIMITED');
    expect(extensions.http?.status).toBe(429);
    expect(Number(headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // The first replica refuses too: the budget is one, not one per replica.
    await refusal(first.consume(integration));

    // Another identity's budget is untouched.
    await expect(second.consume(caseworker)).resolves.toBeUndefined();
  });

  it('keeps answering when the database is gone, each replica then on a budget of its own', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    pool.on('error', () => undefined);
    const limiter = await sharedRateLimiter({ points: 2, windowSeconds: 60 }, pool);
    await pool.end(); // every query now fails, as with the database down
    const someone: Identity = { subject: 'cw-2', role: 'caseworker', authority: '101' };
    await limiter.consume(someone);
    await limiter.consume(someone);
    expect((await refusal(limiter.consume(someone))).extensions.code).toBe('RATE_LIMITED');
  });

  it('shares the budget of a subject longer than the key column too', async () => {
    const [first, second] = await Promise.all([replica(), replica()]);
    const long: Identity = { subject: 'x'.repeat(1_000), role: 'akasse', authority: '21' };
    for (let i = 0; i < 3; i++) await first.consume(long);
    expect((await refusal(second.consume(long))).extensions.code).toBe('RATE_LIMITED');
  });
});
