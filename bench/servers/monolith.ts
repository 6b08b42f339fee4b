// Benchmark peer "monolith" (issue 10): one @apollo/server, no federation, serving the supergraph's
// API schema with the five subgraphs' own resolvers over their own databases. It is the floor:
// the same data access and rules with no query planning, no subgraph HTTP hops and no entity
// fetches, so ours/monolith is what the federation layer costs.
//
// Each field runs the resolver of the subgraph that owns it, with that subgraph's request context
// (its own EntityManager fork and DataLoaders). A field of an entity owned by another subgraph
// first turns the parent into that subgraph's object through its __resolveReference, exactly the
// step the gateway's entity fetch performs, cached per request so a list pays it once per row.
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { Supergraph } from '@apollo/federation-internals';
import { defaultFieldResolver, isObjectType, type DocumentNode, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { databaseTarget } from '../../core/config';
import { systemClock } from '../../core/clock';
import { InProcessBus } from '../../core/bus';
import { cprPseudonymKey, cprPseudonymiser } from '../../core/cpr-pseudonym';
import { openDatabase } from '../../core/db';
import type { Identity } from '../../core/identity';
import { serveApollo } from '../../core/http';
import { scalarResolvers } from '../../core/scalars';
import type { SubgraphContext, SubgraphModule } from '../../core/subgraph-server';
import { ClientAuthenticator } from '../../gateway/client-auth';
import { readSupergraph } from '../../gateway/compose';
import { clientAuthOptions } from '../../gateway/keys';
import { notificationsSubgraph } from '../../gateway/notifications';
import { loadSubgraphModules } from '../../launcher/modules';
import path from 'node:path';

type Resolvers = Record<string, Record<string, unknown>>;
type AnyModule = SubgraphModule<unknown>;

interface MonolithContext {
  identity: Identity;
  contexts: Map<string, SubgraphContext>;
  references: Map<string, Promise<unknown>>;
}

/** The fields a subgraph resolves itself (not `@external`), by type. */
function ownedFields(typeDefs: DocumentNode): Map<string, Set<string>> {
  const owned = new Map<string, Set<string>>();
  for (const definition of typeDefs.definitions) {
    if (definition.kind !== 'ObjectTypeDefinition' && definition.kind !== 'ObjectTypeExtension') continue;
    const fields = owned.get(definition.name.value) ?? new Set<string>();
    for (const field of definition.fields ?? []) {
      if (!field.directives?.some((d) => d.name.value === 'external')) fields.add(field.name.value);
    }
    owned.set(definition.name.value, fields);
  }
  return owned;
}

function attachResolvers(schema: GraphQLSchema, modules: AnyModule[]): void {
  const owners = modules.map((module) => ({ module, owned: ownedFields(module.typeDefs), resolvers: module.resolvers as unknown as Resolvers }));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const candidates = owners.filter((o) => o.owned.get(type.name)?.has(field.name));
      const owner = candidates.find((o) => typeof o.resolvers[type.name]?.[field.name] === 'function') ?? candidates[0];
      if (!owner) continue;
      const own = owner.resolvers[type.name]?.[field.name] as GraphQLFieldResolver<unknown, SubgraphContext> | undefined;
      const resolveReference = owner.resolvers[type.name]?.__resolveReference as ((ref: unknown, ctx: SubgraphContext) => unknown) | undefined;
      const isRoot = type === schema.getQueryType() || type === schema.getMutationType();
      field.resolve = async (parent, args, ctx: MonolithContext, info) => {
        const subgraphContext = ctx.contexts.get(owner.module.name)!;
        let source = parent;
        if (!isRoot && resolveReference && parent && typeof parent === 'object' && 'id' in parent) {
          const key = `${owner.module.name}\u0000${type.name}\u0000${String((parent as { id: unknown }).id)}`;
          let pending = ctx.references.get(key);
          if (!pending) {
            pending = Promise.resolve(resolveReference({ __typename: type.name, id: (parent as { id: unknown }).id }, subgraphContext));
            ctx.references.set(key, pending);
          }
          source = (await pending) ?? parent;
        }
        return (own ?? defaultFieldResolver)(source, args, subgraphContext, info);
      };
    }
  }
}

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  const modules = [...loadSubgraphModules(), notificationsSubgraph] as AnyModule[];
  const bus = new InProcessBus(path.join(dataDir, 'bus.sqlite'));
  const orms = new Map<string, MikroORM>();
  for (const module of modules) {
    orms.set(module.name, await openDatabase({ subgraph: module.name, target: databaseTarget(module.name, dataDir), entities: module.entities, migrations: module.migrations }));
  }
  const schema = Supergraph.build(readSupergraph()).apiSchema().toGraphQLJSSchema();
  attachResolvers(schema, modules);
  for (const [name, scalar] of Object.entries(scalarResolvers)) Object.assign(schema.getType(name) ?? {}, { serialize: scalar.serialize, parseValue: scalar.parseValue, parseLiteral: scalar.parseLiteral });

  const authenticator = new ClientAuthenticator(await clientAuthOptions(dataDir));
  const pseudonymiseCpr = cprPseudonymiser(cprPseudonymKey(dataDir));
  const apollo = new ApolloServer<MonolithContext>({ schema, introspection: false });
  await apollo.start();
  const served = await serveApollo(apollo, {
    host: '127.0.0.1',
    port: 0,
    maxBodyBytes: 100_000,
    context: async (req) => {
      const identity = await authenticator.authenticate(req.headers.authorization);
      const requestId = randomUUID();
      const contexts = new Map<string, SubgraphContext>();
      for (const module of modules) {
        const em: EntityManager = orms.get(module.name)!.em.fork();
        contexts.set(module.name, { identity, em, loaders: module.createLoaders(em), clock: systemClock, bus, requestId, clientOperation: 'monolith', pseudonymiseCpr, asOf: null });
      }
      return { identity, contexts, references: new Map() };
    },
  });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stop') void served.close().then(() => process.exit(0));
  });
  process.send?.({ type: 'ready', url: served.url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
