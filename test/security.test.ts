// The gateway from an attacker's side: tokens that must not pass, introspection as a role that has
// no use for it, queries priced by the pages they ask for, and a per-identity rate limit.
import { SignJWT, generateKeyPair, base64url } from 'jose';
import { devClientSigningKey } from '../gateway/keys';
import { errorCodes, postGraphQL, startTestSystem, type TestSystem } from './support/system';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem({ rateLimit: { points: 40, windowSeconds: 60 } });
});
afterAll(() => t.stop());

const QUERY = '{ absenceTypes { id } }';
const asBearer = (token: string) => ({ authorization: `Bearer ${token}` });
const claims = { role: 'caseworker', authority: '101' };

describe('client tokens that are refused with UNAUTHENTICATED', () => {
  it('a token signed with another key (forged)', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).setSubject('mallory').setExpirationTime('1h').sign(privateKey);
    const response = await postGraphQL(t.url, QUERY, {}, asBearer(forged));
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.data ?? null).toBeNull();
  });

  it('an expired token from the right key', async () => {
    const key = await devClientSigningKey(t.dataDir);
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).setSubject('anna').setIssuedAt(past - 60).setExpirationTime(past).sign(key);
    expect(errorCodes(await postGraphQL(t.url, QUERY, {}, asBearer(expired)))).toEqual(['UNAUTHENTICATED']);
  });

  it('an HMAC token (wrong key type: a shared secret a client could guess)', async () => {
    const secret = new TextEncoder().encode('guessable-secret-guessable-secret');
    const hmac = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('mallory').setExpirationTime('1h').sign(secret);
    expect(errorCodes(await postGraphQL(t.url, QUERY, {}, asBearer(hmac)))).toEqual(['UNAUTHENTICATED']);
  });

  it("an unsigned token with alg: none", async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const body = base64url.encode(JSON.stringify({ ...claims, sub: 'mallory', exp: Math.floor(Date.now() / 1000) + 3600 }));
    expect(errorCodes(await postGraphQL(t.url, QUERY, {}, asBearer(`${header}.${body}.`)))).toEqual(['UNAUTHENTICATED']);
  });

  it('a valid signature over a role the system does not know, or an authority that does not fit the role', async () => {
    const key = await devClientSigningKey(t.dataDir);
    for (const bad of [{ role: 'admin', authority: 'STAR' }, { role: 'caseworker', authority: 'STAR' }, { role: 'akasse', authority: '101x' }]) {
      const token = await new SignJWT(bad).setProtectedHeader({ alg: 'ES256' }).setSubject('mallory').setExpirationTime('1h').sign(key);
      expect(errorCodes(await postGraphQL(t.url, QUERY, {}, asBearer(token)))).toEqual(['UNAUTHENTICATED']);
    }
  });

  it('no token at all', async () => {
    expect(errorCodes(await postGraphQL(t.url, QUERY, {}, {}))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('introspection', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';

  it('is refused to caseworkers and a-kasser, who build against the published schema', async () => {
    for (const as of [{ role: 'caseworker', authority: '101' }, { role: 'akasse', authority: '21' }] as const) {
      const response = await t.gql(INTROSPECT, {}, as);
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.status).toBe(403);
    }
    expect(errorCodes(await t.gql('{ __type(name: "Person") { name } }', {}, { role: 'caseworker', authority: '101' }))).toEqual(['FORBIDDEN']);
  });

  it('is open to analysts (the explorer needs it) and to the system role', async () => {
    for (const as of [{ role: 'analyst', authority: 'STAR' }, { role: 'system', authority: 'STAR' }] as const) {
      const response = await t.gql<{ __schema: { queryType: { name: string } } }>(INTROSPECT, {}, as);
      expect(response.data?.__schema.queryType.name).toBe('Query');
    }
  });

  it('__typename is not introspection and stays allowed', async () => {
    const response = await t.gql<{ __typename: string }>('{ __typename }', {}, { role: 'caseworker', authority: '101' });
    expect(response.data?.__typename).toBe('Query');
  });
});

describe('query cost counts lists by the page they ask for', () => {
  const inbox = (first: number) => `{ inbox(first: ${first}) { nodes { person { absences { type { id name } } } } } }`;

  it('refuses a large page of nested lists without naming the limit, and plans nothing', async () => {
    const response = await t.gql(inbox(5000), {}, { role: 'caseworker', authority: '101' });
    expect(errorCodes(response)).toEqual(['QUERY_TOO_COSTLY']);
    expect(response.errors?.[0].message).not.toMatch(/\d/);
    expect(response.data ?? null).toBeNull();
  });

  it('accepts the same query with a reasonable page', async () => {
    const response = await t.gql(inbox(20), {}, { role: 'caseworker', authority: '101' });
    expect(response.errors).toBeUndefined();
  });

  const list = (first: number) =>
    `{ persons(municipalityCode: "101", first: ${first}) { nodes { cpr contactGroup { contactGroup { id name } } cvRequirement absences { type { id name } start end status } plan { version } eeaBenefitPeriods { country start end } } } }`;

  it("lets a caseworker's screen list 100 persons with everything, but not 1000", async () => {
    expect((await t.gql(list(100), {}, { role: 'caseworker', authority: '101' })).errors).toBeUndefined();
    expect(errorCodes(await t.gql(list(1000), {}, { role: 'caseworker', authority: '101' }))).toEqual(['QUERY_TOO_COSTLY']);
  });

  it("gives the system role's batch work a larger budget", async () => {
    expect((await t.gql(list(1000), {}, { role: 'system', authority: 'STAR' })).errors).toBeUndefined();
  });
});

describe('rate limit per identity', () => {
  it('answers 429 RATE_LIMITED with Retry-After once an identity spends its budget, and leaves others alone', async () => {
    const key = await devClientSigningKey(t.dataDir);
    const token = (subject: string) => new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).setSubject(subject).setExpirationTime('1h').sign(key);
    const greedy = await token('greedy-integration');
    const statuses = await Promise.all(
      Array.from({ length: 45 }, () => fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...asBearer(greedy) }, body: JSON.stringify({ query: QUERY }) })),
    );
    const limited = statuses.filter((r) => r.status === 429);
    expect(limited).toHaveLength(5);
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await limited[0].json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');

    const other = await postGraphQL(t.url, QUERY, {}, asBearer(await token('patient-caseworker')));
    expect(other.errors).toBeUndefined();
  });
});
