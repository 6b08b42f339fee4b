// The gateway refuses abusive operations before planning them: too deep, too many aliases, too
// many tokens, a body over the limit, and batched requests. Limits are not revealed in the errors.
import { startTestSystem, type TestSystem } from './support/system';

let t: TestSystem;
let bearer: string;
beforeAll(async () => {
  t = await startTestSystem();
  bearer = await t.token('caseworker', '101');
});
afterAll(() => t.stop());

async function post(body: string, contentType = 'application/json') {
  const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${bearer}` }, body });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
}

it('refuses a query nested deeper than the limit without naming the limit', async () => {
  // Person → absences → person → absences → … is a legal cycle through federation; 10 rounds is 21 levels.
  let selection = 'id';
  for (let i = 0; i < 10; i++) selection = `absences { person { ${selection} } }`;
  const { body } = await post(JSON.stringify({ query: `{ person(cpr: "0101901234") { ${selection} } }` }));
  expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(body.errors?.[0].message).not.toMatch(/\d/);
});

it('refuses more aliases than the limit', async () => {
  const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: absenceTypes { id }`).join(' ');
  const { body } = await post(JSON.stringify({ query: `{ ${aliases} }` }));
  expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(body.data).toBeUndefined();
});

it('refuses a 10 MB body with 413 before parsing it', async () => {
  const huge = JSON.stringify({ query: `{ absenceTypes { id } } # ${'x'.repeat(10 * 1024 * 1024)}` });
  const { status, body } = await post(huge);
  expect(status).toBe(413);
  expect(body.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
});

it('refuses batched requests', async () => {
  const { status } = await post(JSON.stringify([{ query: '{ absenceTypes { id } }' }, { query: '{ absenceTypes { id } }' }]));
  expect(status).toBe(400);
});

it('does not suggest field names for a typo', async () => {
  const { body } = await post(JSON.stringify({ query: '{ absenceType { id } }' }));
  expect(body.errors?.[0].message).not.toMatch(/Did you mean/);
});

it('refuses a form-encoded POST (CSRF prevention)', async () => {
  const { status } = await post('query=%7B%20absenceTypes%20%7B%20id%20%7D%20%7D', 'application/x-www-form-urlencoded');
  expect(status).toBe(400);
});
