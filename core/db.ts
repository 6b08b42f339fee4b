// Opens a subgraph's own database (SQLite file by default, PostgreSQL when configured) and brings
// its schema up to date with the subgraph's checked-in migrations for that dialect.
import fs from 'node:fs';
import path from 'node:path';
import { EntitySchema, MikroORM, type MigrationObject, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import pg from 'pg';
import { Migrator } from '@mikro-orm/migrations';
import type { DatabaseTarget } from './config';
import { coreEntities } from './outbox';

export interface SubgraphMigrations {
  sqlite: MigrationObject[];
  postgresql: MigrationObject[];
}

export interface DatabaseOptions {
  subgraph: string;
  target: DatabaseTarget;
  entities: EntitySchema[];
  migrations: SubgraphMigrations;
  /** Every SQL statement as it runs, without the log's prefix or timing (tests and the benchmark count them). */
  onQuery?: (sql: string) => void;
}

export function ormOptions(options: DatabaseOptions): Options {
  const { target, subgraph } = options;
  const common = {
    entities: [...coreEntities, ...options.entities],
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true },
    allowGlobalContext: false,
    debug: options.onQuery ? (['query'] as const) : false,
    // MikroORM's query log line is "[query] <sql> [took …]"; callers get the statement alone.
    colors: false,
    logger: options.onQuery ? (line: string) => options.onQuery!(line.replace(/^\[query\]\s*/, '').replace(/\s*\[took [^\]]*\]\s*$/, '')) : () => undefined,
    forceUtcTimezone: true,
    // Entities declared with defineEntity have no class initialisers; their onCreate hooks give a
    // new row its starting values (null, 'ACTIVE', …) in em.create already, not only at flush.
    processOnCreateHooksEarly: true,
  };
  if (target.kind === 'sqlite') {
    return {
      ...common,
      driver: BetterSqliteDriver,
      dbName: target.location,
      migrations: { migrationsList: options.migrations.sqlite, transactional: true, snapshot: false },
    } as Options;
  }
  return {
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: target.location,
    pool: { min: 0, max: 10 },
    migrations: { migrationsList: options.migrations.postgresql, transactional: true, snapshot: false },
    // One pool per subgraph process; the application name shows who holds a connection.
    driverOptions: { connection: { application_name: `dfdg-${subgraph}` } },
  } as Options;
}

/** Opens the database, creating it (and its folder) when missing, and runs pending migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<MikroORM> {
  if (options.target.kind === 'sqlite') {
    fs.mkdirSync(path.dirname(options.target.location), { recursive: true });
  } else {
    await ensurePostgresDatabase(options.target.location);
  }
  const orm = await MikroORM.init(ormOptions(options));
  if (options.target.kind === 'sqlite') {
    // WAL lets readers run beside the single writer; the busy timeout waits for a lock instead of
    // failing at once when a second process (a seed script, a migration) holds it.
    const connection = orm.em.getConnection();
    await connection.execute('pragma journal_mode = wal');
    await connection.execute('pragma synchronous = normal');
    await connection.execute('pragma busy_timeout = 5000');
    await connection.execute('pragma foreign_keys = on');
  }
  await orm.getMigrator().up();
  return orm;
}

/** PostgreSQL has no CREATE DATABASE IF NOT EXISTS; connect to the server's default database to ask. */
export async function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unsupported database name "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const { Client } = pg;
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`create database "${name}"`).catch((error: { code?: string }) => {
        // Another process created it between our check and our create.
        if (error.code !== '42P04') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const { Client } = pg;
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}
