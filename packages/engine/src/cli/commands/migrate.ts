// `lojista migrate`: bring every store's database (or one) to the latest schema. Serving does this
// on start too; this is for deploy scripts that migrate first.
import { openDatabase, targetForStore } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { loadStoreConfigs } from '../../stores/load-config.js';
import type { CliEnv } from '../env.js';

export async function migrate(env: CliEnv, opts: { store?: string }): Promise<Record<string, string[]>> {
  const applied: Record<string, string[]> = {};
  for (const { id } of await loadStoreConfigs(env.configDir, opts.store)) {
    const database = await openDatabase(targetForStore(id, { dataDir: env.dataDir, ...(env.databaseUrl ? { databaseUrl: env.databaseUrl } : {}) }));
    try {
      applied[id] = await migrateToLatest(database);
    } finally {
      await database.close();
    }
  }
  return applied;
}
