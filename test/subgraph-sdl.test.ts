// Issue 16 §9: a subgraph answers `_service { sdl }` to no one, whatever gateway-signed identity
// calls it: the schema is published as files, and a leaked identity token must not map every field.
import type { Role } from '../core/identity';
import { startTestSystem, type TestSystem } from './support/system';

let t: TestSystem;
beforeAll(async () => {
  t = await startTestSystem();
});
afterAll(() => t.stop());

const CALLERS: { role: Role; authority: string }[] = [
  { role: 'caseworker', authority: '101' },
  { role: 'akasse', authority: '21' },
  { role: 'analyst', authority: 'STAR' },
  { role: 'system', authority: 'STAR' },
];

const ASKS = [
  ['plainly', '{ _service { sdl } }'],
  ['under an alias', '{ schema: _service { sdl } }'],
  ['inside a fragment', 'query { ...Sdl } fragment Sdl on Query { _service { sdl } }'],
  ['beside an allowed field', '{ __typename _service { sdl } }'],
];

describe.each(['person', 'absence', 'plan', 'recruitment', 'payment', 'notifications'])('the %s subgraph', (subgraph) => {
  it.each(ASKS)('refuses _service asked %s, to every role, with FORBIDDEN (403) and no SDL', async (_how, query) => {
    for (const caller of CALLERS) {
      const response = await t.subgraphGql(subgraph, query, {}, caller);
      expect(response.status).toBe(403);
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(response)).not.toContain('type Query');
    }
  });
});

it('still answers the gateway’s entity look-ups and ordinary fields', async () => {
  const response = await t.subgraphGql('person', '{ contactGroups { id } }', {}, { role: 'caseworker', authority: '101' });
  expect(response.status).toBe(200);
  expect(response.errors).toBeUndefined();
  const federated = await t.gql('{ absenceTypes { id } contactGroups { id } }', {}, { role: 'caseworker', authority: '101' });
  expect(federated.errors).toBeUndefined();
});
