// CJ calls per order, checkout to delivered, and payment → paid at CJ for a lone order on an account
// at CJ's free level (QPS 1) — issue 11's rows. Counts, not CPU: the simulator's ledger says which
// calls each order cost. The baseline is the same script run from an older checkout of the
// repository (see BENCHMARKS.md), since both figures are properties of the engine's code.
//
// Part 1 (calls per order): the simulator in a child process with its QPS lifted, the store's CJ
// budget lifted too, CJ's ORDER and LOGISTIC webhooks registered. Each order is a headless
// storefront's purchase: POST /api/shipping/quote (the cart shows shipping), then POST /api/checkout
// with the demo payment. Then CJ ships and delivers: the simulator's clock moves 4 days at a time,
// its webhooks are delivered, and the order reconciliation runs once per step (standing for its
// schedule), then until every order is delivered. Calls are counted from the first quote.
//
// Part 2 (lone orders at QPS 1): a second simulator whose accounts are limited to 1 call per second,
// the store's CJ budget at 1 (its production limiter). Orders one at a time: a shipping quote, 2 s
// for the customer to fill the form, the checkout; the next order once this one is paid at CJ and
// 3 s have passed. Payment → paid at CJ from each order's timeline.
//
//   node --conditions=source --import tsx bench/cj-calls-per-order.ts [--orders 20] [--lone 7]
import { orderEvents } from '../packages/engine/src/orders/order-repository.js';
import { reconcileOrders } from '../packages/engine/src/orders/reconcile.js';
import { simulatorApiKey } from '../packages/engine/src/runtime/supplier-setup.js';
import { paymentToPaidSeconds, planCheckouts, postCheckout, sellableVariants, type CheckoutBody } from '../packages/engine/test/e2e/support/e2e-kit.js';
import { arg, fmt, median, openBenchStore, percentile, printLoadAtEnd, printMachine, sleep, startSimProcess, type BenchStore, type SimProcess } from './support.js';

const ORDERS = arg('orders', 20);
const LONE = arg('lone', 7);

interface LedgerCall {
  at: number;
  path: string;
  rateLimited?: boolean;
}

async function callsOf(sim: SimProcess, store: BenchStore, since: number): Promise<LedgerCall[]> {
  const openId = /^CJ(\d+)@/.exec(simulatorApiKey(store.id))![1]!;
  const res = await fetch(`${sim.url}/_sim/ledger?kind=call&openId=${openId}&since=${since}`);
  const { entries } = (await res.json()) as { entries: LedgerCall[] };
  return entries;
}

async function cursor(sim: SimProcess): Promise<number> {
  const res = await fetch(`${sim.url}/_sim/ledger?kind=call&since=999999999`);
  return ((await res.json()) as { cursor: number }).cursor;
}

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** The storefront's two steps: shipping shown in the cart, then the checkout. */
async function buy(store: BenchStore, body: CheckoutBody, beforeCheckoutMs = 0): Promise<string> {
  const quote = await post(`${store.url}/api/shipping/quote`, { lines: body.lines, country: body.address.country });
  if (quote.status !== 200) throw new Error(`shipping quote: ${quote.status} ${await quote.text()}`);
  if (beforeCheckoutMs) await sleep(beforeCheckoutMs);
  const answer = await postCheckout(store.url, body);
  if (answer.payment?.kind !== 'paid') throw new Error(`checkout not paid at once: ${JSON.stringify(answer)}`);
  return answer.order.orderId;
}

async function statuses(store: BenchStore, ids: string[]): Promise<string[]> {
  const rows = await store.runtime.ctx.db.selectFrom('orders').select('status').where('id', 'in', ids).execute();
  return rows.map((r) => r.status);
}

async function waitFor(what: string, ms: number, ok: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function callsPerOrder(): Promise<void> {
  const sim = await startSimProcess({ qps: 1000 });
  let store: BenchStore | undefined;
  try {
    const config = { checkout: { shipsTo: ['PT', 'ES'] }, schedules: { scanOnFirstStart: false, orderReconcile: '1h', inventory: '24h', disputes: '24h' } };
    store = await openBenchStore({ kind: 'sqlite', simBaseUrl: sim.baseUrl, engineQps: 1000, config });
    await store.runtime.scanNow({ trigger: 'cli', pointsBudget: 800 });
    const hook = { type: 'ENABLE' as const, callbackUrls: [`${store.url}/api/webhooks/cj`] };
    await store.runtime.ctx.cj.webhook.set({ order: hook, logistics: hook });
    const variants = await sellableVariants({ url: store.url, adminToken: store.adminToken });
    const plan = planCheckouts(variants, ORDERS, 4242, { esShare: 0.2, keyPrefix: `calls-${store.id}` });

    const since = await cursor(sim);
    const ids: string[] = [];
    for (let i = 0; i < plan.length; i += 4) ids.push(...(await Promise.all(plan.slice(i, i + 4).map((b) => buy(store!, b)))));
    await waitFor('every order paid at CJ', 120_000, async () => (await statuses(store!, ids)).every((s) => ['paid', 'shipped', 'delivered'].includes(s)));
    const paidCalls = (await callsOf(sim, store, since)).length;

    let reconciles = 0;
    for (let day = 0; day < 40; day += 4) {
      await post(`${sim.url}/_sim/clock/advance`, { days: 4 });
      await post(`${sim.url}/_sim/webhooks/flush`, {});
      await sleep(1_000); // the webhook jobs
      await reconcileOrders(store.runtime.ctx);
      reconciles++;
    }
    while (!(await statuses(store, ids)).every((s) => s === 'delivered')) {
      if (reconciles > 40) throw new Error('orders not delivered after 40 reconciliations');
      await sleep(500);
      await reconcileOrders(store.runtime.ctx);
      reconciles++;
    }
    const calls = (await callsOf(sim, store, since)).filter((c) => !c.rateLimited);
    const byPath = new Map<string, number>();
    for (const c of calls) byPath.set(c.path, (byPath.get(c.path) ?? 0) + 1);
    console.log(`\nPart 1 — ${ids.length} orders, checkout to delivered (${reconciles} reconciliation runs):`);
    console.log(`  CJ calls per order: ${fmt(calls.length / ids.length, 2)} (checkout to paid at CJ: ${fmt(paidCalls / ids.length, 2)})`);
    for (const [path, n] of [...byPath].sort((a, b) => b[1] - a[1])) console.log(`    ${path.padEnd(40)} ${fmt(n / ids.length, 2)}`);
    const m = await store.runtime.ctx.metrics.cacheLookups?.get();
    if (m) console.log(`  cache: ${m.values.filter((v) => v.value > 0).map((v) => `${v.labels.cache} ${v.labels.result} ${v.value}`).join(', ')}`);
  } finally {
    await store?.close();
    await sim.close();
  }
}

async function loneOrdersAtQps1(): Promise<void> {
  const sim = await startSimProcess({ qps: 1 });
  let store: BenchStore | undefined;
  try {
    const config = { cj: { qps: 1 as const }, checkout: { shipsTo: ['PT', 'ES'] }, schedules: { scanOnFirstStart: false, orderReconcile: '1h', inventory: '24h', disputes: '24h' } };
    store = await openBenchStore({ kind: 'sqlite', simBaseUrl: sim.baseUrl, config });
    await store.runtime.scanNow({ trigger: 'cli', pointsBudget: 300 });
    const variants = await sellableVariants({ url: store.url, adminToken: store.adminToken });
    const plan = planCheckouts(variants, LONE, 99, { esShare: 0, keyPrefix: `lone-${store.id}` });
    const seconds: number[] = [];
    await sleep(3_000);
    for (const body of plan) {
      const id = await buy(store, body, 2_000);
      await waitFor('the order paid at CJ', 60_000, async () => (await statuses(store!, [id]))[0] === 'paid');
      const s = paymentToPaidSeconds(await orderEvents(store.runtime.ctx.db, id));
      if (s !== null) seconds.push(s);
      console.log(`  lone order ${seconds.length}: payment → paid at CJ ${fmt(s ?? NaN, 2)} s`);
      await sleep(3_000);
    }
    console.log(`\nPart 2 — ${seconds.length} lone orders, account at QPS 1: payment → paid at CJ median ${fmt(median(seconds), 2)} s, p95 ${fmt(percentile(seconds, 95), 2)} s, max ${fmt(Math.max(...seconds), 2)} s`);
  } finally {
    await store?.close();
    await sim.close();
  }
}

printMachine(`CJ calls per order (${ORDERS} orders) and payment → paid at QPS 1 (${LONE} lone orders)`);
await callsPerOrder();
await loneOrdersAtQps1();
printLoadAtEnd();
