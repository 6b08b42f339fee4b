// Subgraphs trust only an identity token the gateway minted for them: a client that calls one
// directly, or replays a token meant for another subgraph, gets UNAUTHENTICATED.
import { generateKeyPair } from 'jose';
import { IDENTITY_HEADER, IdentityTokenIssuer } from '../core/identity-token';
import { identitySigningKey } from '../core/key-sources';
import { postGraphQL, startTestSystem, type TestSystem } from './support/system';

let t: TestSystem;
let personUrl: string;
beforeAll(async () => {
  t = await startTestSystem();
  personUrl = t.system.subgraphs.find((s) => s.name === 'person')!.url;
});
afterAll(() => t.stop());

const caseworker = { subject: 'anna', role: 'caseworker', authority: '101' } as const;
const QUERY = '{ contactGroups { id } }';

async function callPerson(headers: Record<string, string>) {
  return postGraphQL<{ contactGroups: unknown[] }>(personUrl, QUERY, {}, headers);
}

it('accepts a token the gateway minted for this subgraph', async () => {
  const token = await new IdentityTokenIssuer(await identitySigningKey(t.dataDir)).mint(caseworker, 'person');
  const response = await callPerson({ [IDENTITY_HEADER]: token });
  expect(response.errors).toBeUndefined();
  expect(response.data?.contactGroups.length).toBeGreaterThan(20);
});

it.each([
  ['no identity header', async () => ({})],
  ['a client JWT in the Authorization header', async () => ({ authorization: `Bearer ${await t.token('caseworker', '101')}` })],
  ['a client JWT in the identity header', async () => ({ [IDENTITY_HEADER]: await t.token('caseworker', '101') })],
  ['a token minted for another subgraph', async () => ({ [IDENTITY_HEADER]: await new IdentityTokenIssuer(await identitySigningKey(t.dataDir)).mint(caseworker, 'absence') })],
  [
    'an expired token',
    async () => {
      const twoMinutesAgo = () => Date.now() - 120_000;
      return { [IDENTITY_HEADER]: await new IdentityTokenIssuer(await identitySigningKey(t.dataDir), twoMinutesAgo).mint(caseworker, 'person') };
    },
  ],
  [
    'a token signed with another key',
    async () => ({ [IDENTITY_HEADER]: await new IdentityTokenIssuer((await generateKeyPair('ES256')).privateKey).mint(caseworker, 'person') }),
  ],
  ['an unsigned token (alg: none)', async () => ({ [IDENTITY_HEADER]: unsignedToken() })],
])('refuses %s with UNAUTHENTICATED', async (_case, headers) => {
  const response = await callPerson(await headers());
  expect(response.status).toBe(401);
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

function unsignedToken(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none' })}.${encode({ iss: 'dfdg-gateway', aud: 'person', sub: 'x', role: 'system', authority: 'STAR', iat: now, exp: now + 60 })}.`;
}
