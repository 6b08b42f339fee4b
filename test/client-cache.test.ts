// The cache settings in docs/client-cache.md, run as written: the keys and field policies name what
// schema.graphql has, and Apollo Client's cache normalises and pages the answers with them.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { gql, type InMemoryCache, type TypePolicies } from '@apollo/client';
import { buildSchema, isObjectType, type GraphQLObjectType } from 'graphql';
import { readClientSchema } from '../gateway/client-schema';

const DOC = path.join(__dirname, '..', 'docs', 'client-cache.md');

/** Evaluates the page's one `ts` block and returns its exported cache. */
function cacheFromDoc(): InMemoryCache {
  const block = /```ts\n([\s\S]*?)```/.exec(fs.readFileSync(DOC, 'utf8'));
  if (!block) throw new Error('docs/client-cache.md has no ts block');
  const { outputText } = ts.transpileModule(block[1], { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const module = { exports: {} as { cache?: InMemoryCache } };
  vm.runInThisContext(`(function (require, module, exports) {${outputText}\n})`)(require, module, module.exports);
  if (!module.exports.cache) throw new Error('the ts block exports no cache');
  return module.exports.cache;
}

describe('docs/client-cache.md', () => {
  const schema = buildSchema(readClientSchema());
  const cache = cacheFromDoc();
  // typePolicies as the page passed them to InMemoryCache.
  const policies = (cache as unknown as { config: { typePolicies: TypePolicies } }).config.typePolicies;
  const objectType = (name: string): GraphQLObjectType => {
    const type = schema.getType(name);
    if (!isObjectType(type)) throw new Error(`${name} is not an object type of schema.graphql`);
    return type;
  };

  it('keys types by fields they have, and only types without an id', () => {
    for (const [name, policy] of Object.entries(policies)) {
      const fields = objectType(name).getFields();
      if (policy.keyFields === undefined) continue;
      expect([name, fields.id]).toEqual([name, undefined]);
      if (Array.isArray(policy.keyFields)) for (const key of policy.keyFields) expect([name, key, key in fields]).toEqual([name, key, true]);
    }
  });

  it('pages Query fields that exist, keyed by arguments they take', () => {
    const query = objectType('Query').getFields();
    for (const [field, policy] of Object.entries(policies.Query?.fields ?? {})) {
      const args = query[field]?.args.map((a) => a.name);
      expect([field, args !== undefined]).toEqual([field, true]);
      const keyArgs = typeof policy === 'object' && Array.isArray(policy.keyArgs) ? policy.keyArgs : [];
      for (const arg of keyArgs) expect([field, arg, args?.includes(String(arg))]).toEqual([field, arg, true]);
    }
  });

  it('updates an EEA benefit period shown under a person from a mutation answer, by paymentId', () => {
    const personQuery = gql`query { person(cpr: "2304640025") { id eeaBenefitPeriods { paymentId interruptionDate } } }`;
    cache.writeQuery({ query: personQuery, data: { person: { __typename: 'Person', id: 'p1', eeaBenefitPeriods: [{ __typename: 'EeaBenefitPeriod', paymentId: 'pay-1', interruptionDate: null }] } } });
    cache.writeQuery({
      query: gql`mutation { interruptEeaBenefitPeriod(input: { paymentId: "pay-1", interruptionDate: "2026-12-01", causeId: 3 }) { paymentId interruptionDate } }`,
      data: { interruptEeaBenefitPeriod: { __typename: 'EeaBenefitPeriod', paymentId: 'pay-1', interruptionDate: '2026-12-01' } },
    });
    expect(cache.readQuery<{ person: { eeaBenefitPeriods: { interruptionDate: string }[] } }>({ query: personQuery })?.person.eeaBenefitPeriods[0].interruptionDate).toBe('2026-12-01');
  });

  it('keeps a plan version\'s activity snapshot apart from the live activity when selected as the page says', () => {
    const query = gql`query { person(cpr: "2304640025") { id activities { id status } planVersions { version activities { start status } } } }`;
    cache.writeQuery({
      query,
      data: {
        person: {
          __typename: 'Person',
          id: 'p2',
          activities: [{ __typename: 'Activity', id: 'act-1', status: 'CANCELLED' }],
          planVersions: [{ __typename: 'Plan', version: 1, activities: [{ __typename: 'Activity', start: '2026-12-01', status: 'ACTIVE' }] }],
        },
      },
    });
    const read = cache.readQuery<{ person: { activities: { status: string }[]; planVersions: { activities: { status: string }[] }[] } }>({ query });
    expect(read?.person.activities[0].status).toBe('CANCELLED');
    expect(read?.person.planVersions[0].activities[0].status).toBe('ACTIVE');
  });

  it('appends a page of persons fetched with after, per jobcentre', () => {
    const page = gql`query ($after: String) { persons(municipalityCode: "101", first: 1, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }`;
    const nodes = (id: string) => [{ __typename: 'Person', id }];
    const pageInfo = (endCursor: string, hasNextPage: boolean) => ({ __typename: 'PersonPageInfo', endCursor, hasNextPage });
    cache.writeQuery({ query: page, variables: { after: null }, data: { persons: { __typename: 'PersonConnection', nodes: nodes('a'), pageInfo: pageInfo('c1', true) } } });
    cache.writeQuery({ query: page, variables: { after: 'c1' }, data: { persons: { __typename: 'PersonConnection', nodes: nodes('b'), pageInfo: pageInfo('c2', false) } } });
    const read = cache.readQuery<{ persons: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } }>({ query: page, variables: { after: null } });
    expect(read?.persons.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(read?.persons.pageInfo.hasNextPage).toBe(false);
  });
});
