// The recruitment subgraph as a module the server factory can start, embedded or alone.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { SubgraphModule } from '../../core/subgraph-server';
import { occupationCatalog } from '../common/occupations';
import { consumers } from './consumers';
import { entities } from './entities';
import { createLoaders, type RecruitmentLoaders } from './loaders';
import { createResolvers } from './resolvers';
import { migrations } from './migrations';

export const typeDefs = parse(fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export const recruitmentSubgraph: SubgraphModule<RecruitmentLoaders> = {
  name: 'recruitment',
  typeDefs,
  // The occupation list: the shipped ESCO-STAR sample, or the full list in OCCUPATION_CATALOG_FILE.
  resolvers: createResolvers(occupationCatalog()),
  entities,
  migrations,
  createLoaders,
  consumers,
};
