// Backup and restore of a store with a filled catalogue and paid orders: time and size of
// `lojista backup` (the engine's scheduled path: SQLite's backup API through the store's own
// connection, or pg_dump on an exported snapshot, then the checks and the manifest) and of
// `lojista restore` (checksum, copy, integrity and row checks, swap; on PostgreSQL the one-transaction
// psql restore) — each against a bare baseline measured in the same run: copying the SQLite file /
// a plain pg_dump, and copying the file back / a plain pg_restore into an empty database.
//
//   node --conditions=source --import tsx bench/backup-restore.ts [--orders 200] [--reps 5]
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { POSTGRES_URL } from '@lojista/testkit';
import { findPgTool, pgEnv, serverVersion } from '../packages/engine/src/backups/pg-tools.js';
import { restoreBackup } from '../packages/engine/src/backups/restore.js';
import { systemClock } from '../packages/engine/src/clock.js';
import { dropPostgresSchema, schemaForStore, type DatabaseTarget } from '../packages/engine/src/db/connect.js';
import { listOrders, planCheckouts, postCheckout, sellableVariants } from '../packages/engine/test/e2e/support/e2e-kit.js';
import { arg, fmt, median, openBenchStore, printLoadAtEnd, printMachine, sleep, startSimProcess, table, type BenchStore } from './support.js';

const ORDERS = arg('orders', 200);
const REPS = arg('reps', 5);

const time = async (fn: () => Promise<unknown> | unknown) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

async function fill(store: BenchStore): Promise<void> {
  await store.runtime.scanNow({ trigger: 'cli', pointsBudget: 1500 });
  const api = { url: store.url, adminToken: store.adminToken };
  const plan = planCheckouts(await sellableVariants(api), ORDERS, 4242, { esShare: 0.2, keyPrefix: `bench-${store.id}` });
  for (let i = 0; i < plan.length; i += 8) await Promise.all(plan.slice(i, i + 8).map((b) => postCheckout(store.url, b)));
  for (let waited = 0; (await listOrders(api)).some((o) => o.status !== 'paid') && waited < 120; waited++) await sleep(1000);
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const dbUrl = (name: string) => POSTGRES_URL.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);

async function main(): Promise<void> {
  printMachine(`backup and restore: a store with a scanned catalogue and ${ORDERS} paid orders, ${REPS} repetitions each`);
  const sim = await startSimProcess({ qps: 1000 });
  const scratch = mkdtempSync(join(tmpdir(), 'lojista-bench-restore-'));
  const rows: Array<Array<string | number>> = [];
  try {
    for (const kind of ['sqlite', 'postgres'] as const) {
      const store = await openBenchStore({ kind, simBaseUrl: sim.baseUrl, engineQps: 1000, limiter: 'unthrottled', config: {
          // Every checkout comes from 127.0.0.1: lift the per-IP budgets so all are answered.
          http: { port: 0, publicRateLimit: { max: 100_000 }, rateLimits: { checkout: { max: 100_000 } } },
          checkout: { shipsTo: ['PT', 'ES'] },
          backups: { enabled: false },
        } });
      try {
        await fill(store);
        const orders = (await listOrders({ url: store.url, adminToken: store.adminToken })).length;
        const samples = { base: [] as number[], backup: [] as number[], baseRestore: [] as number[], restore: [] as number[], bytes: 0, baseBytes: 0 };
        const server = kind === 'postgres' ? await serverVersion(POSTGRES_URL) : null;
        const pgDump = server ? await findPgTool('pg_dump', server.major) : null;
        const pgRestore = server ? await findPgTool('pg_restore', server.major) : null;
        const schema = schemaForStore(store.id);
        for (let r = 0; r < REPS; r++) {
          const baseFile = join(scratch, `base-${kind}-${r}`);
          const baseline = async () => {
            if (kind === 'sqlite') {
              // The floor: copying the file (after a checkpoint, so the file holds everything).
              await sql`pragma wal_checkpoint(truncate)`.execute(store.runtime.ctx.db);
              copyFileSync(join(store.dataDir, store.id, 'lojista.sqlite'), baseFile);
            } else {
              execFileSync(pgDump!.path, ['--format=custom', `--schema=${schema}`, '--no-owner', '--no-privileges', `--file=${baseFile}`], { env: { ...process.env, ...pgEnv(POSTGRES_URL) } });
            }
          };
          const ours = async () => (await store.runtime.backups.runNow('test')).manifest.bytes;
          // Alternate which goes first, so a change in the machine's load falls on both.
          if (r % 2 === 0) {
            samples.base.push(await time(baseline));
            samples.backup.push(await time(async () => (samples.bytes = await ours())));
          } else {
            samples.backup.push(await time(async () => (samples.bytes = await ours())));
            samples.base.push(await time(baseline));
          }
          samples.baseBytes = statSync(baseFile).size;
          const newest = (await store.runtime.backups.runNow('test')).path;

          // Restores into a scratch place: another SQLite file / another PostgreSQL database.
          if (kind === 'sqlite') {
            samples.baseRestore.push(await time(() => copyFileSync(baseFile, join(scratch, `plain-${r}.sqlite`))));
            const target: DatabaseTarget = { kind: 'sqlite', file: join(scratch, `restore-${r}`, store.id, 'lojista.sqlite') };
            samples.restore.push(await time(() => restoreBackup({ storeId: store.id, target, folder: newest, clock: systemClock })));
          } else {
            const plainDb = `bench_plain_${randomBytes(3).toString('hex')}`;
            const oursDb = `bench_ours_${randomBytes(3).toString('hex')}`;
            await adminQuery(`create database ${plainDb}`);
            await adminQuery(`create database ${oursDb}`);
            try {
              samples.baseRestore.push(await time(() => execFileSync(pgRestore!.path, ['--no-owner', '--no-privileges', '--single-transaction', `--dbname=${plainDb}`, baseFile], { env: { ...process.env, ...pgEnv(dbUrl(plainDb)) } })));
              const target: DatabaseTarget = { kind: 'postgres', url: dbUrl(oursDb), schema };
              samples.restore.push(await time(() => restoreBackup({ storeId: store.id, target, folder: newest, clock: systemClock })));
            } finally {
              await adminQuery(`drop database if exists ${plainDb} with (force)`);
              await adminQuery(`drop database if exists ${oursDb} with (force)`);
            }
          }
          rmSync(baseFile, { force: true });
        }
        console.log(`${kind}: ${orders} orders; backup samples (ms) ${samples.backup.map((x) => fmt(x, 0)).join(' ')}; restore samples (ms) ${samples.restore.map((x) => fmt(x, 0)).join(' ')}`);
        rows.push([kind, orders, `${fmt(median(samples.base), 0)} ms`, `${fmt(median(samples.backup), 0)} ms`, `${fmt(samples.baseBytes / 1024, 0)} KiB`, `${fmt(samples.bytes / 1024, 0)} KiB`, `${fmt(median(samples.baseRestore), 0)} ms`, `${fmt(median(samples.restore), 0)} ms`]);
      } finally {
        await store.close();
        if (kind === 'postgres') await dropPostgresSchema(POSTGRES_URL, schemaForStore(store.id));
      }
    }
    console.log('');
    console.log(table(['database', 'orders', 'baseline copy (median)', 'lojista backup (median)', 'baseline size', 'backup size', 'baseline restore (median)', 'lojista restore (median)'], rows));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await sim.close();
    printLoadAtEnd();
  }
}

await main();
