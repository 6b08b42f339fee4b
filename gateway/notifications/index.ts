// The notifications service as a subgraph module: composed into the supergraph like the domain
// subgraphs, but started by the gateway process (it owns no domain data, only acknowledgements and push delivery's state).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { SubgraphModule } from '../../core/subgraph-server';
import { entities } from './entities';
import { deliveryResolvers } from '../delivery/resolvers';
import { resolvers } from './resolvers';
import { migrations } from './migrations';

export const typeDefs = parse(fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export const notificationsSubgraph: SubgraphModule<Record<string, never>> = {
  name: 'notifications',
  typeDefs,
  // Push delivery shares this service and its database (gateway/delivery/).
  resolvers: { ...resolvers, Query: { ...resolvers.Query, ...deliveryResolvers.Query }, Mutation: { ...resolvers.Mutation, ...deliveryResolvers.Mutation }, Delivery: deliveryResolvers.Delivery },
  entities,
  migrations,
  createLoaders: () => ({}),
};
