// Composes the supergraph from the subgraphs' schema files with @apollo/composition: at build time
// (`npm run compose`), never by introspecting running subgraphs.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { printClientSchema } from './client-schema';
import { SUBGRAPHS, readSubgraphSchema } from './subgraph-list';

export const SUPERGRAPH_PATH = path.join(__dirname, '..', 'supergraph.graphql');

export interface Composition {
  supergraphSdl: string;
  /** The API schema front ends generate from (gateway/client-schema.ts). */
  clientSchemaSdl: string;
  hints: string[];
}

export function composeSupergraph(): Composition {
  const result = composeServices(
    SUBGRAPHS.map(({ name, port }) => ({
      name,
      url: `http://localhost:${port}/graphql`,
      typeDefs: parse(readSubgraphSchema(name)),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return {
    supergraphSdl: result.supergraphSdl,
    clientSchemaSdl: printClientSchema(result.schema.toAPISchema().toGraphQLJSSchema()),
    hints: result.hints.map((h) => `${h.definition.code}: ${h.message}`),
  };
}

export function readSupergraph(): string {
  return fs.readFileSync(SUPERGRAPH_PATH, 'utf8');
}
