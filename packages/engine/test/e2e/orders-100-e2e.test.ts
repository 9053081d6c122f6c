// End to end, 100 orders, in-process store on SQLite against the simulator (manual clock):
// scan → 100 checkouts through POST /api/checkout with the demo payment → every order paid at CJ →
// the simulator's clock moves, ORDER/LOGISTIC webhooks arrive at /webhooks/cj and reconciliation
// runs → every order delivered. The ledger proves each order was created and paid at CJ once.
//
// Rerun: npx vitest run packages/engine/test/e2e/orders-100-e2e.test.ts
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '@lojista/cj-sim';
import { reconcileOrders } from '../../src/orders/reconcile.js';
import { testSimulator } from '../support/store-harness.js';
import { startE2eStore, type E2eStore } from './support/e2e-store.js';
import {
  auditLedger,
  callsByPath,
  describeCalls,
  fmt,
  latencies,
  listOrders,
  median,
  percentile,
  planCheckouts,
  postCheckout,
  sellableVariants,
  until,
  type CheckoutAnswer,
} from './support/e2e-kit.js';

const ORDERS = 100;
const SEED = 20261124;

describe('100 orders from checkout to delivered (in-process, SQLite)', () => {
  let sim: RunningSimulator;
  let store: E2eStore;
  const started = Date.now();

  beforeAll(async () => {
    sim = await testSimulator();
    store = await startE2eStore({ sim, config: { schedules: { orderReconcile: '1h' } } });
    await store.runtime.scanNow({ trigger: 'cli', pointsBudget: 800 });
    // ORDER and LOGISTIC webhooks to this store's listener, registered the way the CLI does it.
    const hook = { type: 'ENABLE' as const, callbackUrls: [`${store.url}/api/webhooks/cj`] };
    await store.runtime.ctx.cj.webhook.set({ order: hook, logistics: hook });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await sim?.close();
  });

  it('creates and pays each order at CJ exactly once, and follows all of them to delivered', async () => {
    const api = { url: store.url, adminToken: store.adminToken };
    const account = sim.control.getAccount(store.apiKey)!;
    const balanceBefore = account.balance;
    const variants = await sellableVariants(api);
    expect(variants.length, 'the scan listed products to sell').toBeGreaterThan(10);
    const plan = planCheckouts(variants, ORDERS, SEED, { esShare: 0.2, keyPrefix: 'e2e100' });

    // Checkouts arrive a few at a time, as customers do.
    const t0 = Date.now();
    const answers: CheckoutAnswer[] = [];
    for (let i = 0; i < plan.length; i += 4) {
      answers.push(...(await Promise.all(plan.slice(i, i + 4).map((body) => postCheckout(store.url, body)))));
    }
    expect(answers.every((a) => a.status === 201 && a.payment?.kind === 'paid')).toBe(true);
    const ours = new Map(answers.map((a) => [a.order.number, a.order.orderId]));
    expect(ours.size).toBe(ORDERS);

    await until(
      'every order paid at CJ',
      async () => {
        const orders = await listOrders(api);
        return orders.filter((o) => ['paid', 'shipped', 'delivered'].includes(o.status)).length === ORDERS;
      },
      240_000,
      500,
    );
    const allPaidAfter = (Date.now() - t0) / 1000;

    const tDeliver = Date.now();
    // Let CJ ship and deliver: the clock moves, webhooks arrive, reconciliation catches the rest.
    for (let day = 0; day < 40; day += 4) {
      await sim.control.advanceClock({ days: 4 });
      await sim.control.flushWebhooks();
    }
    await until(
      'every order delivered',
      async () => {
        await reconcileOrders(store.runtime.ctx);
        const orders = await listOrders(api);
        return orders.every((o) => o.status === 'delivered');
      },
      120_000,
      200,
    );

    const deliveredAfter = (Date.now() - tDeliver) / 1000;
    const orders = await listOrders(api);
    expect(orders).toHaveLength(ORDERS);
    expect(new Set(orders.map((o) => o.number))).toEqual(new Set(ours.keys()));

    const audit = auditLedger(sim.control.ledger({ kind: ['order', 'payment'] }), ours.keys(), account.openId);
    expect(audit.duplicates).toEqual([]);
    expect(audit.extra).toEqual([]);
    expect(audit.missing).toEqual([]);
    expect(audit.doublePayments).toEqual([]);
    expect(audit.unpaid).toEqual([]);
    expect(audit.cjOrders).toBe(ORDERS);
    expect(audit.createdOnce).toBe(ORDERS);
    expect(audit.paidOnce).toBe(ORDERS);
    // The money: debited once per order, and the balance went down by exactly that.
    expect(audit.debitedCents).toBe(audit.orderAmountsCents);
    expect(Math.round((Number(balanceBefore) - Number(sim.control.getAccount(account.openId)!.balance)) * 100)).toBe(audit.orderAmountsCents);

    const { seconds, missing } = await latencies(api, [...ours.values()]);
    expect(missing).toEqual([]);
    console.log(
      [
        `e2e 100 orders (SQLite, in-process): orders ${ORDERS}, CJ orders ${audit.cjOrders}, duplicates ${audit.duplicates.length}, double payments ${audit.doublePayments.length}, extra ${audit.extra.length}`,
        `payment → paid at CJ: median ${fmt(median(seconds))} s, p95 ${fmt(percentile(seconds, 95))} s, max ${fmt(Math.max(...seconds))} s; all paid ${fmt(allPaidAfter, 1)} s after the first checkout, all delivered ${fmt(deliveredAfter, 1)} s after the clock started moving`,
        `balance ${balanceBefore} → ${sim.control.getAccount(account.openId)!.balance} USD; runtime ${fmt((Date.now() - started) / 1000, 1)} s`,
        `CJ calls ${describeCalls(callsByPath(sim.control.ledger({ kind: 'call', openId: account.openId }), account.openId))}`,
      ].join('\n'),
    );
  }, 420_000);
});
