// An online copy of a store's SQLite database through SQLite's backup API (better-sqlite3's
// db.backup). Readers and writers carry on while it runs:
// - through the store's own connection (the engine's scheduled backup), the copy is made in steps
//   that yield to the event loop, and writes made meanwhile on that connection are applied to the
//   copy as well, so it ends as a consistent image of the database at its last step;
// - through another connection (`lojista backup` in its own process), a write by the engine would
//   restart a stepped copy, so the copy is taken in one step: one read transaction, one snapshot.
// The copy is then switched out of WAL mode, so it is one self-contained file.
import SqliteDatabase from 'better-sqlite3';

export interface SqliteBackupOptions {
  /** Pages per step: a number for a copy through the engine's own connection, 'all' for one step. */
  pagesPerStep: number | 'all';
}

const ALL_PAGES = 0x7fffffff;

export async function backupSqlite(source: SqliteDatabase.Database, destFile: string, opts: SqliteBackupOptions): Promise<void> {
  const pages = opts.pagesPerStep === 'all' ? ALL_PAGES : Math.max(1, Math.floor(opts.pagesPerStep));
  await source.backup(destFile, { progress: () => pages });
  const copy = new SqliteDatabase(destFile);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}
