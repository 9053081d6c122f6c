// Runs a storage suite on every database the engine supports: a temporary SQLite file always, and a
// fresh PostgreSQL schema when PostgreSQL is reachable (required under LOJISTA_REQUIRE_SERVICES=1).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { postgresGate } from '@lojista/testkit';
import { afterAll, beforeAll, it } from 'vitest';
import { dropPostgresSchema, openDatabase, type DatabaseTarget, type StoreDatabase } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export type DatabaseName = 'sqlite' | 'postgres';

export interface DatabaseChoice {
  name: DatabaseName;
  available: boolean;
}

/**
 * The databases a suite runs on: SQLite always, PostgreSQL when it answers. Without it the suites are
 * skipped with a loud line; under LOJISTA_REQUIRE_SERVICES=1 postgresGate() throws, so the file fails.
 */
export async function testDatabases(): Promise<DatabaseChoice[]> {
  const pg = await postgresGate();
  return [
    { name: 'sqlite', available: true },
    { name: 'postgres', available: pg.available },
  ];
}

export type FreshDatabase = StoreDatabase & { cleanup(): Promise<void> };

export interface DatabaseKind extends DatabaseChoice {
  /** A fresh, migrated, empty database; `cleanup()` removes it. */
  open(): Promise<FreshDatabase>;
}

/**
 * Call first in a `describe.each(kinds)` block, and `return` when it answers true: an unreachable
 * PostgreSQL becomes one loud skipped test instead of the block's tests.
 */
export function skipUnavailable(choice: DatabaseChoice): boolean {
  if (choice.available) return false;
  it.skip('needs PostgreSQL (unreachable; LOJISTA_REQUIRE_SERVICES=1 turns this into a failure)', () => undefined);
  return true;
}

/**
 * A fresh database for the enclosing describe block: opened (and `seed`ed) before its tests, removed
 * after them. The object is filled in by beforeAll, so read its fields inside tests only.
 */
export function freshDatabase(kind: DatabaseKind, seed?: (db: FreshDatabase) => Promise<void>): FreshDatabase {
  const holder = {} as FreshDatabase;
  beforeAll(async () => {
    Object.assign(holder, await kind.open());
    await seed?.(holder);
  });
  afterAll(async () => {
    await holder.cleanup?.();
  });
  return holder;
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
