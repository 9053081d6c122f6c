// Two things a scan must refuse, on SQLite and PostgreSQL: a product whose freight to the store's
// country is unknown (never priced as if shipping were free), and the same product from a second
// CJ listing (a near-duplicate caught by the store gate's fingerprint).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '@lojista/cj-sim';
import { skipUnavailable, testDatabases } from '../support/databases.js';
import type { CandidateDetail } from '../../src/catalog/candidate.js';
import { runScan } from '../../src/catalog/scanner.js';
import type { CatalogSupplier } from '../../src/catalog/supplier.js';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';
import { scanDeps } from './pipeline-helpers.js';
import { expectConsistentCounts, finished, ledgerScanCalls, productPids, rejectionRows } from './scan-support.js';

const DATABASES = await testDatabases();
const CONFIG = { niche: { keywords: ['selenite'] }, catalog: { pageSize: 8, pointsBudgetPerScan: 1_000 } };

describe.each(DATABASES)('scan refusals on $name', ({ name: database, available }) => {
  if (skipUnavailable({ name: database, available })) return;
  let sim: RunningSimulator;
  const stores: TestStore[] = [];
  beforeAll(async () => {
    sim = await testSimulator();
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    await sim?.close();
  });
  const open = async (config: Parameters<typeof startTestStore>[0]['config'] = CONFIG) => {
    const store = await startTestStore({ database, sim, config });
    stores.push(store);
    return store;
  };

  it('rejects every product when CJ cannot quote freight to the main country (unknown freight is never free)', async () => {
    // Kosovo: a country CJ's freight calculator does not know (code 1605002 for every quote).
    const store = await open({ ...CONFIG, mainCountry: 'XK' });
    const mark = sim.control.ledgerCursor();
    const result = finished(await store.runtime.scanNow({ trigger: 'cli' }));
    expect(result.status).toBe('finished');
    expectConsistentCounts(result.counts);
    const quotes = ledgerScanCalls(sim, store.id, mark)['/logistic/freightCalculate'];
    expect(quotes).toBeGreaterThan(0);
    expect(result.counts.rejected['analyse:freight_unknown']).toBe(quotes);
    expect(result.counts.analyse.passed).toBe(0);
    expect(await productPids(store)).toEqual([]);
    const rows = (await rejectionRows(store)).filter((r) => r.code === 'freight_unknown');
    expect(rows).toHaveLength(quotes);
    for (const r of rows) {
      expect(r.gate).toBe('analyse');
      expect(r.reason).toMatch(/to XK unknown.*never assumed free/);
    }
    // The failed quotes are in the run's errors, one per product.
    const run = await store.runtime.ctx.db.selectFrom('scan_runs').select('errors').where('id', '=', result.runId).executeTakeFirstOrThrow();
    const errors = JSON.parse(run.errors) as Array<{ message: string }>;
    expect(errors.filter((e) => /^freight /.test(e.message))).toHaveLength(quotes);
  });

  it('rejects the one product whose route has no shipping option and stores the others', async () => {
    const store = await open();
    let victim: string | null = null;
    let lastDetails: string | null = null;
    const noRouteForFirst = (base: CatalogSupplier): CatalogSupplier => ({
      search: (req, signal) => base.search(req, signal),
      details: async (pid, signal) => {
        lastDetails = pid;
        return base.details(pid, signal);
      },
      freight: async (req, signal) => {
        victim ??= lastDetails;
        return lastDetails === victim ? [] : base.freight(req, signal);
      },
    });
    const result = finished(await runScan(store.runtime.ctx, scanDeps(store.runtime.ctx, noRouteForFirst), { trigger: 'cli' }));
    expectConsistentCounts(result.counts);
    expect(victim).not.toBeNull();
    const stored = await productPids(store);
    expect(stored).not.toContain(victim);
    expect(stored.length).toBeGreaterThan(0);
    const rejection = (await rejectionRows(store)).find((r) => r.cj_pid === victim);
    expect(rejection).toMatchObject({ gate: 'analyse', code: 'freight_unknown' });
    expect(rejection!.reason).toMatch(/CJ offered no shipping option; never assumed free/);
    // Every stored product carries a real quote.
    const rows = await store.runtime.ctx.db.selectFrom('products').select(['shipping_usd', 'logistic_name']).execute();
    for (const r of rows) {
      expect(Number(r.shipping_usd)).toBeGreaterThan(0);
      expect(r.logistic_name).not.toBe('');
    }
  });

  it('does not store the same product twice when a second CJ listing offers it', async () => {
    const store = await open();
    // A second supplier lists the first two products of the page again: another pid and other
    // variant ids, the same name in another word order, the same price.
    const relisted = new Map<string, string>();
    const relisting = (base: CatalogSupplier): CatalogSupplier => ({
      search: async (req, signal) => {
        const page = await base.search(req, signal);
        const items = page.items.flatMap((item, i) => {
          if (i >= 2) return [item];
          const pid = `${item.pid.slice(0, -6)}R3L1ST`;
          relisted.set(pid, item.pid);
          return [item, { ...item, pid, nameEn: item.nameEn.split(' ').reverse().join(' ') }];
        });
        return { ...page, items };
      },
      details: async (pid, signal) => {
        const original = relisted.get(pid);
        if (!original) return base.details(pid, signal);
        const detail = await base.details(original, signal);
        if (!detail) return null;
        const copy: CandidateDetail = {
          ...detail,
          pid,
          nameEn: detail.nameEn.split(' ').reverse().join(' '),
          variants: detail.variants.map((v) => ({ ...v, vid: `${v.vid}-R`, sku: `${v.sku}-R` })),
        };
        return copy;
      },
      freight: (req, signal) => base.freight({ ...req, vid: req.vid.replace(/-R$/, '') }, signal),
    });
    const result = finished(await runScan(store.runtime.ctx, scanDeps(store.runtime.ctx, relisting), { trigger: 'cli' }));
    expectConsistentCounts(result.counts);
    const stored = new Set(await productPids(store));
    const originalsStored = [...relisted.values()].filter((pid) => stored.has(pid));
    expect(originalsStored.length, 'at least one relisted original must be sellable').toBeGreaterThan(0);
    for (const [copy, original] of relisted) {
      expect(stored.has(copy), `${copy} (copy of ${original}) must not be stored`).toBe(false);
    }
    expect(result.counts.store.duplicates).toBe(originalsStored.length);
    const rejections = new Map((await rejectionRows(store)).map((r) => [r.cj_pid, r]));
    for (const [copy, original] of relisted) {
      if (!stored.has(original)) continue;
      expect(rejections.get(copy)).toMatchObject({ gate: 'store', code: 'near_duplicate' });
      expect(rejections.get(copy)!.reason).toContain(original);
    }
  });
});
