// The day an operation reads as of: found on the root `person` field (literal, variable, through
// fragments), one day per operation; forwarded to every subgraph call in the as-of header; and part
// of what makes two subgraph fetches "the same", so a fetch for one day is never merged with the
// same fetch for another.
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { generateKeyPair } from 'jose';
import { IdentityTokenIssuer } from '../../core/identity-token';
import { AS_OF_HEADER } from '../../core/valid-time';
import { requestedAsOfDays, TODAY } from '../as-of';
import type { GatewayContext } from '../context';
import { IdentityForwardingDataSource } from '../data-source';

function days(source: string, variables: Record<string, unknown> = {}): string[] {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  return [...requestedAsOfDays(operation, fragments, variables)].sort();
}

describe('requestedAsOfDays', () => {
  it('reads a literal day', () => {
    expect(days('{ person(cpr: "0101801234", asOf: "2026-12-20") { id } }')).toEqual(['2026-12-20']);
  });

  it('reads a variable day, and none when the variable is null or not given', () => {
    const query = 'query($cpr: String!, $day: Date) { person(cpr: $cpr, asOf: $day) { id } }';
    expect(days(query, { cpr: '0101801234', day: '2026-12-20' })).toEqual(['2026-12-20']);
    expect(days(query, { cpr: '0101801234', day: null })).toEqual([TODAY]);
    expect(days(query, { cpr: '0101801234' })).toEqual([TODAY]);
  });

  it('reads today without asOf, or with asOf: null', () => {
    expect(days('{ person(cpr: "0101801234") { id } }')).toEqual([TODAY]);
    expect(days('{ person(cpr: "0101801234", asOf: null) { id } }')).toEqual([TODAY]);
  });

  it('counts a person without a day beside one with a day as two days (else it would be answered as of the other)', () => {
    expect(days('{ a: person(cpr: "1", asOf: "2026-12-20") { id } b: person(cpr: "1") { id } }')).toEqual(['2026-12-20', TODAY]);
    expect(days('{ a: person(cpr: "1") { id } b: person(cpr: "2") { id } }')).toEqual([TODAY]);
  });

  it('finds the day through named and inline fragments at the root', () => {
    expect(days('query { ...Root } fragment Root on Query { person(cpr: "0101801234", asOf: "2026-12-21") { id } }')).toEqual(['2026-12-21']);
    expect(days('query { ... on Query { person(cpr: "0101801234", asOf: "2026-11-30") { id } } }')).toEqual(['2026-11-30']);
    // A fragment spread twice (or spreading itself through another) is walked once.
    expect(days('query { ...A ...A } fragment A on Query { person(cpr: "1", asOf: "2026-12-20") { id } }')).toEqual(['2026-12-20']);
  });

  it('collects every day the root asks for, once each: two aliases for different days, or for the same', () => {
    expect(days('{ a: person(cpr: "1", asOf: "2026-11-30") { id } b: person(cpr: "1", asOf: "2026-12-20") { id } }')).toEqual(['2026-11-30', '2026-12-20']);
    expect(days('query($d: Date) { a: person(cpr: "1", asOf: $d) { id } ...F } fragment F on Query { b: person(cpr: "2", asOf: "2026-12-21") { id } }', { d: '2026-12-20' })).toEqual(['2026-12-20', '2026-12-21']);
    expect(days('{ a: person(cpr: "1", asOf: "2026-12-20") { id } b: person(cpr: "2", asOf: "2026-12-20") { id } }')).toEqual(['2026-12-20']);
  });

  it('ignores other root fields, mutations, and a value that is not a date (the Date scalar refuses it)', () => {
    expect(days('{ inbox { nodes { kind } } }')).toEqual([]);
    expect(days('{ inbox { nodes { kind } } person(cpr: "1", asOf: "2026-12-20") { id } }')).toEqual(['2026-12-20']);
    expect(days('mutation { person(cpr: "1", asOf: "2026-12-20") { id } }')).toEqual([]);
    expect(days('{ person(cpr: "1", asOf: "20-12-2026") { id } }')).toEqual([]);
    expect(days('query($d: Date) { person(cpr: "1", asOf: $d) { id } }', { d: 20261220 })).toEqual([]);
  });
});

describe('the as-of header on subgraph fetches', () => {
  const QUERY = 'query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { absences { start } } } }';
  const identity = { role: 'caseworker', authority: '101', subject: 'caseworker-anne' } as const;

  async function source() {
    const seen: (string | null)[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fetcher = (async (_url: string, init: { headers: Record<string, string> }) => {
      seen.push(init.headers[AS_OF_HEADER] ?? null);
      // Held until every caller has asked, so identical fetches are in flight at the same moment.
      await gate;
      return new Response(JSON.stringify({ data: { _entities: [{ absences: [] }] } }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as unknown as ConstructorParameters<typeof IdentityForwardingDataSource>[0]['fetcher'];
    const issuer = new IdentityTokenIssuer((await generateKeyPair('ES256')).privateKey);
    const dataSource = new IdentityForwardingDataSource({ name: 'absence', url: 'http://absence.invalid/graphql', fetcher }, issuer);
    const fetch = (asOf: string | null) => {
      const context: GatewayContext = { identity, asOf };
      return dataSource.process({
        // GraphQLDataSourceRequestKind.INCOMING_OPERATION; the gateway does not export the enum.
        kind: 'incoming operation',
        request: { query: QUERY, variables: { representations: [{ __typename: 'Person', id: 'p-1' }] } },
        context,
        incomingRequestContext: { operationName: 'Overview', operation: undefined } as never,
        document: parse(QUERY),
        pathInIncomingRequest: [],
      } as unknown as GraphQLDataSourceProcessOptions<GatewayContext>);
    };
    return { seen, release, fetch };
  }

  it('carries the operation day, and no header for a read of today', async () => {
    const { seen, release, fetch } = await source();
    release();
    await fetch('2026-12-20');
    await fetch(null);
    expect(seen).toEqual(['2026-12-20', null]);
  });

  it('merges identical fetches in flight for the same day, never two for different days', async () => {
    const { seen, release, fetch } = await source();
    const answers = Promise.all([fetch('2026-12-20'), fetch('2026-12-20'), fetch('2026-11-30'), fetch(null), fetch(null)]);
    await new Promise((r) => setTimeout(r, 20));
    release();
    const results = await answers;
    expect(seen.sort()).toEqual(['2026-11-30', '2026-12-20', null].sort());
    for (const result of results) expect(result.data).toEqual({ _entities: [{ absences: [] }] });
  });
});
