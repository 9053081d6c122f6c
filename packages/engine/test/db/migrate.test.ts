import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databaseKinds } from '../support/databases.js';
import { isRaceWithAnotherMigrator, migrateToLatest, MIGRATIONS } from '../../src/db/migrate.js';

const kinds = await databaseKinds();

describe.each(kinds)('migrations on $name', (kind) => {
  it.skipIf(!kind.available)('creates every table, is idempotent, and isolates stores', async () => {
    const a = await kind.open();
    const b = await kind.open();
    try {
      // A second run applies nothing.
      expect(await migrateToLatest(a)).toEqual([]);
      const now = new Date().toISOString();
      await a.db
        .insertInto('leads')
        .values({ id: 'l1', name: 'Ana', email: 'ana@example.pt', source: 'footer', consent: 1, created_at: now })
        .execute();
      expect(await a.db.selectFrom('leads').select('email').execute()).toEqual([{ email: 'ana@example.pt' }]);
      // Store b has its own database (file or schema): it sees nothing of a.
      expect(await b.db.selectFrom('leads').selectAll().execute()).toEqual([]);
      // The partial unique index allows one live job per key, and another once the first is done.
      const job = (id: string, status: 'queued' | 'done') => ({
        id, type: 'scan', payload: '{}', dedupe_key: 'schedule:scan', status, attempts: 0, max_attempts: 3,
        run_at: now, locked_by: null, locked_until: null, last_error: null, created_at: now, updated_at: now,
      });
      await a.db.insertInto('jobs').values(job('j1', 'queued')).execute();
      await expect(a.db.insertInto('jobs').values(job('j2', 'queued')).execute()).rejects.toThrow();
      await a.db.updateTable('jobs').set({ status: 'done' }).where('id', '=', 'j1').execute();
      await a.db.insertInto('jobs').values(job('j3', 'queued')).execute();
      const count = await a.db.selectFrom('jobs').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(2);
      expect(Object.keys(MIGRATIONS).length).toBeGreaterThan(0);
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
  });
});

describe('which migration failures are a race a retry gets past', () => {
  const pgTarget = { kind: 'postgres' as const, url: 'postgres://127.0.0.1/test', schema: 'store_mine' };
  const failed = (cause: { code?: string; message: string }) => new Error(`migration (unknown) failed: error: ${cause.message}`, { cause });

  it('PostgreSQL: another schema dropped while Kysely introspects every schema (3F000, or 42P01 naming its table)', () => {
    expect(isRaceWithAnotherMigrator(failed({ code: '3F000', message: 'schema "test_79f1704d12e7" does not exist' }), pgTarget)).toBe(true);
    // The CI failure of 2026-12-07: a parallel worker met a table of another test's schema as it was dropped.
    expect(isRaceWithAnotherMigrator(failed({ code: '42P01', message: 'relation "test_79f1704d12e7.order_lines" does not exist' }), pgTarget)).toBe(true);
  });

  it('PostgreSQL: a table missing from our own schema, or any other error, is not retried', () => {
    expect(isRaceWithAnotherMigrator(failed({ code: '42P01', message: 'relation "store_mine.orders" does not exist' }), pgTarget)).toBe(false);
    expect(isRaceWithAnotherMigrator(failed({ code: '42601', message: 'syntax error at or near "tabel"' }), pgTarget)).toBe(false);
    expect(isRaceWithAnotherMigrator(new Error('database is locked'), pgTarget)).toBe(false);
  });

  it('SQLite: two processes migrating a new file at once (a table the other just made, a busy file)', () => {
    const file = { kind: 'sqlite' as const, file: '/tmp/store.sqlite' };
    expect(isRaceWithAnotherMigrator(new Error('migration 0001_catalog failed: SqliteError: table products already exists'), file)).toBe(true);
    expect(isRaceWithAnotherMigrator(new Error('migration 0001_catalog failed: SqliteError: database is locked'), file)).toBe(true);
    expect(isRaceWithAnotherMigrator(new Error('migration 0002_orders failed: SqliteError: no such column: total'), file)).toBe(false);
  });
});
