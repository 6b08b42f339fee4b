// A browser front end on another origin, and a deployment that runs only the operations its front
// ends were built with (issue 23, items 1 and 2): CORS preflights pass for a configured origin and
// fail for any other while CSRF prevention still refuses a simple request; with trusted documents
// required for caseworkers, an unregistered operation is refused with a typed code and a registered
// one runs by id (codegen's documentId) or by hash (Apollo's persistedQuery); analysts keep ad-hoc
// queries. A subscription sent as an ordinary request gets a typed 400 naming the transports.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { trustedDocumentsFrom } from '../gateway/trusted-documents';
import { errorCodes, startTestSystem, type GraphQLResponse, type TestSystem } from './support/system';

const FRONT_END = 'https://caseworker.example.dk';
const CONTACT_GROUPS = 'query ContactGroups { contactGroups { id name } }';
const ABSENCE_TYPES = 'query AbsenceTypes { absenceTypes { id name } }';
const NOTIFICATIONS = 'subscription Notifications { notifications { position kind } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'front-ends-'));
// What GraphQL Codegen's client preset writes (persisted-documents.json) and what Apollo's
// generate-persisted-query-manifest writes, one operation each.
const codegenManifest = path.join(folder, 'persisted-documents.json');
fs.writeFileSync(codegenManifest, JSON.stringify({ [sha256(CONTACT_GROUPS)]: CONTACT_GROUPS, [sha256(NOTIFICATIONS)]: NOTIFICATIONS }));
const apolloManifest = path.join(folder, 'persisted-query-manifest.json');
fs.writeFileSync(apolloManifest, JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha256(ABSENCE_TYPES), name: 'AbsenceTypes', type: 'query', body: ABSENCE_TYPES }] }));

let t: TestSystem;
let caseworker: string;
let analyst: string;
beforeAll(async () => {
  t = await startTestSystem({ corsOrigins: [FRONT_END], trustedDocuments: trustedDocumentsFrom(`${codegenManifest},${apolloManifest}`, 'caseworker,akasse') });
  caseworker = await t.token('caseworker', '101');
  analyst = await t.token('analyst', 'STAR');
});
afterAll(async () => {
  await t.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function post(body: unknown, headers: Record<string, string>): Promise<GraphQLResponse> {
  const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { ...((await response.json()) as GraphQLResponse), status: response.status };
}

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(t.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });

  it('answers a preflight from a configured origin with the origin, methods and headers it may use', async () => {
    const response = await preflight(FRONT_END);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(FRONT_END);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toEqual(expect.stringContaining('authorization'));
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('answers the preflight of a resuming SSE subscription (Last-Event-ID) at /graphql/stream too', async () => {
    const response = await fetch(`${t.url}/stream`, { method: 'OPTIONS', headers: { origin: FRONT_END, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization,last-event-id' } });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(FRONT_END);
    expect(response.headers.get('access-control-allow-headers')).toContain('last-event-id');
  });

  it('fails a preflight from any other origin: 403 and no CORS headers', async () => {
    const response = await preflight('https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('lets a configured origin read the answer, and gives another origin no CORS headers', async () => {
    const allowed = await fetch(t.url, { method: 'POST', headers: { origin: FRONT_END, 'content-type': 'application/json', authorization: `Bearer ${analyst}` }, body: JSON.stringify({ query: '{ contactGroups { id } }' }) });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(FRONT_END);
    expect(allowed.headers.get('access-control-expose-headers')).toContain('x-request-id');
    const other = await fetch(t.url, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json', authorization: `Bearer ${analyst}` }, body: JSON.stringify({ query: '{ contactGroups { id } }' }) });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps CSRF prevention: a simple-request POST from the configured origin is still refused', async () => {
    const response = await fetch(t.url, { method: 'POST', headers: { origin: FRONT_END, 'content-type': 'text/plain', authorization: `Bearer ${analyst}` }, body: JSON.stringify({ query: '{ contactGroups { id } }' }) });
    expect(response.status).toBe(400);
    expect(errorCodes((await response.json()) as GraphQLResponse)).toEqual(['BAD_REQUEST']);
  });
});

describe('trusted documents, required for caseworkers', () => {
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  it('runs a registered operation by documentId (GraphQL Codegen client preset)', async () => {
    const response = await post({ documentId: sha256(CONTACT_GROUPS) }, as(caseworker));
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    expect((response.data as { contactGroups: unknown[] }).contactGroups.length).toBeGreaterThan(0);
  });

  it("runs a registered operation by Apollo's persistedQuery hash, and by GET", async () => {
    const hashed = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(ABSENCE_TYPES) } } }, as(caseworker));
    expect(hashed.errors).toBeUndefined();
    expect((hashed.data as { absenceTypes: unknown[] }).absenceTypes.length).toBeGreaterThan(0);
    const get = await fetch(`${t.url}?documentId=${sha256(CONTACT_GROUPS)}`, { headers: { ...as(caseworker), 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(((await get.json()) as GraphQLResponse).errors).toBeUndefined();
  });

  it('refuses an unregistered operation to a caseworker with OPERATION_NOT_TRUSTED (403), even the registered text sent as text', async () => {
    for (const query of ['{ contactGroups { id } }', CONTACT_GROUPS]) {
      const response = await post({ query }, as(caseworker));
      expect(response.status).toBe(403);
      expect(errorCodes(response)).toEqual(['OPERATION_NOT_TRUSTED']);
      expect(response.data).toBeUndefined();
    }
  });

  it('refuses an unknown id with PERSISTED_QUERY_NOT_FOUND (400), whoever asks', async () => {
    for (const token of [caseworker, analyst]) {
      for (const body of [{ documentId: sha256('nothing') }, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('nothing') } } }]) {
        const response = await post(body, as(token));
        expect(response.status).toBe(400);
        expect(errorCodes(response)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      }
    }
  });

  it('does not register text sent with a hash (no automatic persisted queries)', async () => {
    const text = '{ eeaCountries { code } }';
    const sent = await post({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } } }, as(analyst));
    expect(sent.status).toBe(400);
    expect(errorCodes(sent)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const again = await post({ documentId: sha256(text) }, as(caseworker));
    expect(errorCodes(again)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('holds subscriptions to the same rule: a registered one runs by id, its text sent as text is refused', async () => {
    /** The first event of an SSE stream (graphql-sse writes a comment first, then events). */
    const firstEvent = async (body: unknown): Promise<string> => {
      const response = await fetch(`${t.url}/stream`, { method: 'POST', headers: { ...as(caseworker), accept: 'text/event-stream', 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      let text = '';
      const deadline = Date.now() + 1_000;
      while (!text.includes('event:') && Date.now() < deadline) {
        const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 200))]);
        if (chunk?.value) text += new TextDecoder().decode(chunk.value);
      }
      await reader.cancel();
      return text;
    };
    expect(await firstEvent({ query: NOTIFICATIONS })).toContain('"code":"OPERATION_NOT_TRUSTED"');
    // Admitted: the stream stays open with no event until a notification arrives.
    expect(await firstEvent({ documentId: sha256(NOTIFICATIONS) })).not.toContain('event:');
  });

  it('lets analysts run ad-hoc queries within their limits', async () => {
    const response = await post({ query: '{ contactGroups { id } }' }, as(analyst));
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
  });
});

describe('a subscription over plain HTTP', () => {
  it('gets a typed 400 naming graphql-ws, SSE and multipart, never a 500', async () => {
    const response = await post({ query: 'subscription { notifications { position } }' }, { authorization: `Bearer ${analyst}` });
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['SUBSCRIPTION_TRANSPORT_REQUIRED']);
    expect(response.errors![0].message).toMatch(/graphql-ws.*\/graphql\/stream.*multipart/);
  });
});
