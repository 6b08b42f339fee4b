// The plan subgraph as a module the server factory can start, embedded or alone.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { SubgraphModule } from '../../core/subgraph-server';
import { consumers } from './consumers';
import { entities } from './entities';
import { createLoaders, type PlanLoaders } from './loaders';
import { resolvers } from './resolvers';
import { migrations } from './migrations';

export const typeDefs = parse(fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export const planSubgraph: SubgraphModule<PlanLoaders> = {
  name: 'plan',
  typeDefs,
  resolvers,
  entities,
  migrations,
  createLoaders,
  consumers,
};
