// DataLoaders: Person.akasseMemberships, eeaBenefitPeriods, eeaCoverage and the entity reference
// cost a constant number of SQL queries however many persons one operation touches (no N+1).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { MikroORM } from '@mikro-orm/core';
import { graphql } from 'graphql';
import { ManualClock } from '../../../core/clock';
import { openDatabase } from '../../../core/db';
import type { Identity } from '../../../core/identity';
import { scalarResolvers } from '../../../core/scalars';
import { KnownPerson } from '../../common/person-directory';
import { paymentSubgraph } from '..';
import { AkasseMembership } from '../entities/AkasseMembership';
import { EeaBenefitPeriod } from '../entities/EeaBenefitPeriod';

let orm: MikroORM;
let queries = 0;
const personIds: string[] = [];
const schema = buildSubgraphSchema([{ typeDefs: paymentSubgraph.typeDefs, resolvers: { ...scalarResolvers, ...paymentSubgraph.resolvers } as GraphQLResolverMap<unknown> }]);

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'payment-loaders-'));
  orm = await openDatabase({
    subgraph: 'payment',
    target: { kind: 'sqlite', location: path.join(dir, 'payment.sqlite') },
    entities: paymentSubgraph.entities,
    migrations: paymentSubgraph.migrations,
    onQuery: () => queries++,
  });
  const em = orm.em.fork();
  const now = new Date('2026-11-23T09:00:00Z');
  for (let i = 0; i < 20; i++) {
    const personId = randomUUID();
    personIds.push(personId);
    em.create(KnownPerson, { id: personId, cpr: `01019${String(i).padStart(5, '0')}`, municipalityCode: '101', akasser: ['21'], memberships: [] });
    em.create(AkasseMembership, { id: randomUUID(), personId, akasse: '21', start: '2020-01-01', end: null, registeredBy: 'system:STAR', endedBy: null, createdAt: now, updatedAt: now });
    for (const [start, end] of [['2026-01-01', '2026-02-28'], ['2026-06-01', '2026-06-30']]) {
      em.create(EeaBenefitPeriod, { paymentId: randomUUID(), personId, country: 'DE', start, end, interruptionDate: null, interruptionCauseId: null, reportedBy: '21', createdAt: now, updatedAt: now });
    }
  }
  await em.flush();
});
afterAll(() => orm.close());

const QUERY = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person {
  akasseMemberships { id akasse } eeaBenefitPeriods { paymentId interruptionCause { id } coveredUntil } eeaCoverage(from: "2026-01-01", to: "2026-12-31") { week }
} } }`;

async function countQueries(persons: number): Promise<{ queries: number; periods: number }> {
  const identity: Identity = { role: 'caseworker', authority: '101', subject: 'cw' };
  const em = orm.em.fork();
  const context = { identity, em, loaders: paymentSubgraph.createLoaders(em), clock: new ManualClock('2026-11-23T09:00:00Z'), requestId: 'test' };
  const before = queries;
  const result = await graphql({ schema, source: QUERY, contextValue: context, variableValues: { reps: personIds.slice(0, persons).map((id) => ({ __typename: 'Person', id })) } });
  expect(result.errors).toBeUndefined();
  const data = result.data as { _entities: { eeaBenefitPeriods: unknown[] }[] };
  return { queries: queries - before, periods: data._entities.reduce((n, p) => n + p.eeaBenefitPeriods.length, 0) };
}

it('answers 2 and 20 persons with memberships, periods and weeks in the same number of queries', async () => {
  const few = await countQueries(2);
  const many = await countQueries(20);
  expect([few.periods, many.periods]).toEqual([4, 40]);
  expect(many.queries).toBe(few.queries);
  expect(many.queries).toBeLessThanOrEqual(3);
});
