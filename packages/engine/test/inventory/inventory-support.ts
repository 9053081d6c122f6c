// Shared pieces of the inventory tests: a real store (SQLite or PostgreSQL) on a real simulator with
// a small scanned catalogue and the inventory module wired in, plus readers for the store's rows, the
// simulator's ledger and the public catalogue.
import { createServer, type Server } from 'node:http';
import { computeWebhookSignature } from '@lojista/cj';
import type { CallEntry, RunningSimulator, WebhookEntry } from '@lojista/cj-sim';
import { expect } from 'vitest';
import { getProduct } from '../../src/catalog/catalog-repository.js';
import type { StoredProduct } from '../../src/catalog/product.js';
import type { PriceHistoryTable } from '../../src/db/schema.js';
import { registerInventory } from '../../src/inventory/index.js';
import type { ScheduleDefinition } from '../../src/jobs/scheduler.js';
import { Dec } from '../../src/money/index.js';
import { simulatorApiKey } from '../../src/runtime/supplier-setup.js';
import type { StoreContext } from '../../src/stores/context.js';
import type { StoreConfigInput } from '../../src/stores/store-config.js';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';

export interface InventoryFixture {
  sim: RunningSimulator;
  store: TestStore;
  ctx: StoreContext;
  /** The scanned products (ids), in a fixed order, so each test can take its own. */
  productIds: string[];
  schedules: ScheduleDefinition[];
  openId: string;
  close(): Promise<void>;
}

export async function startInventoryStore(
  database: 'sqlite' | 'postgres',
  minProducts: number,
  config: Partial<StoreConfigInput> = {},
): Promise<InventoryFixture> {
  const sim = await testSimulator();
  const store = await startTestStore({ database, sim, config });
  const ctx = store.runtime.ctx;
  for (let budget = 150; ; budget += 100) {
    const scan = await store.runtime.scanNow({ trigger: 'cli', pointsBudget: budget });
    if (scan.status !== 'finished') throw new Error(`scan did not finish: ${JSON.stringify(scan)}`);
    const { n } = await ctx.db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    if (Number(n) >= minProducts) break;
    if (budget > 600) throw new Error(`the scan stored only ${String(n)} products`);
  }
  const rows = await ctx.db.selectFrom('products').select('id').where('status', '=', 'active').orderBy('cj_pid').execute();
  // Only the first `minProducts` stay listed: every sync reads each listed product (about 0.2 s a
  // call at the store's 6 QPS), and the operator's hidden ones are not synced.
  for (const extra of rows.slice(minProducts)) {
    await ctx.db.updateTable('products').set({ status: 'hidden', hidden_reason: 'hidden by the operator' }).where('id', '=', extra.id).execute();
  }
  // The lead wires this into the store runtime; the tests do it on the harness store.
  const { schedules } = registerInventory({ ctx, runner: store.runtime.runner, dispatcher: store.runtime.dispatcher });
  return {
    sim,
    store,
    ctx,
    productIds: rows.slice(0, minProducts).map((r) => r.id),
    schedules,
    openId: /^CJ(\d+)@api@/.exec(simulatorApiKey(store.id))![1]!,
    async close() {
      await store.close();
      await sim.close();
    },
  };
}

export async function product(ctx: StoreContext, id: string): Promise<StoredProduct> {
  const p = await getProduct(ctx.db, id);
  if (!p) throw new Error(`no product ${id}`);
  return p;
}

/** Product ids the public /catalog lists. */
export async function publicCatalogIds(store: TestStore): Promise<string[]> {
  const res = await fetch(`${store.url}/api/catalog?limit=100`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { items: Array<{ id: string }> };
  return body.items.map((i) => i.id);
}

/** Accepted CJ calls of this store's account after `since`, by path. */
export function callsSince(fx: InventoryFixture, since: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of fx.sim.control.ledger({ kind: 'call', openId: fx.openId, since }) as CallEntry[]) {
    if (e.rateLimited) continue;
    out[e.path] = (out[e.path] ?? 0) + 1;
  }
  return out;
}

/** CJ points of the calls (2026 model: the stock and product reads cost 10, listV2 50, the rest 0). */
export function pointsOf(calls: Record<string, number>): number {
  const cost: Record<string, number> = {
    '/product/query': 10,
    '/product/stock/getInventoryByPid': 10,
    '/product/stock/queryByVid': 10,
    '/product/variant/queryByVid': 10,
    '/product/listV2': 50,
  };
  return Object.entries(calls).reduce((sum, [path, n]) => sum + (cost[path] ?? 0) * n, 0);
}

export async function history(ctx: StoreContext, productId: string): Promise<PriceHistoryTable[]> {
  return ctx.db.selectFrom('price_history').selectAll().where('product_id', '=', productId).orderBy('created_at').orderBy('id').execute();
}

export async function alerts(ctx: StoreContext, kind: string, subject?: string) {
  let q = ctx.db.selectFrom('alerts').selectAll().where('kind', '=', kind);
  if (subject !== undefined) q = q.where('subject', '=', subject);
  return q.execute();
}

/** "3.29" × "1.30" → "4.28" (half-up to the cent, as a CJ price). */
export function scaled(costUsd: string, factor: string): string {
  return new Dec(costUsd).times(factor).round(2, 1).toFixed(2);
}

/** Sets every stored variant's CJ price to its stored cost × factor. */
export async function scaleCosts(fx: InventoryFixture, productId: string, factor: string, from?: Map<string, string>): Promise<Map<string, string>> {
  const p = await product(fx.ctx, productId);
  const set = new Map<string, string>();
  for (const v of p.variants) {
    const price = scaled(from?.get(v.cjVid) ?? v.costUsd, factor);
    fx.sim.control.setPrice({ vid: v.cjVid, price });
    set.set(v.cjVid, price);
  }
  return set;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Waits until every stored CJ webhook was handled (processed or ignored); fails on a handler error. */
export async function inboxSettled(ctx: StoreContext, expected?: number): Promise<Array<{ id: string; type: string; status: string }>> {
  return waitFor('the inbox to be processed', async () => {
    const rows = await ctx.db.selectFrom('inbox').select(['id', 'type', 'status', 'error']).where('source', '=', 'cj').execute();
    const failed = rows.find((r) => r.status === 'failed');
    if (failed) throw new Error(`webhook ${failed.id} (${failed.type}) failed: ${failed.error}`);
    if (expected !== undefined && rows.length < expected) return false;
    return rows.every((r) => r.status === 'processed' || r.status === 'ignored') ? rows : false;
  });
}

/** POSTs a CJ message to the store's real listener, signed as CJ signs it. */
export async function postWebhook(fx: InventoryFixture, body: string, sign?: string): Promise<number> {
  const openId = await fx.ctx.cj.auth.openId();
  const res = await fetch(`${fx.store.url}/api/webhooks/cj`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', sign: sign ?? computeWebhookSignature(body, openId ?? '') },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

/** Bodies of the webhooks the simulator sent after `since`, in order. */
export function sentWebhooks(fx: InventoryFixture, since: number, type?: string): WebhookEntry[] {
  return (fx.sim.control.ledger({ kind: 'webhook', since }) as WebhookEntry[]).filter((e) => e.attempt === 1 && (type === undefined || e.type === type));
}

/** A receiver that answers 200 and keeps what it got: lets a test hold CJ's messages and replay them in any order. */
export async function captureServer(): Promise<{ url: string; bodies: string[]; close(): Promise<void> }> {
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (body.includes('messageId')) bodies.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":200,"result":"success","message":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/hook`, bodies, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
