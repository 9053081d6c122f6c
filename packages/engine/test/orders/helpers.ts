// Shared pieces of the order suites: a test store that can be given secrets (Stripe keys), a
// catalogue scanned once from the simulator and copied to other stores, HTTP helpers, CJ webhook
// signing, and polling.
import { randomBytes } from 'node:crypto';
import { computeWebhookSignature } from '@lojista/cj';
import type { OrderEntry, PaymentEntry, RunningSimulator } from '@lojista/cj-sim';
import { getProduct, saveProduct } from '../../src/catalog/catalog-repository.js';
import { getOrder } from '../../src/orders/order-repository.js';
import type { Order } from '../../src/orders/order.js';
import { simulatorApiKey } from '../../src/runtime/supplier-setup.js';
import type { StoreContext } from '../../src/stores/context.js';
import type { SecretKey } from '../../src/stores/secrets.js';
import type { StoreConfigInput } from '../../src/stores/store-config.js';
import type { DatabaseName } from '../support/databases.js';
import { startTestStore, uniqueStoreId, type TestStore } from '../support/store-harness.js';

export interface OrderStoreOptions {
  database: DatabaseName;
  sim: RunningSimulator;
  config?: Partial<StoreConfigInput>;
  /** Secrets besides the admin token (Stripe keys…). */
  secrets?: Partial<Record<SecretKey, string>>;
  id?: string;
}

/** A test store (the shared harness) with public rate limits lifted (the suites send many requests)
 * and the reconciliation schedule pushed out of the way: tests call it. */
export type OrderStore = TestStore;

export async function startOrderStore(opts: OrderStoreOptions): Promise<OrderStore> {
  const { http, schedules, ...rest } = opts.config ?? {};
  return startTestStore({
    database: opts.database,
    sim: opts.sim,
    id: opts.id ?? uniqueStoreId('o'),
    ...(opts.secrets ? { secrets: opts.secrets } : {}),
    config: {
      ...rest,
      http: { port: 0, publicRateLimit: { max: 100_000, window: '1m' }, ...http },
      schedules: { scanOnFirstStart: false, orderReconcile: '24h', ...schedules },
    },
  });
}

/** A real (small) catalogue scan from the simulator: a few active products. */
export async function scanCatalogue(store: TestStore): Promise<void> {
  const result = await store.runtime.scanNow({ trigger: 'cli', pointsBudget: 120 });
  const { n } = await store.runtime.ctx.db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'active').executeTakeFirstOrThrow();
  if (Number(n) < 2) throw new Error(`the scan (${result.status}) stored ${Number(n)} products; the order suites need at least 2`);
}

/** Copies the scanned catalogue of one store into others (the same simulator products), instead of scanning again. */
export async function copyCatalogue(from: TestStore, ...to: TestStore[]): Promise<void> {
  const rows = await from.runtime.ctx.db.selectFrom('products').select('id').execute();
  for (const { id } of rows) {
    const product = (await getProduct(from.runtime.ctx.db, id))!;
    for (const target of to) await saveProduct(target.runtime.ctx.db, product);
  }
}

export interface Buyable {
  variantId: string;
  productId: string;
  cjVid: string;
  title: string;
  unitPriceMinor: number;
  stock: number;
}

/** Variants a customer can buy (active product, on sale), most stock first. */
export async function buyables(ctx: StoreContext, minStock = 5): Promise<Buyable[]> {
  const products = await ctx.db.selectFrom('products').select('id').where('status', '=', 'active').execute();
  const out: Buyable[] = [];
  for (const { id } of products) {
    const p = (await getProduct(ctx.db, id))!;
    for (const v of p.variants) {
      if (!v.onSale || v.stock < minStock) continue;
      out.push({ variantId: v.id, productId: p.id, cjVid: v.cjVid, title: p.title, unitPriceMinor: p.priceOverrideMinor ?? v.priceMinor, stock: v.stock });
    }
  }
  if (out.length < 2) throw new Error('fewer than 2 buyable variants in the catalogue');
  return out.sort((a, b) => b.stock - a.stock);
}

let keyCounter = 0;
export const checkoutKey = (label = 'k') => `${label}-${randomBytes(8).toString('hex')}-${++keyCounter}`;

export interface CheckoutBody {
  checkoutKey: string;
  lines: Array<{ variantId: string; quantity: number }>;
  customer: { name: string; email: string; phone?: string };
  address: { country: string; city: string; zip: string; address1: string; province?: string; address2?: string };
  shippingOption?: string;
}

export function checkoutBody(variantId: string, overrides: Partial<CheckoutBody> = {}): CheckoutBody {
  return {
    checkoutKey: checkoutKey(),
    lines: [{ variantId, quantity: 1 }],
    customer: { name: 'Ana Silva', email: 'ana@example.pt', phone: '+351 912 345 678' },
    address: { country: 'PT', city: 'Lisboa', zip: '1100-148', address1: 'Rua Augusta 10' },
    ...overrides,
  };
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  ms: number;
}

export async function request<T = Record<string, unknown>>(
  store: TestStore,
  method: 'GET' | 'POST',
  path: string,
  opts: { body?: unknown; raw?: string; token?: string | null; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  const token = opts.token === undefined ? null : opts.token;
  if (token) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const started = performance.now();
  const res = await fetch(`${store.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  const ms = performance.now() - started;
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, ms };
}

export const admin = <T = Record<string, unknown>>(store: TestStore, method: 'GET' | 'POST', path: string, body?: unknown) =>
  request<T>(store, method, path, { token: store.adminToken, ...(body !== undefined ? { body } : {}) });

export interface CheckoutReply {
  order: { orderId: string; number: string; status: string; total: { minor: number }; items: { minor: number }; shipping: { minor: number }; vatIncluded: { minor: number }; shippingMethod: string; lines: Array<{ variantId: string; quantity: number; unitPrice: { minor: number } }> };
  payment: { kind: string; url?: string; reference?: string; instructions?: string } | null;
  shippingOptions: Array<{ logisticName: string; priceUsd: string; minDays: number; maxDays: number }>;
  error?: { code: string; message: string; field?: string };
}

export const postCheckout = (store: TestStore, body: unknown) => request<CheckoutReply>(store, 'POST', '/api/checkout', { body });

export async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, ms = 15_000, everyMs = 25): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export async function orderIn(ctx: StoreContext, id: string, statuses: readonly string[], ms = 15_000): Promise<Order> {
  return until(`order ${id} to be ${statuses.join('/')}`, async () => {
    const o = await getOrder(ctx.db, id);
    return o && statuses.includes(o.status) ? o : undefined;
  }, ms);
}

/** Places a demo-paid order and waits until it is paid at CJ. */
export async function paidOrder(store: TestStore, variantId: string, overrides: Partial<CheckoutBody> = {}): Promise<Order> {
  const res = await postCheckout(store, checkoutBody(variantId, overrides));
  if (res.status !== 201) throw new Error(`checkout failed: ${res.status} ${JSON.stringify(res.body)}`);
  return orderIn(store.runtime.ctx, res.body.order.orderId, ['paid']);
}

/** The simulator account (openId) of a test store. */
export function simAccount(sim: RunningSimulator, store: TestStore) {
  const account = sim.control.getAccount(simulatorApiKey(store.id));
  if (!account) throw new Error(`no simulator account for ${store.id}`);
  return account;
}

/** CJ's ledger entries (order creations, payments) for one of our order numbers. */
export function cjLedger(sim: RunningSimulator, orderNumber: string): { creates: number; payments: number; cjOrderId: string | undefined } {
  const creates = sim.control.ledger({ kind: 'order' }).filter((e): e is OrderEntry => e.kind === 'order' && e.orderNumber === orderNumber);
  const cjOrderId = creates[0]?.cjOrderId;
  const payments = cjOrderId
    ? sim.control.ledger({ kind: 'payment' }).filter((e): e is PaymentEntry => e.kind === 'payment' && e.cjOrderIds.includes(cjOrderId)).length
    : 0;
  return { creates: creates.length, payments, cjOrderId };
}

/** A CJ webhook body as CJ writes it: big ids are bare JSON numbers, so the text is built by hand. */
export function cjMessage(type: 'ORDER' | 'LOGISTIC', openId: string, params: Record<string, string | number | null>, bareNumbers: string[] = []): { messageId: string; body: string } {
  const messageId = randomBytes(16).toString('hex');
  const fields = Object.entries(params).map(([k, v]) => {
    const value = v === null ? 'null' : bareNumbers.includes(k) || typeof v === 'number' ? String(v) : JSON.stringify(v);
    return `${JSON.stringify(k)}:${value}`;
  });
  return { messageId, body: `{"messageId":"${messageId}","type":"${type}","messageType":"UPDATE","openId":${openId},"params":{${fields.join(',')}}}` };
}

/** POSTs a CJ webhook body, signed with `signWith` (the store's openId by default; null: no sign header). */
export async function postCj(store: TestStore, body: string, signWith?: string | null): Promise<Reply> {
  const openId = signWith === undefined ? await store.runtime.ctx.cj.auth.openId() : signWith;
  const headers: Record<string, string> = {};
  if (openId !== null && openId !== undefined) headers.sign = computeWebhookSignature(body, openId);
  return request(store, 'POST', '/api/webhooks/cj', { raw: body, headers });
}

/** Waits until a stored webhook is processed (or ignored) and returns its row. */
export async function inboxDone(ctx: StoreContext, id: string) {
  return until(`inbox ${id} to be processed`, async () => {
    const row = await ctx.db.selectFrom('inbox').selectAll().where('id', '=', id).executeTakeFirst();
    return row && row.status !== 'received' ? row : undefined;
  });
}

export async function inboxCount(ctx: StoreContext, id?: string): Promise<number> {
  let q = ctx.db.selectFrom('inbox').select((eb) => eb.fn.countAll().as('n'));
  if (id !== undefined) q = q.where('id', '=', id);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

const RANK: Record<string, number> = { awaiting_payment: 0, pending: 1, confirmed: 2, paid: 3, shipped: 4, delivered: 5 };

/** Checks an event timeline: each transition starts where the last one ended, and the happy path never goes back. */
export function timelineProblems(events: Array<{ from: string | null; to: string; reason: string; actor: string; at: string }>): string[] {
  const problems: string[] = [];
  let current: string | null = null;
  let best = -1;
  for (const [i, e] of events.entries()) {
    if (!e.reason || !e.actor || Number.isNaN(Date.parse(e.at))) problems.push(`event ${i} lacks reason/actor/time`);
    if (e.from !== current) problems.push(`event ${i} starts at ${e.from}, the order was ${current}`);
    const rank = RANK[e.to];
    if (rank !== undefined) {
      if (rank < best && e.from !== 'on_hold') problems.push(`event ${i} moves back to ${e.to}`);
      best = Math.max(best, rank);
    }
    current = e.to;
  }
  return problems;
}

/**
 * Runs `fn` for every store at once — each store has its own CJ budget, so the SQLite and
 * PostgreSQL runs overlap instead of queueing — and names the database in a failure.
 */
export async function onEach<T>(each: Partial<Record<DatabaseName, T>>, fn: (item: T, db: DatabaseName) => Promise<void>): Promise<void> {
  const entries = Object.entries(each) as Array<[DatabaseName, T]>;
  if (entries.length === 0) throw new Error('no database to run on');
  const results = await Promise.allSettled(
    entries.map(async ([db, item]) => {
      try {
        await fn(item, db);
      } catch (err) {
        if (err instanceof Error) err.message = `[${db}] ${err.message}`;
        throw err;
      }
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
