// Takes one backup of one store: copies its database into a ".partial-" folder, checks the copy
// (SQLite's integrity check / the dump's table of contents), writes the manifest, renames the
// folder into place and deletes what the retention no longer keeps.
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../clock.js';
import type { StoreDatabase } from '../db/connect.js';

/** What to copy: the store's database target, and on SQLite the connection to copy through. */
export type BackupSource = Pick<StoreDatabase, 'target' | 'sqlite'>;
import { sha256File } from './checksum.js';
import { backupName, newPartialFolder, pruneBackups, storeBackupDir } from './folder.js';
import { writeManifest, type BackupManifest } from './manifest.js';
import { backupSqlite, type SqliteBackupOptions } from './sqlite-backup.js';
import { inspectSqliteFile, sqliteProblems } from './sqlite-check.js';

export interface BackupRequest {
  storeId: string;
  database: BackupSource;
  /** Folder of every store's backups (backups.dir). */
  root: string;
  /** Newest backups kept after this one. */
  keep: number;
  clock: Clock;
  engineVersion: string;
  trigger: BackupManifest['trigger'];
  /** SQLite: see SqliteBackupOptions (the engine's own connection copies in steps). */
  sqlite?: SqliteBackupOptions;
}

export interface BackupResult {
  path: string;
  manifest: BackupManifest;
  /** Older backups deleted by the retention. */
  pruned: string[];
}

export class BackupCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupCheckError';
  }
}

export async function takeBackup(req: BackupRequest): Promise<BackupResult> {
  const startedMs = req.clock.now();
  const storeDir = storeBackupDir(req.root, req.storeId);
  const name = backupName(startedMs);
  const partial = await newPartialFolder(storeDir, name);
  try {
    const { target } = req.database;
    let body: Pick<BackupManifest, 'kind' | 'file' | 'tables' | 'migration' | 'source'> & { schema?: string };
    if (target.kind === 'sqlite') {
      if (!req.database.sqlite) throw new Error('the SQLite connection of the store is not available for a backup');
      const file = join(partial, 'lojista.sqlite');
      await backupSqlite(req.database.sqlite, file, req.sqlite ?? { pagesPerStep: 'all' });
      const inspection = inspectSqliteFile(file);
      const problems = sqliteProblems(inspection);
      if (problems.length > 0) throw new BackupCheckError(`the copy of ${target.file} fails SQLite's checks: ${problems.join('; ')}`);
      if (!inspection.migration) throw new BackupCheckError(`the copy of ${target.file} has no migration applied: not a lojista database`);
      body = { kind: 'sqlite', file: 'lojista.sqlite', tables: inspection.tables, migration: inspection.migration, source: `SQLite ${inspection.sqliteVersion}` };
    } else {
      const file = join(partial, 'store.pgdump');
      // pg loads only for a PostgreSQL store's backup: an embedded store never needs it (issue 11).
      const { backupPostgres } = await import('./pg-backup.js');
      const dumped = await backupPostgres(target.url, target.schema, file);
      body = { kind: 'postgres', file: 'store.pgdump', schema: target.schema, ...dumped };
    }
    const dataFile = join(partial, body.file);
    const finishedMs = req.clock.now();
    const manifest: BackupManifest = {
      format: 1,
      store: req.storeId,
      ...body,
      startedAt: new Date(startedMs).toISOString(),
      finishedAt: new Date(finishedMs).toISOString(),
      durationMs: Math.max(0, Math.round(finishedMs - startedMs)),
      bytes: (await stat(dataFile)).size,
      sha256: await sha256File(dataFile),
      engineVersion: req.engineVersion,
      trigger: req.trigger,
    };
    await writeManifest(partial, manifest);
    const path = join(storeDir, name);
    await rename(partial, path);
    const pruned = await pruneBackups(storeDir, req.keep, req.clock.now());
    return { path, manifest, pruned };
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    throw err;
  }
}
