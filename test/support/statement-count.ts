// One subgraph's schema over its own SQLite file, with every SQL statement counted: what the
// loader tests of all five subgraphs use to show a list costs the same statements at any length.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { graphql } from 'graphql';
import { ManualClock, type Clock } from '../../core/clock';
import { cprPseudonymiser } from '../../core/cpr-pseudonym';
import { openDatabase } from '../../core/db';
import type { Identity } from '../../core/identity';
import { scalarResolvers } from '../../core/scalars';
import type { SubgraphModule } from '../../core/subgraph-server';

export const CASEWORKER_101: Identity = { role: 'caseworker', authority: '101', subject: 'cw' };

export interface CountedRun<T> {
  /** SQL statements the operation ran. */
  statements: number;
  data: T;
}

export interface CountingSubgraph {
  run<T = Record<string, unknown>>(source: string, variables?: Record<string, unknown>, identity?: Identity): Promise<CountedRun<T>>;
  close(): Promise<void>;
}

/** Opens `module`'s database in a fresh folder, lets `seed` fill it, and counts from then on. */
export async function countingSubgraph<L>(
  module: SubgraphModule<L>,
  seed: (em: EntityManager) => void | Promise<void>,
  clock: Clock = new ManualClock('2026-11-23T09:00:00Z'),
): Promise<CountingSubgraph> {
  let statements = 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${module.name}-statements-`));
  const orm: MikroORM = await openDatabase({
    subgraph: module.name,
    target: { kind: 'sqlite', location: path.join(dir, `${module.name}.sqlite`) },
    entities: module.entities,
    migrations: module.migrations,
    onQuery: () => statements++,
  });
  const em = orm.em.fork();
  await seed(em);
  await em.flush();
  const schema = buildSubgraphSchema([{ typeDefs: module.typeDefs, resolvers: { ...scalarResolvers, ...module.resolvers } as GraphQLResolverMap<unknown> }]);
  const pseudonymiseCpr = cprPseudonymiser(Buffer.alloc(32, 7));
  return {
    async run<T>(source: string, variables: Record<string, unknown> = {}, identity: Identity = CASEWORKER_101): Promise<CountedRun<T>> {
      const requestEm = orm.em.fork();
      const contextValue = { identity, em: requestEm, loaders: module.createLoaders(requestEm), clock, requestId: 'test', clientOperation: 'test', pseudonymiseCpr };
      const before = statements;
      const result = await graphql({ schema, source, contextValue, variableValues: variables });
      expect(result.errors).toBeUndefined();
      return { statements: statements - before, data: result.data as T };
    },
    close: () => orm.close(),
  };
}

/** `_entities` representations of these Person ids. */
export function personReferences(ids: readonly string[]): { __typename: 'Person'; id: string }[] {
  return ids.map((id) => ({ __typename: 'Person', id }));
}
