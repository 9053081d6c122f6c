// The whole catalogue scan against the CJ simulator, on SQLite and on PostgreSQL: per-gate counts and
// CJ calls as recorded, the search cursor, rejection memory, the points budget, no overlap, the
// catalogue cap, and admin-edited texts surviving a refresh.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '@lojista/cj-sim';
import { skipUnavailable, testDatabases } from '../support/databases.js';
import { CjCatalogSupplier } from '../../src/catalog/cj-catalog-supplier.js';
import { getProductByPid } from '../../src/catalog/catalog-repository.js';
import { nextPage } from '../../src/catalog/scan-state.js';
import { SCAN_LOCK, type ScanResult } from '../../src/catalog/scanner.js';
import { lockHolder } from '../../src/db/locks.js';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';
import { refreshThroughGates } from './pipeline-helpers.js';
import { startRecordingProxy, type RecordedCall, type RecordingProxy } from './recording-proxy.js';
import {
  expectConsistentCounts,
  finished,
  ledgerScanCalls,
  openIdOf,
  pointsOf,
  productPids,
  publicCatalogue,
  queriedPids,
  recordedRun,
  rejectionRows,
  searchedPages,
  totalCalls,
  type FinishedScan,
} from './scan-support.js';

const DATABASES = await testDatabases();

/** One keyword with a few pages of results in the seeded simulator catalogue (21 products). */
const KEYWORD = 'selenite';
const PAGE_SIZE = 8;

describe.each(DATABASES)('the whole scan against the simulator on $name', ({ name: database, available }) => {
  if (skipUnavailable({ name: database, available })) return;

  let sim: RunningSimulator;
  let proxy: RecordingProxy;
  const stores: TestStore[] = [];
  const open = async (catalog: Record<string, number>): Promise<TestStore> => {
    const store = await startTestStore({
      database,
      sim: proxy.sim,
      config: { niche: { keywords: [KEYWORD] }, catalog: { pageSize: PAGE_SIZE, pointsBudgetPerScan: 1_000, ...catalog } },
    });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    sim = await testSimulator();
    proxy = await startRecordingProxy(sim);
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await proxy?.close();
    await sim?.close();
  });

  /** Runs a scan and checks what every run must satisfy: counts, CJ calls and points as the simulator saw them. */
  async function scan(store: TestStore, pointsBudget?: number): Promise<{ result: FinishedScan; calls: RecordedCall[] }> {
    const ledgerMark = sim.control.ledgerCursor();
    const proxyMark = proxy.calls.length;
    const result = finished(await store.runtime.scanNow({ trigger: 'cli', ...(pointsBudget ? { pointsBudget } : {}) }));
    const calls = proxy.since(proxyMark);
    const ledger = ledgerScanCalls(sim, store.id, ledgerMark);
    expect(result.status, JSON.stringify(result)).toBe('finished');
    expect(result.cjCalls, 'CJ calls counted by the scan = calls in the simulator ledger').toBe(totalCalls(ledger));
    expect(result.pointsSpent, 'points = 50 per listV2 + 10 per query/freight').toBe(pointsOf(ledger));
    expect(calls.filter((c) => c.path === '/product/listV2')).toHaveLength(ledger['/product/listV2']);
    expect(calls.filter((c) => c.path === '/product/query')).toHaveLength(ledger['/product/query']);
    expect(result.counts.search.pages).toBe(ledger['/product/listV2']);
    expect(result.counts.details.fetched + result.counts.details.gone + result.counts.details.errors).toBe(ledger['/product/query']);
    expectConsistentCounts(result.counts);
    const run = await recordedRun(store, result.runId);
    expect(run).toMatchObject({ status: 'finished', trigger: 'cli', cjCalls: result.cjCalls, cjPoints: result.pointsSpent, note: result.note });
    expect(run.counts).toEqual(result.counts);
    expect(run.finishedAt).not.toBeNull();
    return { result, calls };
  }

  describe('cursor and rejection memory', () => {
    let store: TestStore;
    let totalPages = 0;
    const firstPass: Array<{ result: FinishedScan; calls: RecordedCall[] }> = [];
    beforeAll(async () => {
      store = await open({});
    });

    it('records per-gate counts, and the stored products are what /catalog serves', async () => {
      const { result, calls } = await scan(store);
      firstPass.push({ result, calls });
      expect(searchedPages(calls)).toEqual([{ keyword: KEYWORD, page: 1, size: PAGE_SIZE }]);
      expect(result.counts.search.found).toBe(PAGE_SIZE);
      expect(result.counts.store.added).toBeGreaterThan(0);
      expect(result.note).toBeNull();
      const active = await productPids(store, 'active');
      expect(active).toHaveLength(result.counts.store.added);
      const catalogue = await publicCatalogue(store);
      expect(catalogue.total).toBe(active.length);
      const ids = (await store.runtime.ctx.db.selectFrom('products').select('id').execute()).map((r) => r.id).sort();
      expect(catalogue.items.map((i) => i.id).sort()).toEqual(ids);
      // The admin API shows the same run.
      const res = await fetch(`${store.url}/api/catalog/scans`, { headers: { authorization: `Bearer ${store.adminToken}` } });
      const scans = (await res.json()) as { items: Array<{ id: string; counts: unknown; cjCalls: number }> };
      expect(scans.items[0]).toMatchObject({ id: result.runId, counts: result.counts, cjCalls: result.cjCalls });
    });

    it('reaches new products on every run by paging further, then wraps to page 1', async () => {
      const cursor = await store.runtime.ctx.db.selectFrom('search_cursors').selectAll().where('keyword', '=', KEYWORD).executeTakeFirstOrThrow();
      totalPages = cursor.total_pages ?? 0;
      expect(totalPages, 'the keyword needs at least 3 pages for this test').toBeGreaterThanOrEqual(3);
      expect(cursor.next_page).toBe(2);
      const seen = new Set(queriedPids(firstPass[0]!.calls));
      for (let page = 2; page <= totalPages; page++) {
        const run = await scan(store);
        firstPass.push(run);
        expect(searchedPages(run.calls).map((p) => p.page)).toEqual([page]);
        // New listings, never seen by an earlier run.
        expect(run.result.counts.search.new).toBe(run.result.counts.search.found);
        expect(run.result.counts.search.alreadyListed + run.result.counts.search.skippedRejected).toBe(0);
        for (const pid of queriedPids(run.calls)) expect(seen.has(pid), pid).toBe(false);
        queriedPids(run.calls).forEach((pid) => seen.add(pid));
      }
      // The last page read: the cursor wraps, so the next run revisits page 1.
      expect(await nextPage(store.runtime.ctx.db, KEYWORD)).toBe(1);
    });

    it('does not fetch again what it rejected or listed before, unless the listing changed', async () => {
      const rejected = new Map((await rejectionRows(store)).map((r) => [r.cj_pid, r]));
      const fetchedThenRejected = firstPass.flatMap((r) => queriedPids(r.calls)).filter((pid) => rejected.has(pid));
      expect(fetchedThenRejected.length, 'the first pass should reject some product after fetching its details').toBeGreaterThan(0);

      // Second pass over every page: nothing is fetched again.
      for (let page = 1; page <= totalPages; page++) {
        const { result, calls } = await scan(store);
        expect(searchedPages(calls).map((p) => p.page)).toEqual([page]);
        expect(queriedPids(calls)).toEqual([]);
        expect(result.counts.search.new).toBe(0);
        expect(result.counts.search.alreadyListed + result.counts.search.skippedRejected).toBe(result.counts.search.found);
        expect(result.cjCalls).toBe(1);
      }

      // Its listing changes (CJ lowers the price): the product deserves another look.
      const changed = fetchedThenRejected[0]!;
      sim.control.setPrice({ pid: changed, price: '3.99' });
      const third: string[] = [];
      for (let page = 1; page <= totalPages; page++) third.push(...queriedPids((await scan(store)).calls));
      expect(third).toEqual([changed]);
      const after = new Map((await rejectionRows(store)).map((r) => [r.cj_pid, r]));
      const stored = await getProductByPid(store.runtime.ctx.db, changed);
      if (!stored) {
        expect(after.get(changed)!.times).toBe(2);
        expect(after.get(changed)!.listing_hash).not.toBe(rejected.get(changed)!.listing_hash);
      }
      // The unchanged rejections were not looked at again.
      for (const pid of fetchedThenRejected.slice(1)) expect(after.get(pid)!.times).toBe(1);
    });

    it('keeps admin-edited texts and the price override when the product is refreshed', async () => {
      const [edited, plain] = (await publicCatalogue(store, 'limit=2&sort=newest')).items;
      expect(edited && plain).toBeTruthy();
      const title = 'Placa de Selenite Redonda — escolhida pela loja';
      const description = 'Descrição escrita pela equipa da loja.';
      const patch = await fetch(`${store.url}/api/catalog/product/${edited!.id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${store.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title, description, priceOverrideMinor: 9_999 }),
      });
      expect(patch.status, await patch.clone().text()).toBe(200);

      const db = store.runtime.ctx.db;
      const before = new Map(
        (await db.selectFrom('products').selectAll().where('id', 'in', [edited!.id, plain!.id]).execute()).map((r) => [r.id, r]),
      );
      // CJ changes both products' cost; a refresh reprices them.
      for (const row of before.values()) sim.control.setPrice({ pid: row.cj_pid, price: '1.49' });
      for (const row of before.values()) {
        const outcome = await refreshThroughGates(store.runtime.ctx, row.cj_pid);
        expect(outcome.ok && !outcome.created, JSON.stringify(outcome)).toBe(true);
      }
      const after = new Map((await db.selectFrom('products').selectAll().where('id', 'in', [edited!.id, plain!.id]).execute()).map((r) => [r.id, r]));

      const e = after.get(edited!.id)!;
      expect(e).toMatchObject({ title, description, title_edited: 1, description_edited: 1, price_override_minor: 9_999, cost_usd: '1.49' });
      expect(e.price_minor).not.toBe(before.get(edited!.id)!.price_minor);
      const p = after.get(plain!.id)!;
      expect(p).toMatchObject({ title: before.get(plain!.id)!.title, title_edited: 0, price_override_minor: null, cost_usd: '1.49' });
      expect(p.price_minor).not.toBe(before.get(plain!.id)!.price_minor);

      const pub = await fetch(`${store.url}/api/catalog/product/${e.slug}`);
      const view = (await pub.json()) as { title: string; description: string; price: { minor: number } };
      expect(view).toMatchObject({ title, description, price: { minor: 9_999 } });
    });
  });

  describe('points budget', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await open({});
    });

    it('stops a run cleanly at the budget with a note, and the next run resumes the same page', async () => {
      const budget = 120;
      const { result, calls } = await scan(store, budget);
      expect(result.note).toMatch(/^points budget reached \(\d+\/120\)/);
      expect(result.pointsSpent).toBeLessThanOrEqual(budget);
      // It stopped because the next product (details + freight) did not fit, not earlier.
      expect(budget - result.pointsSpent).toBeLessThan(20);
      // Every product whose details were paid for got a verdict: stored or rejected with a reason.
      const stored = new Set(await productPids(store));
      const rejected = new Set((await rejectionRows(store)).map((r) => r.cj_pid));
      const fetched = queriedPids(calls);
      expect(fetched.length).toBeGreaterThan(0);
      // The page was read whole, but some of its candidates were left without a verdict.
      expect(result.counts.search.new - result.counts.analyse.cheapRejected - fetched.length).toBeGreaterThan(0);
      for (const pid of fetched) expect(stored.has(pid) || rejected.has(pid), pid).toBe(true);
      // The page was not finished, so the cursor stays on it.
      expect(await nextPage(store.runtime.ctx.db, KEYWORD)).toBe(1);

      const next = await scan(store);
      expect(searchedPages(next.calls).map((p) => p.page)).toEqual([1]);
      for (const pid of queriedPids(next.calls)) expect(fetched.includes(pid), pid).toBe(false);
      expect(next.result.counts.search.alreadyListed + next.result.counts.search.skippedRejected).toBe(fetched.length + result.counts.analyse.cheapRejected);
      expect(await nextPage(store.runtime.ctx.db, KEYWORD)).toBe(2);
      // Page 1 is now done: every product on it is stored or rejected.
      const page1 = await new CjCatalogSupplier(store.runtime.ctx.cj).search({ keyword: KEYWORD, page: 1, size: PAGE_SIZE });
      const storedNow = new Set(await productPids(store));
      const rejectedNow = new Set((await rejectionRows(store)).map((r) => r.cj_pid));
      for (const item of page1.items) expect(storedNow.has(item.pid) || rejectedNow.has(item.pid), item.pid).toBe(true);
    });

    it('never overlaps itself: of two concurrent scans one answers already_running', async () => {
      const runsBefore = (await store.runtime.ctx.db.selectFrom('scan_runs').select('id').execute()).length;
      const results: ScanResult[] = await Promise.all([
        store.runtime.scanNow({ trigger: 'cli', pointsBudget: 100 }),
        store.runtime.scanNow({ trigger: 'api', pointsBudget: 100 }),
      ]);
      const busy = results.filter((r) => r.status === 'already_running');
      const ran = results.filter((r) => r.status !== 'already_running');
      expect(busy).toHaveLength(1);
      expect(ran).toHaveLength(1);
      expect(busy[0]).toEqual({ status: 'already_running', holder: finished(ran[0]!).runId });
      expect((await store.runtime.ctx.db.selectFrom('scan_runs').select('id').execute()).length).toBe(runsBefore + 1);

      // While one runs, the API refuses another; once it ends the lock is free. (A slow CJ search
      // keeps it running long enough, whatever the machine's load.)
      sim.control.addFaults({ path: '/product/listV2', mode: 'latency', latencyMs: 1_500, times: 1, openId: openIdOf(store.id) });
      const running = store.runtime.scanNow({ trigger: 'cli', pointsBudget: 150 });
      let holder: string | null = null;
      for (let i = 0; i < 200 && !holder; i++) {
        holder = await lockHolder(store.runtime.ctx.db, store.runtime.ctx.clock, SCAN_LOCK);
        if (!holder) await new Promise((r) => setTimeout(r, 5));
      }
      expect(holder).not.toBeNull();
      const res = await fetch(`${store.url}/api/catalog/scan`, { method: 'POST', headers: { authorization: `Bearer ${store.adminToken}` } });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('scan_running');
      expect(await store.runtime.scanNow({ trigger: 'cli' })).toEqual({ status: 'already_running', holder });
      expect(finished(await running).runId).toBe(holder);
      expect(await lockHolder(store.runtime.ctx.db, store.runtime.ctx.clock, SCAN_LOCK)).toBeNull();
    });
  });

  describe('catalogue cap', () => {
    it('a first run fills the cap and stops; a run that starts full retires the lowest-scored; the public catalogue never exceeds the cap', async () => {
      const cap = 3;
      const store = await open({ maxProducts: cap });
      const db = store.runtime.ctx.db;
      const seen: Array<Promise<number>> = [];
      const activeCount = async () =>
        Number((await db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'active').executeTakeFirstOrThrow()).n);
      // Watch the public catalogue while the scans store products, over HTTP and after every product.
      let polling = true;
      const publicTotals: number[] = [];
      const poller = (async () => {
        while (polling) {
          publicTotals.push((await publicCatalogue(store)).total);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      const onProgress = () => seen.push(activeCount());

      // A first scan fills the catalogue and stops there: nothing it stores is retired by itself.
      const filling = finished(await store.runtime.scanNow({ trigger: 'cli', onProgress }));
      expect(filling.counts.store.added).toBe(cap);
      expect(filling.counts.store.retired).toBe(0);
      expect(filling.note).toMatch(/^catalogue filled \(3 products\): \d+ candidates left for the next scans$/);
      expect(Number(/: (\d+) candidates/.exec(filling.note!)![1])).toBeGreaterThan(0);

      // The next scan starts full: it looks at the candidates left, and one that beats the weakest
      // product kept replaces it.
      const improving = finished(await store.runtime.scanNow({ trigger: 'cli', onProgress }));
      polling = false;
      await poller;
      const stored = improving.counts.store.added;
      expect(stored, 'the page must hold products better than the first ones kept').toBeGreaterThan(0);
      expect(improving.counts.store.retired).toBe(stored);
      const observed = await Promise.all(seen);
      expect(observed.length).toBeGreaterThan(cap + stored);
      expect(Math.max(...observed)).toBeLessThanOrEqual(cap);
      expect(Math.max(...publicTotals)).toBeLessThanOrEqual(cap);

      const rows = await db.selectFrom('products').select(['cj_pid', 'status', 'score']).execute();
      const active = rows.filter((r) => r.status === 'active');
      const retired = rows.filter((r) => r.status === 'retired');
      expect(active).toHaveLength(cap);
      expect(retired).toHaveLength(stored);
      expect(Math.max(...retired.map((r) => r.score))).toBeLessThanOrEqual(Math.min(...active.map((r) => r.score)));
      expect((await publicCatalogue(store)).total).toBe(cap);
      const featured = (await (await fetch(`${store.url}/api/catalog/featured`)).json()) as { items: unknown[] };
      expect(featured.items).toHaveLength(cap);
    });
  });
});
