// Webhook lag: seconds from CJ sending a stock-out webhook to the product hidden in the store, on an
// idle store and during a burst of paid orders (issue 10 §3: after a burst, 1,364 CJ webhooks
// waited minutes behind ~300 fulfilment jobs that shared 2 job slots in arrival order).
//
// Baseline: every job type in one lane of 2 slots (as before lanes). Variant: the store's job lanes
// (`jobs.lanes`, default webhooks 2, fulfilment 2, sync 1, scan 1, other 1). Each mode runs on a
// fresh store, in the same run, on the embedded runtime (SQLite + the DB job runner) and, with
// `--scale`, on the scale runtime (PostgreSQL outbox + BullMQ on Redis) too.
//
// Per store: fill the catalogue (a scan), subscribe the store to CJ's stock webhooks, then
//   1. quiet: `--hooks` stock-outs, one per second, each on its own product; lag = from the
//      simulator's delivery being triggered to the product's status `hidden` (polled every 20 ms);
//   2. burst: `--orders` paid orders posted at once (16 at a time; each enqueues a fulfilment job),
//      and while they are being fulfilled, `--hooks` more stock-outs, one per second.
// The CJ simulator runs in a child process with its QPS lifted, and the engine's own budget is
// lifted too (qps 1000; the limiter still spaces calls ≥ 51 ms): a real account at QPS 1–6 drains
// the burst far slower, so the baseline's lag would be longer still.
//
//   node --conditions=source --import tsx bench/webhook-lag.ts [--orders 300] [--hooks 10] [--scale]
import { performance } from 'node:perf_hooks';
import { planCheckouts, postCheckout, sellableVariants } from '../packages/engine/test/e2e/support/e2e-kit.js';
import { arg, fmt, median, openBenchStore, percentile, printLoadAtEnd, printMachine, sleep, startSimProcess, table, type BenchStore, type SimProcess, type StoreKind } from './support.js';

const ORDERS = arg('orders', 300);
const HOOKS = arg('hooks', 10);
const SCALE = process.argv.includes('--scale');

interface Result {
  label: string;
  quiet: number[];
  burst: number[];
  /** Fulfilment jobs queued or running when the first burst stock-out was sent, and after the last was hidden. */
  backlogAtStart: number;
  backlogAtEnd: number;
  burstSeconds: number;
}

async function control(sim: SimProcess, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
}

/** Stocks the product out at the simulator, has it deliver the webhook, and times until the store hides it. */
async function stockOut(store: BenchStore, sim: SimProcess, product: { id: string; cj_pid: string }): Promise<number> {
  const { db } = store.runtime.ctx;
  const t0 = performance.now();
  await control(sim, '/_sim/stock', { pid: product.cj_pid, quantity: 0 });
  await control(sim, '/_sim/webhooks/flush', {});
  const deadline = t0 + 600_000;
  for (;;) {
    const row = await db.selectFrom('products').select('status').where('id', '=', product.id).executeTakeFirstOrThrow();
    if (row.status === 'hidden') return (performance.now() - t0) / 1000;
    if (performance.now() > deadline) throw new Error(`product ${product.id} still ${row.status} after 600 s`);
    await sleep(20);
  }
}

async function fulfilBacklog(store: BenchStore): Promise<number> {
  const { n } = await store.runtime.ctx.db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('type', '=', 'orders.fulfil')
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirstOrThrow();
  return Number(n);
}

async function measure(sim: SimProcess, kind: StoreKind, mode: 'shared' | 'lanes'): Promise<Result> {
  const label = `${kind === 'sqlite' ? 'embedded (SQLite, DB jobs)' : 'scale (PostgreSQL + BullMQ)'}, ${mode === 'shared' ? 'one shared lane of 2 slots (before)' : 'job lanes (after)'}`;
  const store = await openBenchStore({
    kind,
    simBaseUrl: sim.baseUrl,
    engineQps: 1000,
    ...(mode === 'shared' ? { sharedJobSlots: 2 } : {}),
    config: {
      checkout: { shipsTo: ['PT', 'ES'] },
      schedules: { scanOnFirstStart: false, orderReconcile: '1h', inventory: '24h' },
      // Every order comes from this one client address: lift its budgets (the limiter still runs).
      http: { port: 0, publicRateLimit: { max: 100_000, window: '1m' }, rateLimits: { checkout: { max: 100_000, window: '1m' } } },
      catalog: { maxProducts: 200 },
    },
  });
  try {
    await store.runtime.scanNow({ trigger: 'cli', pointsBudget: 1500 });
    const { db, cj } = store.runtime.ctx;
    const hook = `${store.url}/api/webhooks/cj`;
    await cj.webhook.set({ stock: { type: 'ENABLE', callbackUrls: [hook] }, product: { type: 'ENABLE', callbackUrls: [hook] } });
    const products = await db.selectFrom('products').select(['id', 'cj_pid']).where('status', '=', 'active').orderBy('id').execute();
    if (products.length < 2 * HOOKS + 5) throw new Error(`only ${products.length} active products; need ${2 * HOOKS + 5}`);
    // The stock-outs take the last 2×HOOKS products; orders buy only the others.
    const targets = products.slice(-2 * HOOKS);
    const targetIds = new Set(targets.map((p) => p.id));
    const variants = (await sellableVariants({ url: store.url, adminToken: store.adminToken })).filter((v) => !targetIds.has(v.productId));
    console.log(`${label}: ${products.length} products, ${variants.length} variants for orders`);

    // Open loop: one stock-out a second whatever happened to the previous ones.
    const stockOuts = (from: number, report: boolean) =>
      Promise.all(
        Array.from({ length: HOOKS }, async (_, i) => {
          await sleep(i * 1000);
          const lag = await stockOut(store, sim, targets[from + i]!);
          if (report) console.log(`  burst stock-out ${i + 1}: hidden after ${fmt(lag, 2)} s (fulfilment jobs waiting or running: ${await fulfilBacklog(store)})`);
          return lag;
        }),
      );
    const quiet = await stockOuts(0, false);

    const plan = planCheckouts(variants, ORDERS, 4242, { keyPrefix: `lag-${store.id}` });
    const burstStart = performance.now();
    let next = 0;
    let paid = 0;
    const refused: string[] = [];
    const posting = Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < plan.length) {
          const body = plan[next++]!;
          await postCheckout(store.url, body).then(
            () => void paid++,
            (err: unknown) => (refused.push((err as Error).message.slice(0, 200))),
          );
        }
      }),
    );
    // Let the backlog build, then stock out while it drains.
    while ((await fulfilBacklog(store)) < Math.min(100, ORDERS / 2) && next < plan.length) await sleep(100);
    const backlogAtStart = await fulfilBacklog(store);
    const burst = await stockOuts(HOOKS, true);
    const backlogAtEnd = await fulfilBacklog(store);
    await posting;
    console.log(`  ${paid} orders paid, ${refused.length} checkouts refused${refused.length ? ` (first: ${refused[0]})` : ''}`);
    return { label, quiet, burst, backlogAtStart, backlogAtEnd, burstSeconds: (performance.now() - burstStart) / 1000 };
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  printMachine(`webhook lag: ${HOOKS} stock-outs on an idle store, ${HOOKS} during a burst of ${ORDERS} paid orders`);
  const sim = await startSimProcess({ qps: 1000, catalogueSize: 2400 });
  const results: Result[] = [];
  try {
    for (const kind of SCALE ? (['sqlite', 'scale'] as const) : (['sqlite'] as const)) {
      for (const mode of ['shared', 'lanes'] as const) results.push(await measure(sim, kind, mode));
    }
  } finally {
    await sim.close();
  }
  console.log('');
  console.log(
    table(
      ['runtime, jobs', 'idle: webhook→hidden p50', 'p95', `during ${ORDERS} orders: p50`, 'p95', 'max', 'fulfilment jobs waiting: at the first / after the last stock-out'],
      results.map((r) => [
        r.label,
        `${fmt(median(r.quiet), 2)} s`,
        `${fmt(percentile(r.quiet, 95), 2)} s`,
        `${fmt(median(r.burst), 2)} s`,
        `${fmt(percentile(r.burst, 95), 2)} s`,
        `${fmt(Math.max(...r.burst), 2)} s`,
        `${r.backlogAtStart} / ${r.backlogAtEnd}`,
      ]),
    ),
  );
  for (const r of results) console.log(`${r.label}: quiet ${r.quiet.map((x) => fmt(x, 2)).join(' ')} | burst ${r.burst.map((x) => fmt(x, 2)).join(' ')}`);
}

await main();
printLoadAtEnd();
