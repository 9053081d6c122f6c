// `lojista backup [--store X] [--list]`: an online backup of every store (or one) now, next to the
// scheduled ones, while the engine keeps serving. It copies through its own connection: SQLite in one
// step (one read transaction), PostgreSQL with pg_dump on one snapshot (see backups/).
import { existsSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { backupRoot } from '../../backups/settings.js';
import { listBackups, storeBackupDir } from '../../backups/folder.js';
import { takeBackup } from '../../backups/take-backup.js';
import { systemClock } from '../../clock.js';
import { targetForStore } from '../../db/connect.js';
import { loadStoreConfigs } from '../../stores/load-config.js';
import type { CliEnv } from '../env.js';
import { CliError, EXIT } from '../exit-codes.js';

export interface BackupLine {
  store: string;
  backup: string;
  kind: string;
  bytes: number;
  ms: number;
  tables: Record<string, number>;
  migration: string;
  pruned?: string[];
}

export async function backup(env: CliEnv, opts: { store?: string }): Promise<BackupLine[]> {
  const out: BackupLine[] = [];
  const failures: string[] = [];
  for (const { id, config } of await loadStoreConfigs(env.configDir, opts.store)) {
    const target = targetForStore(id, { dataDir: env.dataDir, ...(env.databaseUrl ? { databaseUrl: env.databaseUrl } : {}) });
    let handle: SqliteDatabase.Database | undefined;
    try {
      if (target.kind === 'sqlite') {
        if (!existsSync(target.file)) throw new Error(`no database at ${target.file} yet (the store has never run): nothing to back up`);
        handle = new SqliteDatabase(target.file, { fileMustExist: true });
        handle.pragma('busy_timeout = 5000');
      }
      const result = await takeBackup({
        storeId: id,
        database: { target, ...(handle ? { sqlite: handle } : {}) },
        root: backupRoot(config.backups, env.dataDir),
        keep: config.backups.keep,
        clock: systemClock,
        engineVersion: env.version,
        trigger: 'cli',
        sqlite: { pagesPerStep: 'all' },
      });
      const m = result.manifest;
      out.push({ store: id, backup: result.path, kind: m.kind, bytes: m.bytes, ms: m.durationMs, tables: m.tables, migration: m.migration, pruned: result.pruned });
    } catch (err) {
      failures.push(`${id}: ${(err as Error).message}`);
    } finally {
      handle?.close();
    }
  }
  if (failures.length > 0) throw new CliError(`backup failed for ${failures.join('; ')}${out.length > 0 ? ` (done: ${out.map((o) => o.store).join(', ')})` : ''}`, EXIT.failure);
  return out;
}

export async function listStoreBackups(env: CliEnv, opts: { store?: string }): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for (const { id, config } of await loadStoreConfigs(env.configDir, opts.store)) {
    for (const b of await listBackups(storeBackupDir(backupRoot(config.backups, env.dataDir), id))) {
      out.push({ store: id, backup: b.path, kind: b.manifest.kind, finishedAt: b.manifest.finishedAt, bytes: b.manifest.bytes, migration: b.manifest.migration, orders: b.manifest.tables.orders ?? 0 });
    }
  }
  return out;
}
