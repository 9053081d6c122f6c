// Ambiguous outcomes: a quarter of createOrderV2 and of payBalance responses are lost after CJ
// committed them (the simulator's commit-then-drop fault: the order exists, or the payment was
// taken, but the socket dies before the answer). 100 orders through POST /api/checkout (in-process
// store, SQLite): every one still reaches paid, and the ledger shows each created once and paid
// once — the fulfilment job treats a lost answer as an unknown outcome and looks the order up at CJ
// before doing anything again.
//
// Rerun: npx vitest run packages/engine/test/e2e/ambiguous-outcomes.test.ts
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallEntry, RunningSimulator } from '@lojista/cj-sim';
import { testSimulator } from '../support/store-harness.js';
import {
  auditLedger,
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
import { startE2eStore, type E2eStore } from './support/e2e-store.js';

const ORDERS = 100;
const SEED = 7_250_101;
const CREATE = '/shopping/order/createOrderV2';
const PAY = '/shopping/pay/payBalance';

describe('ambiguous outcomes: 25% of create and pay answers lost after CJ committed', () => {
  let sim: RunningSimulator;
  let store: E2eStore;
  const started = Date.now();

  beforeAll(async () => {
    sim = await testSimulator({ seed: SEED });
    store = await startE2eStore({ sim, config: { schedules: { orderReconcile: '1h' } } });
    await store.runtime.scanNow({ trigger: 'cli', pointsBudget: 800 });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await sim?.close();
  });

  it('still creates and pays every order at CJ exactly once, and all reach paid', async () => {
    const api = { url: store.url, adminToken: store.adminToken };
    const account = sim.control.getAccount(store.apiKey)!;
    const balanceBefore = account.balance;
    const variants = await sellableVariants(api);
    const plan = planCheckouts(variants, ORDERS, SEED, { esShare: 0.2, keyPrefix: 'ambiguous' });
    const since = sim.control.ledgerCursor();
    sim.control.addFaults([
      { path: CREATE, mode: 'commit-then-drop', rate: 0.25, openId: account.openId },
      { path: PAY, mode: 'commit-then-drop', rate: 0.25, openId: account.openId },
    ]);

    const answers: CheckoutAnswer[] = [];
    for (let i = 0; i < plan.length; i += 4) {
      answers.push(...(await Promise.all(plan.slice(i, i + 4).map((body) => postCheckout(store.url, body)))));
    }
    expect(answers.every((a) => a.status === 201 && a.payment?.kind === 'paid')).toBe(true);
    const ours = new Map(answers.map((a) => [a.order.number, a.order.orderId]));

    await until(
      'every order paid at CJ',
      async () => (await listOrders(api)).filter((o) => o.status === 'paid').length === ORDERS,
      240_000,
      500,
    );
    sim.control.clearFaults();

    // The faults really fired, on both paths, and each dropped answer was for a committed call.
    const calls = sim.control.ledger({ kind: 'call', since, openId: account.openId }) as CallEntry[];
    const dropped = (path: string) => calls.filter((c) => c.path === path && c.fault === 'commit-then-drop');
    expect(dropped(CREATE).length, 'createOrderV2 answers lost').toBeGreaterThanOrEqual(10);
    expect(dropped(PAY).length, 'payBalance answers lost').toBeGreaterThanOrEqual(10);
    expect([...dropped(CREATE), ...dropped(PAY)].every((c) => c.committed)).toBe(true);

    const orders = await listOrders(api);
    expect(orders).toHaveLength(ORDERS);
    expect(orders.every((o) => o.status === 'paid' && o.cj.orderId)).toBe(true);

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

    // What the engine did about it: create and pay were never re-sent blindly — every attempt
    // after a lost answer was preceded by a lookup, so attempts = orders + nothing.
    const attempts = (path: string) => calls.filter((c) => c.path === path && !c.rateLimited).length;
    expect(attempts(CREATE), 'createOrderV2 calls (one per order: a lost answer is looked up, not resent)').toBe(ORDERS);
    expect(attempts(PAY), 'payBalance calls (one per order)').toBe(ORDERS);

    const { seconds, missing } = await latencies(api, [...ours.values()]);
    expect(missing).toEqual([]);
    console.log(
      [
        `ambiguous outcomes (SQLite, in-process): orders ${ORDERS}, createOrderV2 answers lost ${dropped(CREATE).length}/${attempts(CREATE)}, payBalance answers lost ${dropped(PAY).length}/${attempts(PAY)}`,
        `CJ orders ${audit.cjOrders}, duplicates ${audit.duplicates.length}, double payments ${audit.doublePayments.length}, extra ${audit.extra.length}, missing ${audit.missing.length}`,
        `payment → paid at CJ: median ${fmt(median(seconds))} s, p95 ${fmt(percentile(seconds, 95))} s; runtime ${fmt((Date.now() - started) / 1000, 1)} s`,
      ].join('\n'),
    );
  }, 420_000);
});
