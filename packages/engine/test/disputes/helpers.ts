// A store on a manual clock next to a simulator on its manual clock, moved together, and real
// orders paid at the simulator through the engine's own fulfilment job.
import { randomUUID } from 'node:crypto';
import { CjClient, type RateLimiter } from '@lojista/cj';
import type { RunningSimulator } from '@lojista/cj-sim';
import { expect } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { DisputeRule } from '../../src/disputes/index.js';
import { fulfilOrder } from '../../src/orders/fulfilment.js';
import { newOrderNumber } from '../../src/orders/order-number.js';
import type { Order } from '../../src/orders/order.js';
import { getOrder } from '../../src/orders/order-repository.js';
import { reconcileOrders } from '../../src/orders/reconcile.js';
import { simulatorApiKey } from '../../src/runtime/supplier-setup.js';
import type { StoreContext } from '../../src/stores/context.js';
import type { StoreConfigInput } from '../../src/stores/store-config.js';
import { DbTokenStore } from '../../src/supplier/db-token-store.js';
import { insertOrder, insertOrderLines, stockedVariant } from '../services/seed.js';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';

export const DAY = 86_400_000;

export interface DisputeEnv {
  sim: RunningSimulator;
  /** The store's account at the simulator: every simulator query below is limited to it. */
  openId: string;
  store: TestStore;
  ctx: StoreContext;
  clock: ManualClock;
  /** Moves the store's clock and the simulator's clock by the same amount. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A store (SQLite file or fresh PostgreSQL schema) on a ManualClock set to the simulator's now. Pass
 * a simulator to share it between the tests of a file (each store has its own account there).
 */
export async function disputeEnv(database: 'sqlite' | 'postgres', config: Partial<StoreConfigInput> = {}, shared?: RunningSimulator): Promise<DisputeEnv> {
  const sim = shared ?? (await testSimulator({ startTime: Date.now() }));
  const clock = new ManualClock(sim.control.now());
  // Not started: no scheduler or job runner in the background, so only the test moves things.
  const store = await startTestStore({ database, sim, clock, start: false, config });
  // The same CJ client the runtime builds, minus the QPS spacing (the store's account at the
  // simulator gets a high limit instead): CJ pacing is not what these tests are about, and at 6 req/s
  // the suite would spend most of its time waiting.
  const apiKey = simulatorApiKey(store.id);
  const openId = sim.control.getAccount(apiKey)!.openId;
  sim.control.setQps(openId, 1000);
  const cj = new CjClient({ apiKey, baseUrl: sim.baseUrl, qps: 6, limiter: noWait, tokenStore: new DbTokenStore(store.runtime.ctx.db, clock) });
  return {
    sim,
    openId,
    store,
    ctx: { ...store.runtime.ctx, cj },
    clock,
    async advance(ms) {
      clock.advance(ms);
      await sim.control.advanceClock(ms);
    },
    async close() {
      await store.close();
      if (!shared) await sim.close();
    },
  };
}

const noWait: RateLimiter = { acquire: async () => undefined };

const ADDRESSES: Record<string, { city: string; zip: string; address1: string }> = {
  PT: { city: 'Lisboa', zip: '1100-148', address1: 'Rua Augusta 10' },
  ES: { city: 'Madrid', zip: '28013', address1: 'Calle Mayor 1' },
};

let seq = 0;

/** An order created and paid at the simulator by the engine's fulfilment (status `paid`). */
export async function paidOrder(env: DisputeEnv, country = 'PT'): Promise<Order> {
  const { ctx } = env;
  const v = stockedVariant(env.sim, seq++);
  const id = randomUUID();
  const now = new Date(ctx.clock.now()).toISOString();
  const a = ADDRESSES[country]!;
  await insertOrder(ctx.db, {
    id,
    number: newOrderNumber('DSP', ctx.clock.now()),
    status: 'pending',
    checkout_key: `dispute-test-${id}`,
    customer_email: 'ana@example.pt',
    customer_phone: '+351912345678',
    ship_country: country,
    ship_province: a.city,
    ship_city: a.city,
    ship_zip: a.zip,
    ship_address1: a.address1,
    items_minor: 2999,
    total_minor: 2999,
    vat_minor: 561,
    logistic_name: 'unknown',
    shipping_quote_usd: '200.00', // generous: the cost-drift guard of fulfilment must not hold it
    cost_usd: v.price,
    payment_ref: `demo-${id}`,
    paid_at: now,
    created_at: now,
    updated_at: now,
  });
  await insertOrderLines(ctx.db, id, [{ pid: v.pid, vid: v.vid, title: 'Test item', unitPriceMinor: 2999, unitCostUsd: v.price }]);
  await fulfilOrder(ctx, id);
  const order = (await getOrder(ctx.db, id))!;
  expect(order.status, `order ${order.number} should be paid at CJ (hold: ${order.holdDetail ?? '-'})`).toBe('paid');
  expect(order.cj.paidAt).toBeTruthy();
  return order;
}

/** Ships the order at the simulator now, silences its tracking, and lets the engine learn it shipped. */
export async function shippedSilentOrder(env: DisputeEnv, country = 'PT'): Promise<Order> {
  const order = await paidOrder(env, country);
  env.sim.control.shipOrder(order.cj.orderId!);
  env.sim.control.stallOrder(order.cj.orderId!, 'tracking');
  await reconcileOrders(env.ctx);
  const shipped = (await getOrder(env.ctx.db, order.id))!;
  expect(shipped.status).toBe('shipped');
  expect(shipped.shippedAt).toBeTruthy();
  return shipped;
}

export async function disputeRows(env: DisputeEnv, orderId?: string) {
  let q = env.ctx.db.selectFrom('disputes').selectAll();
  if (orderId) q = q.where('order_id', '=', orderId);
  return q.orderBy('created_at').execute();
}

export async function rowFor(env: DisputeEnv, orderId: string, rule: DisputeRule) {
  return env.ctx.db.selectFrom('disputes').selectAll().where('order_id', '=', orderId).where('rule', '=', rule).executeTakeFirst();
}

/** The simulator's disputes of this store (on one CJ order). */
export function simDisputes(env: DisputeEnv, cjOrderId?: string) {
  return env.sim.control.listDisputes({ openId: env.openId }).filter((d) => cjOrderId === undefined || d.cjOrderId === cjOrderId);
}

/** Calls of this store the simulator received on a path (answered, dropped or faulted alike). */
export function simCalls(env: DisputeEnv, path: string) {
  return env.sim.control.ledger({ kind: 'call', path, openId: env.openId }).filter((e) => e.kind === 'call');
}

/** This store's entries of one kind in the simulator's ledger. */
export function simLedger(env: DisputeEnv, kind: 'dispute' | 'refund') {
  return env.sim.control.ledger({ kind, openId: env.openId });
}

export async function alertsOf(env: DisputeEnv, kind: string) {
  await env.ctx.alerts.flush();
  return env.ctx.db.selectFrom('alerts').selectAll().where('kind', '=', kind).execute();
}
