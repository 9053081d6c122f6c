// Restores a SQLite backup into a store's database file. The copy is made next to the database and
// checked there (SQLite's integrity and foreign-key checks, rows per table and the migration, all
// against the manifest) before anything is replaced; only then is the current file (with its -wal
// and -shm) moved aside and the checked copy renamed into place.
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupManifest } from './manifest.js';
import { compareWithManifest, RestoreCheckError } from './restore-check.js';
import { inspectSqliteFile, sqliteProblems } from './sqlite-check.js';

export interface SqliteRestoreResult {
  /** Where the replaced database now is, or null when there was none. */
  previous: string | null;
}

const SIDE_FILES = ['', '-wal', '-shm'];

export async function restoreSqlite(targetFile: string, folder: string, manifest: BackupManifest, stamp: string): Promise<SqliteRestoreResult> {
  const candidate = `${targetFile}.restoring-${stamp}`;
  // A restore onto a new machine: the store's data folder does not exist yet.
  await mkdir(dirname(targetFile), { recursive: true });
  await copyFile(join(folder, manifest.file), candidate);
  try {
    const inspection = inspectSqliteFile(candidate);
    const problems = [...sqliteProblems(inspection), ...compareWithManifest(manifest, inspection.tables, inspection.migration)];
    if (problems.length > 0) throw new RestoreCheckError(`the restored copy does not match the backup: ${problems.join('; ')}`);
  } catch (err) {
    await rm(candidate, { force: true });
    throw err;
  }
  const existed = existsSync(targetFile);
  const previous = existed ? `${targetFile}.pre-restore-${stamp}` : null;
  // The -wal and -shm files keep their suffix, so the set moved aside still opens as one database.
  if (previous) for (const suffix of SIDE_FILES) if (existsSync(targetFile + suffix)) await rename(targetFile + suffix, previous + suffix);
  try {
    await rename(candidate, targetFile);
  } catch (err) {
    if (previous) for (const suffix of SIDE_FILES) if (existsSync(previous + suffix)) await rename(previous + suffix, targetFile + suffix);
    await rm(candidate, { force: true });
    throw err;
  }
  return { previous };
}
