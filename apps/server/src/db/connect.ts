import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { openNodeSqlite } from './node-sqlite-adapter.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL schema holding our tables (`public` unless a test picked its own). */
  schema: string | undefined;
  close: () => Promise<void>;
}

export interface ConnectOptions {
  /** PostgreSQL only: schema to use (created if missing); tests use one schema per suite. */
  schema?: string;
}

/** `DATABASE_URL` picks the dialect: `sqlite:<path>` (or `sqlite::memory:`) or `postgresql://…`. */
export function connectDatabase(databaseUrl: string, options: ConnectOptions = {}): DbHandle {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '') || ':memory:';
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openNodeSqlite(path) }) });
    return { db, dialect: 'sqlite', schema: undefined, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 10,
    ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', schema: options.schema ?? 'public', close: () => db.destroy() };
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`Unsafe schema name: ${name}`);
  }
  return name;
}
