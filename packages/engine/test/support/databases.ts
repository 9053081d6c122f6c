// Runs a storage suite on every database the engine supports: a temporary SQLite file always, and a
// fresh PostgreSQL schema when PostgreSQL is reachable (required under LOJISTA_REQUIRE_SERVICES=1).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { postgresGate } from '@lojista/testkit';
import { dropPostgresSchema, openDatabase, type DatabaseTarget, type StoreDatabase } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export interface DatabaseKind {
  name: 'sqlite' | 'postgres';
  available: boolean;
  /** A fresh, migrated, empty database; `cleanup()` removes it. */
  open(): Promise<StoreDatabase & { cleanup(): Promise<void> }>;
}

export async function databaseKinds(): Promise<DatabaseKind[]> {
  const pg = await postgresGate();
  return [
    {
      name: 'sqlite',
      available: true,
      async open() {
        const dir = mkdtempSync(join(tmpdir(), 'lojista-db-'));
        const target: DatabaseTarget = { kind: 'sqlite', file: join(dir, 'test.sqlite') };
        const store = await openDatabase(target);
        await migrateToLatest(store);
        return {
          ...store,
          async cleanup() {
            await store.close();
            rmSync(dir, { recursive: true, force: true });
          },
        };
      },
    },
    {
      name: 'postgres',
      available: pg.available,
      async open() {
        const schema = `test_${randomBytes(6).toString('hex')}`;
        const target: DatabaseTarget = { kind: 'postgres', url: pg.url, schema, poolSize: 3 };
        const store = await openDatabase(target);
        await migrateToLatest(store);
        return {
          ...store,
          async cleanup() {
            await store.close();
            await dropPostgresSchema(pg.url, schema);
          },
        };
      },
    },
  ];
}
