// The read path's two savings below the HTTP layer: SQLite statements prepared once per SQL text,
// and the catalogue version read again only after a write (or when it is old), never per request.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CatalogVersion } from '../../src/catalog/catalog-version.js';
import { openDatabase } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { withStatementCache } from '../../src/db/statement-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'lojista-read-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite statement cache', () => {
  it('prepares a SQL text once, keeps at most its bound, and stays correct after a schema change', () => {
    const handle = new SqliteDatabase(':memory:');
    let prepared = 0;
    const prepare = handle.prepare.bind(handle);
    handle.prepare = ((sql: string) => {
      prepared++;
      return prepare(sql);
    }) as typeof handle.prepare;
    const cached = withStatementCache(handle, 2);
    cached.prepare('create table t (a integer)').run([]);
    cached.prepare('insert into t (a) values (?)').run([1]);
    cached.prepare('insert into t (a) values (?)').run([2]);
    expect(prepared).toBe(2);
    expect(cached.prepare('select a from t order by a').all([])).toEqual([{ a: 1 }, { a: 2 }]);
    // Bound 2: the create statement was dropped, the insert is still kept.
    cached.prepare('insert into t (a) values (?)').run([3]);
    expect(prepared).toBe(3);
    cached.prepare('create table u (b integer)');
    expect(prepared).toBe(4);
    handle.exec('alter table t add column b text');
    expect(cached.prepare('select a from t order by a').all([])).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    cached.close();
  });
});

describe('catalogue version', () => {
  it('reads the database once for many requests, again after this process writes, and after maxAge for writes elsewhere', async () => {
    const file = join(dir, 'v.sqlite');
    const store = await openDatabase({ kind: 'sqlite', file });
    await migrateToLatest(store);
    let reads = 0;
    const countingDb = store.db.withPlugin({
      transformQuery: (args) => {
        reads++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const version = new CatalogVersion(countingDb, () => store.writes.writes, 200);
    const first = await version.version();
    expect(first).toMatch(/^c\d+$/);
    const together = await Promise.all(Array.from({ length: 20 }, () => version.version()));
    expect(new Set(together)).toEqual(new Set([first]));
    const readsBefore = reads;
    expect(readsBefore).toBeLessThanOrEqual(2);

    // A catalogue write in this process: the next call reads again and sees it.
    await store.db.updateTable('storefront_version').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', 1).execute();
    const second = await version.version();
    expect(second).not.toBe(first);
    const readsAfterWrite = reads;
    for (let i = 0; i < 20; i++) await version.version();
    // At most one more read, should maxAge pass on a slow machine during the loop.
    expect(reads - readsAfterWrite).toBeLessThanOrEqual(1);

    // A write from another connection is not counted here: seen once maxAge has passed.
    const other = new SqliteDatabase(file);
    other.prepare('update storefront_version set version = version + 1 where id = 1').run();
    other.close();
    await new Promise((resolve) => setTimeout(resolve, 250));
    const third = await version.version();
    expect(third).not.toBe(second);
    await store.close();
  });
});
