// Restore drill, on SQLite and on PostgreSQL: backups are taken while 100 orders flow through
// checkout and fulfilment, each one restored into a scratch database (a separate file / a separate
// PostgreSQL database, as a drill on another machine would), and every restored copy must hold every
// order — with its lines and its timeline — that was committed before its backup began, and pass
// the restore's checks (integrity, rows per table against the manifest, migrations).
//
// Two kinds of backup alternate during the flow: the engine's own (the scheduled job's path: on
// SQLite through the store's connection, in steps) and `lojista backup`'s (its own connection: on
// SQLite one step; on PostgreSQL both are pg_dump on an exported snapshot).
//
// Rerun: npx vitest run packages/engine/test/e2e/backup-drill.test.ts
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { postgresGate } from '@lojista/testkit';
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../src/backups/restore.js';
import { takeBackup, type BackupResult } from '../../src/backups/take-backup.js';
import { systemClock } from '../../src/clock.js';
import { dropPostgresSchema, openDatabase, schemaForStore, type DatabaseTarget } from '../../src/db/connect.js';
import { skipUnavailable, testDatabases } from '../support/databases.js';
import { testSimulator } from '../support/store-harness.js';
import { e2eTempDir, startE2eStore, type E2eStore } from './support/e2e-store.js';
import { listOrders, planCheckouts, postCheckout, sellableVariants, until } from './support/e2e-kit.js';

const ORDERS = 100;
const kinds = await testDatabases();
const pgGate = await postgresGate();

interface Taken {
  result: BackupResult;
  /** Orders committed before the backup began. */
  before: Set<string>;
  how: 'engine' | 'cli';
}

describe.each(kinds)('restore drill on $name', (kind) => {
  if (skipUnavailable(kind)) return;
  let sim: RunningSimulator;
  let store: E2eStore;
  const scratch = e2eTempDir('lojista-drill-');
  let scratchDb: string | null = null;

  afterAll(async () => {
    await store?.close();
    await sim?.close();
    if (kind.name === 'postgres' && store) await dropPostgresSchema(pgGate.url, schemaForStore(store.id));
    if (scratchDb) {
      const admin = new pg.Client({ connectionString: pgGate.url });
      await admin.connect();
      await admin.query(`drop database if exists ${scratchDb} with (force)`);
      await admin.end();
    }
    rmSync(scratch, { recursive: true, force: true });
  });

  it('every restored copy holds every order committed before its backup began, and passes the checks', { timeout: 600_000 }, async () => {
    sim = await testSimulator();
    const dataDir = join(scratch, 'data');
    store = await startE2eStore({ sim, dataDir, ...(kind.name === 'postgres' ? { databaseUrl: pgGate.url } : {}), config: { schedules: { orderReconcile: '1h' }, backups: { enabled: false } } });
    await store.runtime.scanNow({ trigger: 'cli', pointsBudget: 800 });
    const api = { url: store.url, adminToken: store.adminToken };
    const plan = planCheckouts(await sellableVariants(api), ORDERS, 20261207, { esShare: 0.2, keyPrefix: 'drill' });
    const db = store.runtime.ctx.db;
    const committedOrders = async () => new Set((await db.selectFrom('orders').select('id').execute()).map((o) => o.id));
    // The engine's default backup folder, <data dir>/backups, for both kinds of backup.
    const root = join(dataDir, 'backups');
    const target: DatabaseTarget =
      store.runtime.ctx.dialect === 'sqlite' ? { kind: 'sqlite', file: join(dataDir, store.id, 'lojista.sqlite') } : { kind: 'postgres', url: pgGate.url, schema: schemaForStore(store.id) };

    // `lojista backup`'s way: its own connection to the store's database.
    const cliBackup = async (): Promise<BackupResult> => {
      if (target.kind === 'postgres') return takeBackup({ storeId: store.id, database: { target }, root, keep: 100, clock: systemClock, engineVersion: 'drill', trigger: 'cli' });
      const handle = new SqliteDatabase(target.file, { fileMustExist: true });
      try {
        return await takeBackup({ storeId: store.id, database: { target, sqlite: handle }, root, keep: 100, clock: systemClock, engineVersion: 'drill', trigger: 'cli', sqlite: { pagesPerStep: 'all' } });
      } finally {
        handle.close();
      }
    };

    // Checkouts arrive four at a time; after every 16 a backup starts beside them (not awaited), so
    // each one runs while checkouts and fulfilment jobs keep committing. The engine's backups copy
    // 8 pages per step here, so writes land between the steps of one copy.
    const backups: Array<Promise<Taken>> = [];
    const startBackup = async (how: Taken['how']): Promise<Taken> => {
      const before = await committedOrders();
      const result = how === 'engine' ? await store.runtime.backups.runNow('test', { sqlitePagesPerStep: 8 }) : await cliBackup();
      return { result, before, how };
    };
    for (let i = 0; i < plan.length; i += 4) {
      if (i > 0 && i % 16 === 0) backups.push(startBackup(backups.length % 2 === 0 ? 'engine' : 'cli'));
      await Promise.all(plan.slice(i, i + 4).map((body) => postCheckout(store.url, body)));
    }
    const taken = await Promise.all(backups);
    await until('every order paid at CJ', async () => (await listOrders(api)).filter((o) => ['paid', 'shipped', 'delivered'].includes(o.status)).length === ORDERS, 240_000, 500);
    const final = await committedOrders();
    taken.push({ result: await store.runtime.backups.runNow('test'), before: final, how: 'engine' });

    const during = taken.filter((t) => t.before.size > 0 && t.before.size < ORDERS);
    expect(during.length, `backups taken while orders flowed (orders before each: ${taken.map((t) => t.before.size).join(', ')})`).toBeGreaterThanOrEqual(5);
    expect(new Set(during.map((t) => t.how))).toEqual(new Set(['engine', 'cli']));

    if (target.kind === 'postgres') {
      scratchDb = `lojista_drill_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: pgGate.url });
      await admin.connect();
      await admin.query(`create database ${scratchDb}`);
      await admin.end();
    }
    const scratchUrl = scratchDb ? pgGate.url.replace(/\/[^/?]+(\?|$)/, `/${scratchDb}$1`) : '';

    for (const [i, t] of taken.entries()) {
      const into: DatabaseTarget =
        target.kind === 'sqlite' ? { kind: 'sqlite', file: join(scratch, `restore-${i}`, store.id, 'lojista.sqlite') } : { kind: 'postgres', url: scratchUrl, schema: target.schema };
      if (into.kind === 'postgres') await dropPostgresSchema(into.url, into.schema);
      const restored = await restoreBackup({ storeId: store.id, target: into, folder: t.result.path, clock: systemClock });
      expect(restored.restored).toBe(true);
      const copy = await openDatabase(into);
      try {
        const ids = new Set((await copy.db.selectFrom('orders').select('id').execute()).map((o) => o.id));
        const missing = [...t.before].filter((id) => !ids.has(id));
        expect(missing, `backup ${i} (${t.how}) lacks orders committed before it began`).toEqual([]);
        expect(ids.size).toBe(t.result.manifest.tables.orders);
        // Each order came back whole: its lines and the start of its timeline.
        const withLines = new Set((await copy.db.selectFrom('order_lines').select('order_id').execute()).map((l) => l.order_id));
        const withEvents = new Set((await copy.db.selectFrom('order_events').select('order_id').execute()).map((e) => e.order_id));
        expect([...ids].filter((id) => !withLines.has(id) || !withEvents.has(id))).toEqual([]);
      } finally {
        await copy.close();
      }
    }
    console.log(
      `restore drill (${kind.name}): ${taken.length} backups (${during.length} while orders flowed; orders before each: ${taken.map((t) => t.before.size).join(', ')}), ` +
        `each restored and checked; sizes ${taken.map((t) => Math.round(t.result.manifest.bytes / 1024)).join(', ')} KiB`,
    );
  });
});
