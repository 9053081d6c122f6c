// The engine's cost of the catalogue pipeline (search → details → analyse → translate → price →
// enrich → store): a scan against the simulator with every QPS limit lifted, measured as products
// considered per second and CPU ms (process.cpuUsage: user + system, this process only — the
// simulator runs in a child process) per stored product.
//
// Baseline: the offline translator with a cold cache (the `translations` table empty, as on a
// store's first scan). Variant: the same scan of the same products with the cache warm (products,
// rejections, cursors and scan runs cleared, translations kept) — what a store pays when it sees a
// product again, e.g. after it was retired and comes back. One unmeasured scan first warms the JIT,
// then cold and warm scans alternate, --pairs times.
//
// The scan runs through runScan with the store's own supplier and translator (built as openStore
// builds them), each wrapped in a timer, so the table also shows where the wall time went. The
// store's CJ limiter runs without its safety margin ("unthrottled", see support.ts): with it, even
// at qps 1000 every call waits ≥ 51 ms and the scan measures the limiter (~12 products/s), not the engine.
//
//   node --conditions=source --import tsx bench/scan-throughput.ts [--pairs 5] [--points 3000]
import { performance } from 'node:perf_hooks';
import { CjCatalogSupplier } from '../packages/engine/src/catalog/cj-catalog-supplier.js';
import { runScan } from '../packages/engine/src/catalog/scanner.js';
import type { CatalogSupplier } from '../packages/engine/src/catalog/supplier.js';
import { systemClock } from '../packages/engine/src/clock.js';
import { demoConfigInput } from '../packages/engine/src/runtime/demo-store.js';
import type { StoreContext } from '../packages/engine/src/stores/context.js';
import { DbTranslationCache } from '../packages/engine/src/translation/db-cache.js';
import { createTranslator } from '../packages/engine/src/translation/factory.js';
import type { Translator } from '../packages/engine/src/translation/types.js';
import { arg, fmt, median, openBenchStore, printLoadAtEnd, printMachine, startSimProcess, table } from './support.js';

const PAIRS = arg('pairs', 5);
const POINTS = arg('points', 3000);

interface ScanSample {
  wallMs: number;
  cpuMs: number;
  considered: number;
  found: number;
  stored: number;
  translated: number;
  supplierMs: number;
  translateMs: number;
  cacheRows: number;
}

function timed(ctx: StoreContext) {
  const t = { supplierMs: 0, translateMs: 0 };
  const clock = async <T>(key: 'supplierMs' | 'translateMs', fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      t[key] += performance.now() - start;
    }
  };
  const cj = new CjCatalogSupplier(ctx.cj);
  const supplier: CatalogSupplier = {
    search: (req, signal) => clock('supplierMs', () => cj.search(req, signal)),
    details: (pid, signal) => clock('supplierMs', () => cj.details(pid, signal)),
    freight: (req, signal) => clock('supplierMs', () => cj.freight(req, signal)),
  };
  const inner = createTranslator(ctx.config.translation, {}, new DbTranslationCache(ctx.db, ctx.clock));
  const translator: Translator = {
    name: inner.name,
    version: inner.version,
    translate: (req, opts) => clock('translateMs', () => inner.translate(req, opts)),
  };
  return { deps: { supplier, translator }, t };
}

async function clearCatalogue(ctx: StoreContext, translations: boolean): Promise<void> {
  // variants and price_history go with their products (ON DELETE CASCADE).
  await ctx.db.deleteFrom('products').execute();
  await ctx.db.deleteFrom('rejections').execute();
  await ctx.db.deleteFrom('search_cursors').execute();
  // scan_runs too: the keyword rotation starts from the number of runs, so every scan sees the same pages.
  await ctx.db.deleteFrom('scan_runs').execute();
  if (translations) await ctx.db.deleteFrom('translations').execute();
}

async function scan(ctx: StoreContext): Promise<ScanSample> {
  const { deps, t } = timed(ctx);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await runScan(ctx, deps, { trigger: 'cli', pointsBudget: POINTS });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (result.status !== 'finished') throw new Error(`scan ${result.status}: ${JSON.stringify(result)}`);
  const { n } = await ctx.db
    .selectFrom('translations')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    considered: result.counts.search.new,
    found: result.counts.search.found,
    stored: result.counts.store.added,
    translated: result.counts.translate.ok,
    supplierMs: t.supplierMs,
    translateMs: t.translateMs,
    cacheRows: Number(n),
  };
}

async function main(): Promise<void> {
  printMachine(`scan throughput: ${PAIRS} cold/warm pairs, ${POINTS} CJ points per scan, SQLite store, simulator in a child process`);
  const sim = await startSimProcess({ qps: 1000 });
  const demo = demoConfigInput(systemClock, 4002);
  // The cap is raised so every product that passes the gates is stored (no retirement churn).
  const store = await openBenchStore({
    kind: 'sqlite',
    simBaseUrl: sim.baseUrl,
    engineQps: 1000,
    limiter: 'unthrottled',
    start: false,
    config: { niche: demo.niche, quality: demo.quality, catalog: { ...demo.catalog, maxProducts: 10_000 } },
  });
  const ctx = store.runtime.ctx;
  try {
    const warmup = await scan(ctx);
    console.log(`warm-up scan (not counted): ${warmup.considered} considered, ${warmup.stored} stored in ${fmt(warmup.wallMs / 1000, 1)} s`);
    const cold: ScanSample[] = [];
    const warm: ScanSample[] = [];
    for (let i = 0; i < PAIRS; i++) {
      for (const which of i % 2 === 0 ? (['cold', 'warm'] as const) : (['warm', 'cold'] as const)) {
        await clearCatalogue(ctx, which === 'cold');
        const s = await scan(ctx);
        (which === 'cold' ? cold : warm).push(s);
        console.log(
          `  pair ${i + 1} ${which}: ${s.considered} considered, ${s.stored} stored, ${fmt(s.wallMs / 1000, 2)} s wall, ${fmt(s.cpuMs, 0)} ms CPU, ${fmt(s.translateMs, 0)} ms in translate, ${fmt(s.supplierMs, 0)} ms awaiting CJ calls, ${s.cacheRows} cached translations after`,
        );
      }
    }
    const row = (label: string, xs: ScanSample[]) => [
      label,
      String(median(xs.map((x) => x.considered))),
      String(median(xs.map((x) => x.stored))),
      fmt(median(xs.map((x) => x.wallMs / 1000)), 2),
      fmt(median(xs.map((x) => x.considered / (x.wallMs / 1000))), 1),
      fmt(median(xs.map((x) => x.cpuMs / x.stored)), 1),
      fmt(median(xs.map((x) => x.cpuMs / x.considered)), 1),
      fmt(median(xs.map((x) => x.translateMs / x.translated)), 2),
      fmt(median(xs.map((x) => x.supplierMs / x.wallMs)) * 100, 0),
      xs.map((x) => fmt(x.cpuMs / x.stored, 1)).join(' / '),
    ];
    console.log('');
    console.log(
      table(
        ['translation cache', 'considered', 'stored', 'wall s', 'considered/s', 'CPU ms per stored', 'CPU ms per considered', 'translate ms per product', '% wall awaiting CJ calls', 'CPU ms/stored per scan'],
        [row('cold (baseline)', cold), row('warm', warm)],
      ),
    );
    const c = median(cold.map((x) => x.cpuMs / x.stored));
    const w = median(warm.map((x) => x.cpuMs / x.stored));
    console.log('');
    console.log(`warm vs cold: CPU per stored product ×${fmt(w / c, 2)}, considered/s ×${fmt(median(warm.map((x) => x.considered / x.wallMs)) / median(cold.map((x) => x.considered / x.wallMs)), 2)}`);
  } finally {
    await store.close();
    await sim.close();
  }
}

await main();
printLoadAtEnd();
