// Runs the engine's migrations, on start and from `lojista migrate`. The list is static (no folder
// scanning) so the compiled engine carries its migrations wherever it is installed.
import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { StoreDatabase } from './connect.js';
import * as m0001 from './migrations/0001_catalog.js';
import * as m0002 from './migrations/0002_orders.js';
import * as m0003 from './migrations/0003_web.js';
import * as m0004 from './migrations/0004_storefront.js';
import * as m0005 from './migrations/0005_agents.js';
import * as m0006 from './migrations/0006_ops.js';
import * as m0007 from './migrations/0007_carts.js';
import * as m0008 from './migrations/0008_admin_orders.js';
import * as m0011 from './migrations/0011_cj_submitted.js';
import * as m0012 from './migrations/0012_admin.js';
import * as m0013 from './migrations/0013_admin_catalog.js';

export const MIGRATIONS: Record<string, Migration> = {
  '0001_catalog': m0001,
  '0002_orders': m0002,
  '0003_web': m0003,
  '0004_storefront': m0004,
  '0005_agents': m0005,
  '0006_ops': m0006,
  '0007_carts': m0007,
  '0008_admin_orders': m0008,
  '0011_cj_submitted': m0011,
  '0012_admin': m0012,
  '0013_admin_catalog': m0013,
};

export async function migrateToLatest(store: StoreDatabase): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateOnce(store);
    } catch (err) {
      if (!isRaceWithAnotherMigrator(err, store.target) || attempt >= 3) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

/** Whether a failed migration run lost a race that a retry gets past (our own schema or file is fine). */
export function isRaceWithAnotherMigrator(err: unknown, target: StoreDatabase['target']): boolean {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (target.kind === 'postgres') {
    // Kysely's migrator introspects every schema of the database; another store's schema dropped at
    // that moment (tests, `lojista` tooling) fails it with 3F000, or with 42P01 naming a table of
    // that other schema.
    if (cause?.code === '3F000') return true;
    return cause?.code === '42P01' && !String(cause.message).includes(`"${target.schema}.`);
  }
  // Kysely takes no migration lock on SQLite (one connection per process): two commands opening a
  // new store file at once may both start the first migration, and the later one fails on a table
  // the other just made, or on the busy file. The retry finds those migrations done.
  return /already exists|database is locked|SQLITE_BUSY/i.test(String((err as Error).message));
}

async function migrateOnce(store: StoreDatabase): Promise<string[]> {
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => MIGRATIONS },
    // Branches number their migrations apart (0004 storefront, 0012 admin…) and land in any order:
    // a database that already ran a later number still takes an earlier one merged after it.
    allowUnorderedMigrations: true,
    ...(store.target.kind === 'postgres' ? { migrationTableSchema: store.target.schema } : {}),
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
