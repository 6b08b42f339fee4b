// The services the gateway composes: the five domain subgraphs and the gateway's own notifications
// service, with their folders and default local ports. Their URLs in the supergraph are these
// defaults; <NAME>_URL overrides one at run time (see README).
import fs from 'node:fs';
import path from 'node:path';

export const SUBGRAPHS = [
  { name: 'person', port: 4001, dir: 'subgraphs/person' },
  { name: 'absence', port: 4002, dir: 'subgraphs/absence' },
  { name: 'plan', port: 4003, dir: 'subgraphs/plan' },
  { name: 'recruitment', port: 4004, dir: 'subgraphs/recruitment' },
  { name: 'payment', port: 4005, dir: 'subgraphs/payment' },
  { name: 'notifications', port: 4006, dir: 'gateway/notifications' },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export function serviceDir(name: string): string {
  const entry = SUBGRAPHS.find((s) => s.name === name);
  if (!entry) throw new Error(`Unknown service "${name}"`);
  return path.join(__dirname, '..', entry.dir);
}

export function schemaPath(name: string): string {
  return path.join(serviceDir(name), 'schema.graphql');
}

export function readSubgraphSchema(name: string): string {
  return fs.readFileSync(schemaPath(name), 'utf8');
}
