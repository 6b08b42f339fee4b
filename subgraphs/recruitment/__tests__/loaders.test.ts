// DataLoaders: Person.mediations, JobOrder.* lists and entity references cost a constant number of
// SQL queries however many persons or orders one operation touches (no N+1).
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
import { recruitmentSubgraph } from '..';
import { JobOrder } from '../entities/JobOrder';
import { Mediation } from '../entities/Mediation';

let orm: MikroORM;
let queries = 0;
const personIds: string[] = [];
const schema = buildSubgraphSchema([{ typeDefs: recruitmentSubgraph.typeDefs, resolvers: { ...scalarResolvers, ...recruitmentSubgraph.resolvers } as GraphQLResolverMap<unknown> }]);

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recruitment-loaders-'));
  orm = await openDatabase({
    subgraph: 'recruitment',
    target: { kind: 'sqlite', location: path.join(dir, 'recruitment.sqlite') },
    entities: recruitmentSubgraph.entities,
    migrations: recruitmentSubgraph.migrations,
    onQuery: () => queries++,
  });
  const em = orm.em.fork();
  const now = new Date('2026-11-23T09:00:00Z');
  for (let i = 0; i < 20; i++) {
    const personId = randomUUID();
    personIds.push(personId);
    em.create(KnownPerson, { id: personId, cpr: `01019${String(i).padStart(5, '0')}`, municipalityCode: '101', akasser: [], memberships: [] });
    for (let j = 0; j < 3; j++) {
      const order = em.create(JobOrder, {
        id: randomUUID(), title: `Ordre ${i}-${j}`, description: 'Opgaver.', isInternal: j % 2 === 0, caseWorkerAllowed: false, origin: 'CASEWORKER_SYSTEM',
        status: 'OPEN', owningKind: 'JOBCENTRE', owningAuthority: j === 2 ? '147' : '101', createdBy: 'JOBCENTRE:101', createdAt: now, updatedAt: now,
      });
      em.create(Mediation, { id: randomUUID(), jobOrderId: order.id, personId, personJobcentre: '101', status: 'MEDIATED', mediatedBy: 'JOBCENTRE:101', createdAt: now, updatedAt: now });
    }
  }
  await em.flush();
});
afterAll(() => orm.close());

const QUERY = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person {
  mediations { id status mediatedBy { code } jobOrder { id title editable collaboration { name } events { actionType { id } mediation { id } } mediations { id } } }
} } }`;

async function countQueries(persons: number): Promise<{ queries: number; mediations: number }> {
  const identity: Identity = { role: 'caseworker', authority: '101', subject: 'cw' };
  const em = orm.em.fork();
  const context = { identity, em, loaders: recruitmentSubgraph.createLoaders(em), clock: new ManualClock('2026-11-23T09:00:00Z'), requestId: 'test' };
  const before = queries;
  const result = await graphql({ schema, source: QUERY, contextValue: context, variableValues: { reps: personIds.slice(0, persons).map((id) => ({ __typename: 'Person', id })) } });
  expect(result.errors).toBeUndefined();
  const data = result.data as { _entities: { mediations: unknown[] }[] };
  return { queries: queries - before, mediations: data._entities.reduce((n, p) => n + p.mediations.length, 0) };
}

it('answers 2 and 20 persons with their orders, events and candidates in the same number of queries', async () => {
  const few = await countQueries(2);
  const many = await countQueries(20);
  expect(few.mediations).toBeGreaterThan(0);
  expect(many.mediations).toBeGreaterThan(few.mediations);
  expect(many.queries).toBe(few.queries);
  expect(many.queries).toBeLessThanOrEqual(10);
});
