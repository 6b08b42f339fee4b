// The client JWT check and its memory of verified tokens: remembering must never let an expired
// or altered token through.
import { generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { DomainError } from '../../core/errors';
import { ClientAuthenticator } from '../client-auth';

let privateKey: KeyLike;
let authenticator: ClientAuthenticator;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  privateKey = pair.privateKey;
  authenticator = new ClientAuthenticator({ key: pair.publicKey });
});

function token(expiresAtSeconds: number, claims: Record<string, unknown> = { role: 'caseworker', authority: '101' }): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).setSubject('caseworker-anne').setExpirationTime(expiresAtSeconds).sign(privateKey);
}

async function codeOf(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
    return 'OK';
  } catch (error) {
    return (error as DomainError).code;
  }
}

it('answers the same identity for a token it has already verified', async () => {
  const bearer = `Bearer ${await token(Math.floor(Date.now() / 1000) + 3600)}`;
  const expected = { subject: 'caseworker-anne', role: 'caseworker', authority: '101' };
  expect(await authenticator.authenticate(bearer)).toEqual(expected);
  expect(await authenticator.authenticate(bearer)).toEqual(expected);
});

it('refuses a token once it has expired, although it was accepted (and remembered) before', async () => {
  const expiresAt = Math.floor(Date.now() / 1000) + 1;
  const bearer = `Bearer ${await token(expiresAt)}`;
  expect(await codeOf(authenticator.authenticate(bearer))).toBe('OK');
  await new Promise((r) => setTimeout(r, expiresAt * 1000 - Date.now() + 50));
  expect(await codeOf(authenticator.authenticate(bearer))).toBe('UNAUTHENTICATED');
});

it('refuses a remembered token whose claims were altered, since the signature no longer fits', async () => {
  const original = await token(Math.floor(Date.now() / 1000) + 3600);
  expect(await codeOf(authenticator.authenticate(`Bearer ${original}`))).toBe('OK');
  const [header, , signature] = original.split('.');
  const claims = Buffer.from(JSON.stringify({ role: 'system', authority: 'STAR', sub: 'caseworker-anne', exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url');
  expect(await codeOf(authenticator.authenticate(`Bearer ${header}.${claims}.${signature}`))).toBe('UNAUTHENTICATED');
});
