// Opens a store's database: its own SQLite file by default, or its own PostgreSQL schema when a
// DATABASE_URL is configured. Nothing else in the engine knows which one it got.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema.js';
import { withStatementCache } from './statement-cache.js';
import { WriteCounter } from './write-counter.js';

export type DatabaseTarget =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string; schema: string; poolSize?: number };

export interface StoreDatabase {
  db: Kysely<Database>;
  target: DatabaseTarget;
  /** SQLite only: the connection itself (backups copy through it, see backups/sqlite-backup.ts). */
  sqlite?: SqliteDatabase.Database;
  /** Counts this process's writes through `db` (what the catalogue version watches, catalog/catalog-version.ts). */
  writes: WriteCounter;
  close(): Promise<void>;
}

/** PostgreSQL schema of a store: ids allow "-", schemas are safer without it. */
export function schemaForStore(storeId: string): string {
  return `store_${storeId.replace(/-/g, '_')}`;
}

export function targetForStore(storeId: string, opts: { dataDir: string; databaseUrl?: string }): DatabaseTarget {
  if (opts.databaseUrl) return { kind: 'postgres', url: opts.databaseUrl, schema: schemaForStore(storeId) };
  return { kind: 'sqlite', file: `${opts.dataDir}/${storeId}/lojista.sqlite` };
}

export async function openDatabase(target: DatabaseTarget): Promise<StoreDatabase> {
  if (target.kind === 'sqlite') return openSqlite(target);
  return openPostgres(target);
}

function openSqlite(target: Extract<DatabaseTarget, { kind: 'sqlite' }>): StoreDatabase {
  if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
  const handle = new SqliteDatabase(target.file);
  // WAL lets readers run beside the writer; synchronous=FULL makes every commit durable on power loss.
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = FULL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  const writes = new WriteCounter();
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(handle) }), plugins: [writes] });
  return { db, target, sqlite: handle, writes, close: () => db.destroy() };
}

async function openPostgres(target: Extract<DatabaseTarget, { kind: 'postgres' }>): Promise<StoreDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(target.schema)) throw new Error(`unsafe schema name "${target.schema}"`);
  await ensureSchema(target.url, target.schema);
  const { default: pg } = await loadPg();
  // Every connection of this pool resolves unqualified table names in the store's schema only, so
  // no query of store A can name store B's tables.
  const pool = new pg.Pool({
    connectionString: target.url,
    max: target.poolSize ?? 5,
    options: `-c search_path=${target.schema}`,
    // Names the store in pg_stat_activity, so an operator (and `lojista restore`) sees who is connected.
    application_name: `lojista:${target.schema}`,
  });
  const writes = new WriteCounter();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [writes] });
  return { db, target, writes, close: () => db.destroy() };
}

// The PostgreSQL driver is loaded only when a store uses PostgreSQL.
const loadPg = () => import('pg');

async function ensureSchema(url: string, schema: string): Promise<void> {
  const { default: pg } = await loadPg();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create schema if not exists ${schema}`);
  } catch (err) {
    // Two processes creating the same schema at once: one wins, the other sees a duplicate.
    const code = (err as { code?: string }).code;
    if (code !== '42P06' && code !== '23505') throw err;
  } finally {
    await client.end();
  }
}

/** Drops a store's PostgreSQL schema — for tests and `lojista` tooling only. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  const { default: pg } = await loadPg();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

export { sql };
