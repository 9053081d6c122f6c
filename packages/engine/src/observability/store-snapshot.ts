// What the store's gauges report, read from its database (and its backup folder) when Prometheus
// scrapes, so they are true from the first scrape and whatever process changed the data: counts of
// products, orders and jobs, held orders, what unpaid orders will cost at CJ, webhooks waiting, the
// scan in progress, the newest backup.
import type { Kysely } from 'kysely';
import { listBackups } from '../backups/folder.js';
import type { Database } from '../db/schema.js';
import { Dec } from '../money/index.js';

export interface StoreSnapshot {
  products: Record<string, number>;
  orders: Record<string, number>;
  heldByReason: Record<string, number>;
  /** USD that orders not yet paid at CJ will take from the balance (CJ's amount, or our quote). */
  unpaidAtCjUsd: number;
  jobs: Array<{ type: string; status: string; n: number }>;
  webhooksPending: Array<{ source: string; n: number; oldestAgeSeconds: number }>;
  scan: { running: number; pointsSpent: number | null; lastFinishedAt: Record<string, string> };
  backup: { finishedAt: string; bytes: number; durationMs: number } | null;
}

export async function readStoreSnapshot(db: Kysely<Database>, backupStoreDir: string | null, nowMs: number): Promise<StoreSnapshot> {
  const group = async (table: 'products' | 'orders') => {
    const rows = await db.selectFrom(table).select(['status', (eb) => eb.fn.countAll().as('n')]).groupBy('status').execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  };
  const held = await db
    .selectFrom('orders')
    .select(['hold_reason', (eb) => eb.fn.countAll().as('n')])
    .where('status', '=', 'on_hold')
    .groupBy('hold_reason')
    .execute();
  const unpaid = await db
    .selectFrom('orders')
    .select(['cj_amount_usd', 'cost_usd', 'shipping_quote_usd'])
    .where('status', 'in', ['pending', 'confirmed', 'on_hold'])
    .where('cj_paid_at', 'is', null)
    .execute();
  const need = unpaid.reduce((sum, o) => sum.plus(o.cj_amount_usd ?? new Dec(o.cost_usd).plus(o.shipping_quote_usd)), new Dec('0'));
  const jobs = await db
    .selectFrom('jobs')
    .select(['type', 'status', (eb) => eb.fn.countAll().as('n')])
    .where('status', 'in', ['queued', 'running', 'dead'])
    .groupBy(['type', 'status'])
    .execute();
  const inbox = await db
    .selectFrom('inbox')
    .select(['source', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.min('received_at').as('oldest')])
    .where('status', 'in', ['received', 'failed'])
    .groupBy('source')
    .execute();
  const running = await db.selectFrom('scan_runs').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'running').executeTakeFirst();
  const latest = await db.selectFrom('scan_runs').select(['cj_points']).orderBy('started_at', 'desc').limit(1).executeTakeFirst();
  const finished = await db
    .selectFrom('scan_runs')
    .select(['status', (eb) => eb.fn.max('finished_at').as('at')])
    .where('status', 'in', ['finished', 'failed'])
    .groupBy('status')
    .execute();
  const newest = backupStoreDir ? (await listBackups(backupStoreDir))[0] : undefined;
  return {
    products: await group('products'),
    orders: await group('orders'),
    heldByReason: Object.fromEntries(held.map((h) => [h.hold_reason ?? 'unknown', Number(h.n)])),
    // A gauge is a float; the sum itself was exact.
    unpaidAtCjUsd: Number(need.toFixed(2)),
    jobs: jobs.map((j) => ({ type: j.type, status: j.status, n: Number(j.n) })),
    webhooksPending: inbox.map((i) => ({ source: i.source, n: Number(i.n), oldestAgeSeconds: i.oldest ? Math.max(0, (nowMs - Date.parse(i.oldest as string)) / 1000) : 0 })),
    scan: {
      running: Number(running?.n ?? 0),
      pointsSpent: latest ? Number(latest.cj_points) : null,
      lastFinishedAt: Object.fromEntries(finished.filter((f) => f.at).map((f) => [f.status, f.at as string])),
    },
    backup: newest ? { finishedAt: newest.manifest.finishedAt, bytes: newest.manifest.bytes, durationMs: newest.manifest.durationMs } : null,
  };
}
