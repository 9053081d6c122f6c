// Fulfilment latency: seconds from the customer's payment confirmation (the order's event into
// `pending`) to paid at CJ (the event into `paid`), and the latency of POST /api/checkout itself, for
// demo-paid orders — embedded runtime (SQLite + the DB job runner, the baseline) against the scale
// runtime (PostgreSQL + outbox relayed to BullMQ on Redis), in one run.
//
// The stores run in this process, as `lojista serve` runs them (openStore, default job poll
// intervals); the CJ simulator runs in a child process with its QPS limit lifted, and the engine's
// own CJ budget is lifted too (qps 1000), so CJ's 6 calls/s is not what is measured. Each runtime
// runs twice: with the production CJ limiter, which still spaces one account's calls by at least
// 1 ms + its 50 ms safety floor, and with that limiter's margin set to 0 ("unthrottled"), which
// leaves the engine's own cost (see support.ts).
// Orders arrive open-loop at a fixed rate (default 2/s: below what one process fulfils at once, so
// the figure is one order's latency, not a queue's); rounds alternate the order in
// which the two runtimes go, so drift in the machine's load falls on both. This process's CPU time
// per order is reported too (checkout + fulfilment + the bench's HTTP client; PostgreSQL's and
// Redis's own CPU is in their processes and not counted).
//
//   node --conditions=source --import tsx bench/fulfilment-latency.ts [--orders 25] [--rounds 2] [--rate 2]
import { performance } from 'node:perf_hooks';
import { orderEvents } from '../packages/engine/src/orders/order-repository.js';
import { simulatorApiKey } from '../packages/engine/src/runtime/supplier-setup.js';
import {
  paymentToPaidSeconds,
  planCheckouts,
  postCheckout,
  sellableVariants,
  type CatalogVariant,
} from '../packages/engine/test/e2e/support/e2e-kit.js';
import { arg, fmt, median, openBenchStore, percentile, printLoadAtEnd, printMachine, sleep, startSimProcess, table, type BenchStore } from './support.js';

const ORDERS = arg('orders', 25);
const ROUNDS = arg('rounds', 2);
const RATE = arg('rate', 2);
const PAID = new Set(['paid', 'shipped', 'delivered']);

interface Samples {
  fulfil: number[];
  checkout: number[];
  roundFulfil: number[];
  roundCheckout: number[];
  /** This process's CPU ms per order over each round (checkout, fulfilment, the bench's own client). */
  roundCpu: number[];
  notPaid: number;
}

async function round(store: BenchStore, label: string, variants: CatalogVariant[], r: number, into: Samples): Promise<void> {
  const plan = planCheckouts(variants, ORDERS, 7000 + r, { keyPrefix: `bench-${store.id}-${r}` });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const checkoutMs: number[] = [];
  const orderIds: string[] = [];
  await Promise.all(
    plan.map(async (body, i) => {
      const due = t0 + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const start = performance.now();
      const answer = await postCheckout(store.url, body);
      checkoutMs.push(performance.now() - start);
      if (answer.payment?.kind !== 'paid') throw new Error(`checkout not paid at once: ${JSON.stringify(answer)}`);
      orderIds.push(answer.order.orderId);
    }),
  );
  const { db } = store.runtime.ctx;
  const deadline = Date.now() + 90_000;
  for (;;) {
    // One cheap query per poll, so the bench's own reads cost both databases little.
    const { n } = await db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('id', 'in', orderIds)
      .where('status', 'in', [...PAID] as never[])
      .executeTakeFirstOrThrow();
    if (Number(n) === orderIds.length) break;
    if (Date.now() > deadline) {
      console.warn(`${label} round ${r}: ${orderIds.length - Number(n)} orders not paid at CJ after 90 s`);
      break;
    }
    await sleep(200);
  }
  const cpu = process.cpuUsage(cpu0);
  into.roundCpu.push((cpu.user + cpu.system) / 1000 / orderIds.length);
  const seconds: number[] = [];
  for (const id of orderIds) {
    const s = paymentToPaidSeconds(await orderEvents(db, id));
    if (s === null) into.notPaid++;
    else seconds.push(s);
  }
  into.fulfil.push(...seconds);
  into.checkout.push(...checkoutMs);
  into.roundFulfil.push(median(seconds));
  into.roundCheckout.push(median(checkoutMs));
  console.log(
    `  round ${r + 1} ${label.padEnd(18)}: fulfil median ${fmt(median(seconds) * 1000, 0)} ms p95 ${fmt(percentile(seconds, 95) * 1000, 0)} ms · checkout median ${fmt(median(checkoutMs))} ms p95 ${fmt(percentile(checkoutMs, 95))} ms · ${fmt(into.roundCpu.at(-1)!, 0)} CPU ms/order`,
  );
}

async function main(): Promise<void> {
  printMachine(`fulfilment latency: ${ORDERS} orders × ${ROUNDS} rounds per runtime, arriving at ${RATE}/s`);
  const sim = await startSimProcess({ qps: 1000 });
  const stores: BenchStore[] = [];
  const limiters = new Map<BenchStore, 'production' | 'unthrottled'>();
  const name = (s: BenchStore) => `${s.kind}/${limiters.get(s)}`;
  try {
    const config = { checkout: { shipsTo: ['PT', 'ES'] }, schedules: { scanOnFirstStart: false, orderReconcile: '1h' } };
    for (const limiter of ['production', 'unthrottled'] as const) {
      for (const kind of ['sqlite', 'scale'] as const) {
        const store = await openBenchStore({ kind, simBaseUrl: sim.baseUrl, engineQps: 1000, config, limiter });
        stores.push(store);
        limiters.set(store, limiter);
      }
    }
    const variants = new Map<BenchStore, CatalogVariant[]>();
    for (const store of stores) {
      const scan = await store.runtime.scanNow({ trigger: 'cli', pointsBudget: 800 });
      const v = await sellableVariants({ url: store.url, adminToken: store.adminToken });
      console.log(`${name(store)}: catalogue filled (${scan.status === 'already_running' ? '?' : scan.counts.store.added} products, ${v.length} sellable variants)`);
      variants.set(store, v);
    }
    const samples = new Map<BenchStore, Samples>(stores.map((s) => [s, { fulfil: [], checkout: [], roundFulfil: [], roundCheckout: [], roundCpu: [], notPaid: 0 }]));
    // One unmeasured warm-up order each (JIT, connection pools, BullMQ's Lua scripts).
    for (const store of stores) {
      const warm = planCheckouts(variants.get(store)!, 1, 1, { keyPrefix: `bench-warm-${store.id}` })[0]!;
      await postCheckout(store.url, warm);
    }
    await sleep(2_000);
    const measuredFrom = Date.now();
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? stores : [...stores].reverse();
      for (const store of order) await round(store, name(store), variants.get(store)!, r, samples.get(store)!);
    }

    const label = (s: BenchStore) =>
      `${s.kind === 'sqlite' ? 'embedded: SQLite + DB jobs (baseline)' : 'scale: PostgreSQL + BullMQ/Redis'}, ${limiters.get(s)} limiter`;
    console.log('');
    console.log(
      table(
        ['runtime, CJ limiter', 'orders', 'payment→paid at CJ median', 'p95', 'per-round medians', 'POST /api/checkout median', 'p95', 'per-round medians', 'engine CPU ms/order (median of rounds)'],
        stores.map((s) => {
          const x = samples.get(s)!;
          return [
            label(s),
            `${x.fulfil.length}${x.notPaid ? ` (+${x.notPaid} not paid)` : ''}`,
            `${fmt(median(x.fulfil) * 1000, 0)} ms`,
            `${fmt(percentile(x.fulfil, 95) * 1000, 0)} ms`,
            x.roundFulfil.map((v) => fmt(v * 1000, 0)).join(' / '),
            `${fmt(median(x.checkout))} ms`,
            `${fmt(percentile(x.checkout, 95))} ms`,
            x.roundCheckout.map((v) => fmt(v)).join(' / '),
            fmt(median(x.roundCpu), 0),
          ];
        }),
      ),
    );
    console.log('');
    for (const limiter of ['production', 'unthrottled'] as const) {
      const [base, scale] = stores.filter((s) => limiters.get(s) === limiter).map((s) => samples.get(s)!);
      console.log(
        `${limiter} limiter — scale vs embedded: fulfilment median ×${fmt(median(scale!.fulfil) / median(base!.fulfil), 2)}, checkout median ×${fmt(median(scale!.checkout) / median(base!.checkout), 2)}, CPU per order ×${fmt(median(scale!.roundCpu) / median(base!.roundCpu), 2)}`,
      );
    }
    console.log('');
    console.log('CJ calls made by the measured orders (simulator ledger; checkout and fulfilment together):');
    for (const store of stores) {
      const openId = /^CJ(\d+)@/.exec(simulatorApiKey(store.id))![1]!;
      const res = await fetch(`${sim.url}/_sim/ledger?kind=call&openId=${openId}`);
      const { entries } = (await res.json()) as { entries: Array<{ at: number; method: string; path: string; durationMs: number }> };
      const calls = entries.filter((e) => e.at >= measuredFrom);
      const orders = samples.get(store)!.fulfil.length + samples.get(store)!.notPaid;
      const byPath = new Map<string, number>();
      for (const c of calls) byPath.set(c.path, (byPath.get(c.path) ?? 0) + 1);
      const handler = calls.reduce((a, c) => a + c.durationMs, 0);
      console.log(
        `  ${name(store).padEnd(18)}: ${fmt(calls.length / orders, 1)} calls per order, simulator handler time ${fmt(handler / orders, 1)} ms per order — ${[...byPath]
          .sort((a, b) => b[1] - a[1])
          .map(([p, n]) => `${p} ${fmt(n / orders, 1)}`)
          .join(', ')}`,
      );
    }
  } finally {
    for (const s of stores) await s.close().catch((err: unknown) => console.error('close failed:', err));
    await sim.close();
  }
}

await main();
printLoadAtEnd();
