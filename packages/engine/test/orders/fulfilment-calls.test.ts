// What fulfilment spends at CJ: create, confirm and pay — no lookup before a first create, no stock,
// freight or balance read before them — and what it still does when CJ refuses: a lost answer is
// looked up (not resent), a shortage is held as out of stock with CJ's figures, a shipping option CJ
// no longer offers is re-quoted once and replaced. The reconciliation follows paid orders with one
// order/list call per batch. The checkout reuses the shipping quote's freight
// answer from the cache. One SQLite store whose payments are manual, so each test drives fulfilment
// itself (fulfilOrder) instead of racing the job runner.
import type { CallEntry, RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyProductFacts } from '../../src/inventory/apply.js';
import { fulfilOrder } from '../../src/orders/fulfilment.js';
import { getOrder, orderEvents } from '../../src/orders/order-repository.js';
import { reconcileOrders } from '../../src/orders/reconcile.js';
import { testSimulator, type TestStore } from '../support/store-harness.js';
import { buyables, checkoutBody, cjLedger, postCheckout, request, scanCatalogue, simAccount, startOrderStore, type Buyable } from './helpers.js';

const IBAN = 'PT50 0002 0123 1234 5678 9015 4';

let sim: RunningSimulator;
let store: TestStore;
let goods: Buyable[];

beforeAll(async () => {
  sim = await testSimulator();
  store = await startOrderStore({ database: 'sqlite', sim, config: { payments: { provider: 'manual', manual: { iban: IBAN, accountHolder: 'Astral Lda' } } } });
  await scanCatalogue(store);
  goods = await buyables(store.runtime.ctx);
}, 120_000);

afterAll(async () => {
  await store?.close();
  await sim?.close();
});

/** An order as a paid checkout leaves it (pending), without the job runner picking it up. */
async function pendingOrder(variantId: string, quantity = 1): Promise<string> {
  const res = await postCheckout(store, checkoutBody(variantId, { lines: [{ variantId, quantity }] }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.order.orderId;
  const now = new Date().toISOString();
  await store.runtime.ctx.db.updateTable('orders').set({ status: 'pending', paid_at: now }).where('id', '=', id).execute();
  return id;
}

function callsSince(mark: number): string[] {
  const account = simAccount(sim, store);
  return (sim.control.ledger({ kind: 'call', since: mark, openId: account.openId }) as CallEntry[]).filter((c) => !c.rateLimited).map((c) => c.path);
}

const count = (paths: string[], suffix: string) => paths.filter((p) => p.endsWith(suffix)).length;

describe('fulfilment at CJ', () => {
  it('a first attempt is create, confirm, pay: three calls, no lookup, stock, freight or balance read', async () => {
    const ctx = store.runtime.ctx;
    // The first payment of a process reads the balance once for the gauge; the next ones do not.
    await fulfilOrder(ctx, await pendingOrder(goods[0]!.variantId));
    const id = await pendingOrder(goods[0]!.variantId);
    const mark = sim.control.ledgerCursor();
    await fulfilOrder(ctx, id);
    const order = (await getOrder(ctx.db, id))!;
    expect(order.status).toBe('paid');
    expect(order.cj.submittedAt).not.toBeNull();
    const calls = callsSince(mark);
    expect(calls.sort()).toEqual(['/shopping/order/confirmOrder', '/shopping/order/createOrderV2', '/shopping/pay/payBalance']);
    expect(cjLedger(sim, order.number)).toMatchObject({ creates: 1, payments: 1 });
    expect(ctx.metrics.cjBalanceKnown()).toBe(true);
  });

  it('a create whose answer was lost: the rerun looks CJ up and continues there, never creating twice', async () => {
    const ctx = store.runtime.ctx;
    const account = simAccount(sim, store);
    const id = await pendingOrder(goods[1]!.variantId);
    sim.control.addFaults([{ path: '/shopping/order/createOrderV2', mode: 'commit-then-drop', rate: 1, openId: account.openId }]);
    try {
      await expect(fulfilOrder(ctx, id)).rejects.toThrow(/create outcome unknown/);
    } finally {
      sim.control.clearFaults();
    }
    const mark = sim.control.ledgerCursor();
    await fulfilOrder(ctx, id);
    const order = (await getOrder(ctx.db, id))!;
    expect(order.status).toBe('paid');
    const calls = callsSince(mark);
    expect(count(calls, '/getOrderDetail')).toBe(1);
    expect(count(calls, '/createOrderV2')).toBe(0);
    expect(cjLedger(sim, order.number)).toMatchObject({ creates: 1, payments: 1 });
  });

  it('CJ refuses a quantity its warehouse does not hold: on hold as out of stock, with CJ\'s figures', async () => {
    const ctx = store.runtime.ctx;
    const id = await pendingOrder(goods[0]!.variantId);
    await ctx.db.updateTable('order_lines').set({ quantity: 99_999 }).where('order_id', '=', id).execute();
    const mark = sim.control.ledgerCursor();
    await fulfilOrder(ctx, id);
    const order = (await getOrder(ctx.db, id))!;
    expect(order.status).toBe('on_hold');
    expect(order.holdReason).toBe('out_of_stock');
    expect(order.holdDetail).toMatch(/^CJ has \d+ of ".+" in [A-Z]{2}, the order needs 99999$/);
    const calls = callsSince(mark);
    expect(count(calls, '/createOrderV2')).toBe(1);
    expect(count(calls, '/stock/queryByVid')).toBe(1);
    expect(cjLedger(sim, order.number).creates).toBe(0);
  });

  it('CJ no longer offers the checkout\'s shipping option: re-quoted once, created with one it offers, the change recorded', async () => {
    const ctx = store.runtime.ctx;
    const id = await pendingOrder(goods[1]!.variantId);
    await ctx.db.updateTable('orders').set({ logistic_name: 'Retired Post' }).where('id', '=', id).execute();
    const mark = sim.control.ledgerCursor();
    await fulfilOrder(ctx, id);
    const order = (await getOrder(ctx.db, id))!;
    expect(order.status).toBe('paid');
    expect(order.logisticName).not.toBe('Retired Post');
    const calls = callsSince(mark);
    expect(count(calls, '/createOrderV2')).toBe(2); // refused (nothing created), then created
    expect(count(calls, '/logistic/freightCalculate')).toBe(1);
    expect(cjLedger(sim, order.number)).toMatchObject({ creates: 1, payments: 1 });
    const events = await orderEvents(ctx.db, id);
    expect(events.some((e) => e.reason === `shipping changed to ${order.logisticName}: Retired Post is no longer offered`)).toBe(true);
  });
});

describe('following CJ after payment', () => {
  it('the reconciliation follows every paid order with one order/list call, not a lookup each', async () => {
    const ctx = store.runtime.ctx;
    const paid = await ctx.db.selectFrom('orders').select('id').where('status', '=', 'paid').execute();
    expect(paid.length).toBeGreaterThanOrEqual(3);
    await sim.control.advanceClock({ days: 4 });
    const mark = sim.control.ledgerCursor();
    const summary = await reconcileOrders(ctx);
    expect(summary.synced).toBe(paid.length);
    const calls = callsSince(mark);
    expect(count(calls, '/shopping/order/list')).toBe(1);
    expect(count(calls, '/getOrderDetail')).toBe(0);
    const moved = await ctx.db.selectFrom('orders').select('status').where('id', 'in', paid.map((p) => p.id)).execute();
    expect(moved.every((o) => o.status === 'shipped' || o.status === 'delivered')).toBe(true);
  });
});

describe('freight quotes from the cache', () => {
  it('the checkout reuses the shipping quote\'s answer; news about the product from CJ drops it', async () => {
    const ctx = store.runtime.ctx;
    const item = goods[2] ?? goods[0]!;
    const quote = () => request(store, 'POST', '/api/shipping/quote', { body: { lines: [{ variantId: item.variantId, quantity: 2 }], country: 'PT' } });
    const hits = () => ctx.metrics.cacheLookups.get().then((m) => m.values.find((v) => v.labels.cache === 'freight' && v.labels.result === 'hit')?.value ?? 0);
    const hitsBefore = await hits();

    const mark = sim.control.ledgerCursor();
    expect((await quote()).status).toBe(200);
    const res = await postCheckout(store, checkoutBody(item.variantId, { lines: [{ variantId: item.variantId, quantity: 2 }] }));
    expect(res.status).toBe(201);
    expect(count(callsSince(mark), '/logistic/freightCalculate')).toBe(1);
    expect(await hits()).toBe(hitsBefore + 1);

    // A webhook or the sync reporting on the product (both apply facts) drops its quotes.
    await applyProductFacts(ctx, item.productId, { asOf: Date.now(), fullRead: false, variants: new Map() });
    const mark2 = sim.control.ledgerCursor();
    expect((await quote()).status).toBe(200);
    expect(count(callsSince(mark2), '/logistic/freightCalculate')).toBe(1);
  });
});
