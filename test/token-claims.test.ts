// Issue 16 §9: a client token signed with the right key is still refused when its times are not
// plausible: issued in the future beyond the allowed clock skew, or valid for longer than the
// documented ceiling (gateway/token-lifetime.ts). The gateway judges by its own clock, the system
// clock, so these tokens are placed hours away from it, far beyond any drift during the test.
import { SignJWT, type KeyLike } from 'jose';
import { devClientSigningKey } from '../gateway/keys';
import { errorCodes, postGraphQL, startTestSystem, type TestSystem } from './support/system';

let t: TestSystem;
let key: KeyLike;
beforeAll(async () => {
  t = await startTestSystem();
  key = await devClientSigningKey(t.dataDir);
});
afterAll(() => t.stop());

const QUERY = '{ contactGroups { id } }';
const HOUR = 3600;
const nowSeconds = () => Math.floor(Date.now() / 1000);

function sign(times: { iat?: number; exp: number }, claims = { role: 'system', authority: 'STAR' }): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).setSubject('integration').setExpirationTime(times.exp);
  return (times.iat === undefined ? jwt : jwt.setIssuedAt(times.iat)).sign(key);
}

const ask = async (token: string) => postGraphQL<{ contactGroups: unknown[] }>(t.url, QUERY, {}, { authorization: `Bearer ${token}` });

it.each([
  ['issued an hour from now', () => ({ iat: nowSeconds() + HOUR, exp: nowSeconds() + 2 * HOUR }), /issued in the future/],
  ['issued now and valid for 24 hours', () => ({ iat: nowSeconds(), exp: nowSeconds() + 24 * HOUR }), /longer than 12 hours/],
  ['issued an hour ago and valid for 13 hours', () => ({ iat: nowSeconds() - HOUR, exp: nowSeconds() + 12 * HOUR }), /longer than 12 hours/],
  ['without iat, expiring in 13 hours', () => ({ exp: nowSeconds() + 13 * HOUR }), /longer than 12 hours/],
  ['without iat, expiring in a year', () => ({ exp: nowSeconds() + 365 * 24 * HOUR }), /longer than 12 hours/],
])('refuses a token %s with UNAUTHENTICATED (401), saying why, and answers no data', async (_case, times, reason) => {
  const response = await ask(await sign(times()));
  expect(response.status).toBe(401);
  expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  expect(response.errors?.[0].message).toMatch(reason);
  expect(response.data ?? null).toBeNull();
});

it.each([
  ['the default of npm run token (8 hours)', () => t.token('system', 'STAR')],
  ['issued 30 s ahead of the gateway (within the allowed clock skew)', () => sign({ iat: nowSeconds() + 30, exp: nowSeconds() + 8 * HOUR })],
  ['issued 11 hours ago, valid for 12 hours', () => sign({ iat: nowSeconds() - 11 * HOUR, exp: nowSeconds() + HOUR })],
  ['without iat, expiring in an hour', () => sign({ exp: nowSeconds() + HOUR })],
])('accepts a token %s', async (_case, token) => {
  const response = await ask(await token());
  expect(response.errors).toBeUndefined();
  expect(response.data?.contactGroups.length).toBeGreaterThan(0);
});

