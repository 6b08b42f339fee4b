// The person subgraph as a module the server factory can start, embedded or alone.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { SubgraphModule } from '../../core/subgraph-server';
import { personConsumers } from './consumers';
import { entities } from './entities';
import { createLoaders, type PersonLoaders } from './loaders';
import { resolvers } from './resolvers';
import { migrations } from './migrations';
import { runScheduledJobs } from './mutations/scheduled';
import { runPersonRetention } from './mutations/retention';
import { personEffects } from './mutations/effects';

export const typeDefs = parse(fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export const personSubgraph: SubgraphModule<PersonLoaders> = {
  name: 'person',
  typeDefs,
  resolvers,
  entities,
  migrations,
  createLoaders,
  consumers: (clock) => personConsumers(clock),
  // Contact-group changes recorded for a later day take effect on it (mutations/effects.ts).
  effects: personEffects,
  // Hourly rather than once at night: every job is idempotent and computes "as of today", so a
  // missed night (a restart, a deploy) costs at most an hour, never a day.
  scheduledJobs: [
    { name: 'person-daily-rules', intervalMs: 3_600_000, run: (ctx) => runScheduledJobs(ctx) },
    { name: 'retention', intervalMs: 3_600_000, run: (ctx) => runPersonRetention(ctx) },
  ],
};
