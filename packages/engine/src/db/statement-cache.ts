// Kysely's SQLite driver prepares every query anew (sqlite3_prepare for each call), which cost more
// than running the query itself on the catalogue's hot reads. Kysely compiles the same builder to
// the same SQL text, so a statement kept per SQL text is reused: better-sqlite3 statements are
// reusable and re-prepare themselves after a schema change. Bounded (least recently used out),
// because `in (?, ?, …)` lists give a new text per length.
import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely';

export function withStatementCache(handle: SqliteDatabase.Database, maxStatements = 256): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      statements.clear();
      handle.close();
    },
    prepare(sql: string) {
      let stmt = statements.get(sql);
      if (stmt) {
        // Refresh its place in the LRU order (a Map iterates in insertion order).
        statements.delete(sql);
      } else {
        stmt = handle.prepare(sql);
        if (statements.size >= maxStatements) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, stmt);
      return stmt as unknown as ReturnType<KyselySqliteDatabase['prepare']>;
    },
  };
}
