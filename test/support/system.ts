// Starts the whole system for a test file: temporary data folder, free ports, a manual clock, and
// PostgreSQL databases of their own when TEST_DATABASE_URL is set (the CI's second run).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ManualClock } from '../../core/clock';
import type { DatabaseTarget } from '../../core/config';
import { dropPostgresDatabase } from '../../core/db';
import { NatsBus } from '../../core/nats-bus';
import { connect } from 'nats';
import type { Role } from '../../core/identity';
import { composeSupergraph } from '../../gateway/compose';
import { startEmbedded, type EmbeddedSystem } from '../../launcher/embedded';
import { IDENTITY_HEADER, IdentityTokenIssuer } from '../../core/identity-token';
import { identitySigningKey } from '../../core/key-sources';
import { devClientSigningKey } from '../../gateway/keys';
import { issueClientToken } from '../../gateway/tokens';
import type { RateLimitOptions } from '../../gateway/rate-limit';
import type { TrustedDocuments } from '../../gateway/trusted-documents';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }>;
}

export interface TestSystem {
  system: EmbeddedSystem;
  clock: ManualClock;
  dataDir: string;
  url: string;
  /** A client token; `subject` names the caller (default one per role and authority). */
  token(role: Role, authority: string, subject?: string): Promise<string>;
  /** POSTs an operation to the gateway as the given caller (a token string or role/authority). */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, as?: string | { role: Role; authority: string }): Promise<GraphQLResponse<T>>;
  /** Straight to one subgraph with an identity token the gateway would have minted: works while the gateway is down. */
  subgraphGql<T = Record<string, unknown>>(subgraph: string, query: string, variables: Record<string, unknown>, as: { role: Role; authority: string }): Promise<GraphQLResponse<T>>;
  /**
   * Stops every process and starts them again on the same databases and bus (new ports), running
   * `whileDown` in between: e.g. moving the clock over midnight while the system is down.
   */
  restart(whileDown?: () => void | Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.TEST_DATABASE_URL);

export interface TestSystemOptions {
  today?: string;
  /** Run the bus on NATS JetStream (TEST_NATS_URL) in a namespace of its own. */
  jetstream?: boolean;
  /** The gateway's per-identity rate limit; off unless a test is about it (tests fire bursts on purpose). */
  rateLimit?: RateLimitOptions | null;
  /** The gateway's CORS origins and registered operations (docs/front-ends.md); none unless a test is about them. */
  corsOrigins?: readonly string[];
  trustedDocuments?: TrustedDocuments;
}

let freshSupergraph: string | undefined;

export async function startTestSystem(options: TestSystemOptions = {}): Promise<TestSystem> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-test-'));
  const clock = new ManualClock(`${options.today ?? '2026-11-23'}T09:00:00Z`);
  const suffix = randomBytes(4).toString('hex');
  const postgres: string[] = [];
  const database = usingPostgres
    ? (name: string): DatabaseTarget => {
        const url = new URL(process.env.TEST_DATABASE_URL!);
        url.pathname = `/dfdg_test_${name}_${suffix}`;
        postgres.push(url.toString());
        return { kind: 'postgresql', location: url.toString() };
      }
    : undefined;
  const namespace = `t${suffix}`;
  const connectBus = async () => (options.jetstream ? NatsBus.connect({ servers: process.env.TEST_NATS_URL!, namespace }) : undefined);
  // Composed from today's schema files (test/supergraph.test.ts holds the checked-in file to it).
  const supergraphSdl = (freshSupergraph ??= composeSupergraph().supergraphSdl);
  const launch = async () => startEmbedded({ dataDir, gatewayPort: 0, subgraphPorts: 'random', clock, database, bus: await connectBus(), supergraphSdl, rateLimit: options.rateLimit ?? null, corsOrigins: options.corsOrigins, trustedDocuments: options.trustedDocuments });
  let system = await launch();
  const signingKey = await devClientSigningKey(dataDir);
  const token = (role: Role, authority: string, subject = `test-${role}-${authority}`) => issueClientToken(signingKey, { role, authority, subject });
  let url = system.gateway.url;
  let identityIssuer: IdentityTokenIssuer | undefined;

  return {
    get system() {
      return system;
    },
    clock,
    dataDir,
    get url() {
      return url;
    },
    token,
    async restart(whileDown) {
      await system.stop();
      // The database names repeat (same suffix): a PostgreSQL run reopens the same databases.
      postgres.length = 0;
      await whileDown?.();
      system = await launch();
      url = system.gateway.url;
    },
    async gql(query, variables = {}, as = { role: 'system', authority: 'STAR' }) {
      const bearer = typeof as === 'string' ? as : await token(as.role, as.authority);
      return postGraphQL(url, query, variables, { authorization: `Bearer ${bearer}` });
    },
    async subgraphGql(subgraph, query, variables, as) {
      const target = system.subgraphs.find((s) => s.name === subgraph)!;
      const identity = await (identityIssuer ??= new IdentityTokenIssuer(await identitySigningKey(dataDir))).mint({ subject: `test-${as.role}-${as.authority}`, ...as }, subgraph);
      return postGraphQL(target.url, query, variables, { [IDENTITY_HEADER]: identity });
    },
    async stop() {
      await system.stop();
      if (options.jetstream) await deleteJetStream(namespace);
      for (const db of postgres) await dropPostgresDatabase(db);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function postGraphQL<T>(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  return { ...body, status: response.status };
}

/** The codes of a response's errors, for compact assertions. */
export function errorCodes(response: GraphQLResponse<unknown>): unknown[] {
  return (response.errors ?? []).map((e) => e.extensions?.code);
}

async function deleteJetStream(namespace: string): Promise<void> {
  const connection = await connect({ servers: process.env.TEST_NATS_URL });
  await (await connection.jetstreamManager()).streams.delete(`${namespace}_DFDG_EVENTS`).catch(() => undefined);
  await connection.close();
}

/** Retries `attempt` until it stops failing: with JetStream, other subgraphs see a change a moment later. */
export async function eventually<T>(attempt: () => Promise<T>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
