// Reads what a SQLite file holds, without changing it: SQLite's own integrity and foreign-key
// checks, rows per table and the newest migration. A backup records these in its manifest; a
// restore compares a copy against them before it replaces anything.
import SqliteDatabase from 'better-sqlite3';

export interface SqliteInspection {
  /** "ok", or SQLite's list of problems. */
  integrity: string[];
  /** Rows whose foreign key points nowhere. */
  foreignKeyViolations: number;
  tables: Record<string, number>;
  migration: string | null;
  sqliteVersion: string;
}

export function inspectSqliteFile(file: string): SqliteInspection {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    const foreignKeyViolations = (db.pragma('foreign_key_check') as unknown[]).length;
    const names = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .pluck()
      .all() as string[];
    const tables: Record<string, number> = {};
    for (const name of names) tables[name] = db.prepare(`select count(*) from "${name.replace(/"/g, '""')}"`).pluck().get() as number;
    const migration = names.includes('kysely_migration')
      ? ((db.prepare('select max(name) from kysely_migration').pluck().get() as string | null) ?? null)
      : null;
    const sqliteVersion = db.prepare('select sqlite_version()').pluck().get() as string;
    return { integrity, foreignKeyViolations, tables, migration, sqliteVersion };
  } finally {
    db.close();
  }
}

/** What is wrong with an inspected file, or [] when it passes SQLite's checks. */
export function sqliteProblems(inspection: SqliteInspection): string[] {
  const problems: string[] = [];
  if (inspection.integrity.length !== 1 || inspection.integrity[0] !== 'ok') problems.push(`integrity_check: ${inspection.integrity.slice(0, 5).join('; ')}`);
  if (inspection.foreignKeyViolations > 0) problems.push(`foreign_key_check: ${inspection.foreignKeyViolations} row(s) point nowhere`);
  return problems;
}
