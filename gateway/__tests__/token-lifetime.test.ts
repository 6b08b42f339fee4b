// The edges of the client-token time rules, judged by an injected clock: iat at most 60 s ahead,
// a lifetime of at most 12 hours (exp − iat, or exp − now without iat).
import { generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { ManualClock } from '../../core/clock';
import { DomainError } from '../../core/errors';
import { ClientAuthenticator } from '../client-auth';

const NOW = Date.parse('2026-11-23T09:00:00Z') / 1000;
const HOUR = 3600;
let privateKey: KeyLike;
let authenticator: ClientAuthenticator;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  privateKey = pair.privateKey;
  authenticator = new ClientAuthenticator({ key: pair.publicKey, clock: new ManualClock('2026-11-23T09:00:00Z') });
});

async function outcome(times: { iat?: number; exp: number }): Promise<string> {
  const jwt = new SignJWT({ role: 'caseworker', authority: '101' }).setProtectedHeader({ alg: 'ES256' }).setSubject('anne').setExpirationTime(times.exp);
  const token = await (times.iat === undefined ? jwt : jwt.setIssuedAt(times.iat)).sign(privateKey);
  try {
    await authenticator.authenticate(`Bearer ${token}`);
    return 'OK';
  } catch (error) {
    return (error as DomainError).code;
  }
}

it.each([
  ['iat exactly 60 s ahead', { iat: NOW + 60, exp: NOW + 8 * HOUR }, 'OK'],
  ['iat 61 s ahead', { iat: NOW + 61, exp: NOW + 8 * HOUR }, 'UNAUTHENTICATED'],
  ['a lifetime of exactly 12 hours', { iat: NOW - HOUR, exp: NOW + 11 * HOUR }, 'OK'],
  ['a lifetime of 12 hours and a second', { iat: NOW - HOUR, exp: NOW + 11 * HOUR + 1 }, 'UNAUTHENTICATED'],
  ['no iat, 12 hours left', { exp: NOW + 12 * HOUR }, 'OK'],
  ['no iat, 12 hours and a second left', { exp: NOW + 12 * HOUR + 1 }, 'UNAUTHENTICATED'],
  ['expired a second ago by the injected clock', { iat: NOW - HOUR, exp: NOW - 1 }, 'UNAUTHENTICATED'],
])('%s: %s', async (_case, times, expected) => {
  expect(await outcome(times)).toBe(expected);
});
