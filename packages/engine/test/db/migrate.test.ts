import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databaseKinds } from '../support/databases.js';
import { migrateToLatest, MIGRATIONS } from '../../src/db/migrate.js';

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
