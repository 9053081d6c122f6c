// Backups and restores of one store's database, on SQLite and on PostgreSQL (real servers): what a
// backup holds and records, retention, and every reason a restore refuses — each time checking that
// nothing was replaced.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresGate } from '@lojista/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups, storeBackupDir } from '../../src/backups/folder.js';
import { MANIFEST_FILE, readManifest } from '../../src/backups/manifest.js';
import { findPgTool, PgToolError } from '../../src/backups/pg-tools.js';
import { RestoreCheckError } from '../../src/backups/restore-check.js';
import { restoreBackup, StoreInUseError } from '../../src/backups/restore.js';
import { takeBackup } from '../../src/backups/take-backup.js';
import { RELAYED_LOCKED_UNTIL } from '../../src/jobs/bullmq-delivery.js';
import { systemClock } from '../../src/clock.js';
import { dropPostgresSchema, openDatabase, type DatabaseTarget, type StoreDatabase } from '../../src/db/connect.js';
import { tryAcquireLock } from '../../src/db/locks.js';
import { migrateToLatest, MIGRATIONS } from '../../src/db/migrate.js';
import { skipUnavailable, testDatabases } from '../support/databases.js';

const LATEST = Object.keys(MIGRATIONS).sort().at(-1)!;
const kinds = await testDatabases();
const pg = await postgresGate();
const work = mkdtempSync(join(tmpdir(), 'lojista-backups-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function addLeads(store: StoreDatabase, n: number, tag: string) {
  for (let i = 0; i < n; i++) {
    await store.db
      .insertInto('leads')
      .values({ id: `${tag}-${i}`, name: `Lead ${i}`, email: `${tag}${i}@example.pt`, source: 'test', consent: 1, created_at: new Date().toISOString() })
      .execute();
  }
}
const leadCount = async (store: StoreDatabase) => Number((await store.db.selectFrom('leads').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe.each(kinds)('backups and restores on $name', (kind) => {
  if (skipUnavailable(kind)) return;
  const storeId = `bk${randomBytes(3).toString('hex')}`;
  const root = join(work, `${kind.name}-backups`);
  const target: DatabaseTarget =
    kind.name === 'sqlite' ? { kind: 'sqlite', file: join(work, kind.name, storeId, 'lojista.sqlite') } : { kind: 'postgres', url: pg.url, schema: `store_${storeId}`, poolSize: 2 };
  let store: StoreDatabase;
  const open = async () => (store = await openDatabase(target));
  const backupNow = (keep = 10) => takeBackup({ storeId, database: store, root, keep, clock: systemClock, engineVersion: 'test', trigger: 'test', sqlite: { pagesPerStep: 'all' } });

  beforeAll(async () => {
    await open();
    await migrateToLatest(store);
    await addLeads(store, 25, 'first');
  });
  afterAll(async () => {
    await store?.close().catch(() => undefined);
    if (target.kind === 'postgres') {
      const client = new (await import('pg')).default.Client({ connectionString: pg.url });
      await client.connect();
      const { rows } = await client.query<{ nspname: string }>("select nspname from pg_namespace where nspname like $1", [`${target.schema}%`]);
      await client.end();
      for (const r of rows) await dropPostgresSchema(pg.url, r.nspname);
    }
  });

  let first: string;

  it('takes a complete, checked backup and records what it holds', async () => {
    const result = await backupNow();
    first = result.path;
    const m = await readManifest(result.path);
    expect(m).toMatchObject({ store: storeId, kind: kind.name, migration: LATEST, trigger: 'test' });
    expect(m.tables.leads).toBe(25);
    expect(m.tables.kysely_migration).toBe(Object.keys(MIGRATIONS).length);
    expect(m.bytes).toBeGreaterThan(1000);
    expect(readdirSync(result.path).sort()).toEqual([m.file, MANIFEST_FILE].sort());
    // Only complete backups are visible: no ".partial-" folder is left behind.
    expect(readdirSync(storeBackupDir(root, storeId)).filter((n) => n.startsWith('.'))).toEqual([]);
    expect((await listBackups(storeBackupDir(root, storeId))).map((b) => b.path)).toEqual([result.path]);
  });

  it('keeps only the newest `keep` backups', async () => {
    await backupNow();
    const third = await backupNow(2);
    const left = await listBackups(storeBackupDir(root, storeId));
    expect(left.map((b) => b.path)).toEqual([third.path, left[1]!.path]);
    expect(left.map((b) => b.path)).not.toContain(first);
    expect(third.pruned).toHaveLength(1);
    first = left[1]!.path;
  });

  it('refuses while the store is running (a live presence lease), and replaces nothing', async () => {
    await addLeads(store, 5, 'after');
    const lease = await tryAcquireLock(store.db, systemClock, 'serving:test-host:1:abc', 'test-host:1:abc', 60_000);
    expect(lease).not.toBeNull();
    const attempt = restoreBackup({ storeId, target, folder: first, clock: systemClock });
    await expect(attempt).rejects.toBeInstanceOf(StoreInUseError);
    await expect(attempt).rejects.toThrow(/serving:test-host:1:abc/);
    expect(await leadCount(store)).toBe(30);
    await lease!.release();
  });

  it('counts a job leased by a process as activity, and not one relayed to BullMQ (no process holds it)', async () => {
    const now = new Date().toISOString();
    const job = (id: string, lockedUntil: string) => ({
      id, type: 'orders.fulfil', payload: '{}', dedupe_key: null, status: 'running' as const, attempts: 1, max_attempts: 8,
      run_at: now, locked_by: 'someone', locked_until: lockedUntil, last_error: null, created_at: now, updated_at: now,
    });
    await store.db.insertInto('jobs').values(job('relayed', RELAYED_LOCKED_UNTIL)).execute();
    await store.close();
    expect((await restoreBackup({ storeId, target, folder: first, clock: systemClock, dryRun: true })).restored).toBe(false);
    await open();
    await store.db.insertInto('jobs').values(job('leased', new Date(Date.now() + 60_000).toISOString())).execute();
    await store.close();
    await expect(restoreBackup({ storeId, target, folder: first, clock: systemClock, dryRun: true })).rejects.toThrow(/job orders\.fulfil \(leased\) running on someone/);
    await open();
    await store.db.deleteFrom('jobs').where('id', 'in', ['relayed', 'leased']).execute();
  });

  it('refuses a damaged backup, a backup of another store and one from a newer lojista', async () => {
    await store.close();
    // A copy of the first backup with its manifest and/or data changed.
    const variant = (name: string, change: { manifest?: Record<string, unknown>; flipByte?: boolean }) => {
      const dir = join(work, `${kind.name}-${name}`);
      const m = JSON.parse(readFileSync(join(first, MANIFEST_FILE), 'utf8')) as { file: string };
      const data = Buffer.from(readFileSync(join(first, m.file)));
      if (change.flipByte) data[Math.floor(data.length / 2)] = data[Math.floor(data.length / 2)]! ^ 0xff;
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify({ ...m, ...change.manifest }));
      writeFileSync(join(dir, m.file), data);
      return dir;
    };
    const tablesOf = () => (JSON.parse(readFileSync(join(first, MANIFEST_FILE), 'utf8')) as { tables: Record<string, number> }).tables;
    const refuse = (folder: string) => restoreBackup({ storeId, target, folder, clock: systemClock });

    await expect(refuse(variant('damaged', { flipByte: true }))).rejects.toThrow(/SHA-256.*damaged/);
    await expect(refuse(variant('other', { manifest: { store: 'someone-else' } }))).rejects.toThrow(/backup of store someone-else/);
    await expect(refuse(variant('newer', { manifest: { migration: '9999_future' } }))).rejects.toThrow(/newer lojista/);
    await expect(refuse(variant('kind', { manifest: { kind: kind.name === 'sqlite' ? 'postgres' : 'sqlite' } }))).rejects.toBeInstanceOf(RestoreCheckError);
    // A copy that restores but does not hold what the manifest says: checked, then nothing replaced.
    await expect(refuse(variant('lying', { manifest: { tables: { ...tablesOf(), leads: 26 } } }))).rejects.toThrow(/leads holds 25 rows, the backup recorded 26/);

    await open();
    expect(await leadCount(store)).toBe(30);
  });

  it('checks without replacing (dry run), then restores the backup and keeps the replaced data aside', async () => {
    await store.close();
    const dry = await restoreBackup({ storeId, target, folder: first, clock: systemClock, dryRun: true });
    expect(dry).toMatchObject({ restored: false, previous: null });
    const result = await restoreBackup({ storeId, target, folder: first, clock: systemClock });
    expect(result.restored).toBe(true);
    expect(result.previous).toBeTruthy();
    if (target.kind === 'sqlite') expect(existsSync(result.previous!)).toBe(true);
    await open();
    expect(await leadCount(store)).toBe(25);
    // The restored database is a working store database: it migrates (nothing to do) and takes writes.
    expect(await migrateToLatest(store)).toEqual([]);
    await addLeads(store, 1, 'restored');
    expect(await leadCount(store)).toBe(26);
  });
});

describe('choosing pg_dump for the server', () => {
  const bin = join(work, 'fake-bin');
  beforeAll(() => {
    mkdirSync(bin, { recursive: true });
    for (const [tool, version] of [['pg_dump', '17.2'], ['psql', '9.6.24']] as const) {
      writeFileSync(join(bin, tool), `#!/bin/sh\necho "${tool} (PostgreSQL) ${version}"\n`);
      chmodSync(join(bin, tool), 0o755);
    }
  });

  it('takes a newer client (pg_dump reads older servers) from LOJISTA_PG_BIN_DIR first', async () => {
    const found = await findPgTool('pg_dump', 15, { ...process.env, LOJISTA_PG_BIN_DIR: bin });
    expect(found).toMatchObject({ path: join(bin, 'pg_dump'), major: 17 });
  });

  it('skips a client older than the server and says how to get the right one when none fits', async () => {
    const err = await findPgTool('psql', 99, { ...process.env, LOJISTA_PG_BIN_DIR: bin }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PgToolError);
    expect((err as Error).message).toMatch(/psql for PostgreSQL 99 is needed/);
    expect((err as Error).message).toContain(`${join(bin, 'psql')}: psql (PostgreSQL) 9.6.24`);
    expect((err as Error).message).toContain('apt-get install postgresql-client-99');
    expect((err as Error).message).toContain('LOJISTA_PG_BIN_DIR');
  });
});
