// What a scan spends its CJ points on (SQLite, the seeded simulator): the per-gate calls and points
// it reports are the simulator's, a product its own record rejects costs no freight quote, and a
// full catalogue buys nothing that cannot enter it — no details for a candidate whose best possible
// score does not beat the weakest product kept, and no storing (then retiring) one whose real score
// does not.
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStore, testSimulator, type TestStore } from '../support/store-harness.js';
import { expectConsistentCounts, finished, ledgerScanCalls, pointsOf } from './scan-support.js';

const KEYWORD = 'selenite';
const FREIGHT_CODES = new Set(['freight_unknown', 'shipping_above_max', 'delivery_too_slow']);

let sim: RunningSimulator;
let store: TestStore;

beforeAll(async () => {
  sim = await testSimulator();
  store = await startTestStore({
    database: 'sqlite',
    sim,
    config: { niche: { keywords: [KEYWORD] }, catalog: { pageSize: 8, maxProducts: 3, pointsBudgetPerScan: 1_000 }, schedules: { scanOnFirstStart: false } },
  });
}, 60_000);

afterAll(async () => {
  await store?.close();
  await sim?.close();
});

async function scan() {
  const mark = sim.control.ledgerCursor();
  const result = finished(await store.runtime.scanNow({ trigger: 'cli' }));
  expect(result.status).toBe('finished');
  expectConsistentCounts(result.counts);
  return { result, ledger: ledgerScanCalls(sim, store.id, mark) };
}

const setAllScores = (score: number) => store.runtime.ctx.db.updateTable('products').set({ score }).where('status', '=', 'active').execute();

describe('scan economy', () => {
  it('reports CJ calls and points per gate as the simulator saw them; record rejections cost no freight quote', async () => {
    const { result, ledger } = await scan();
    const { cj } = result.counts;
    expect(cj.search.calls).toBe(ledger['/product/listV2']);
    expect(cj.details.calls).toBe(ledger['/product/query']);
    expect(cj.freight.calls).toBe(ledger['/logistic/freightCalculate']);
    expect(cj.search.points + cj.details.points + cj.freight.points).toBe(pointsOf(ledger));
    expect(cj.search.calls + cj.details.calls + cj.freight.calls).toBe(result.cjCalls);
    const recordRejections = Object.entries(result.counts.rejected)
      .filter(([key]) => key.startsWith('analyse:') && !FREIGHT_CODES.has(key.slice('analyse:'.length)))
      .reduce((n, [, v]) => n + v, 0) - result.counts.analyse.cheapRejected;
    expect(cj.freight.calls).toBeLessThanOrEqual(result.counts.details.fetched - recordRejections);
    expect(result.counts.store.added).toBeGreaterThan(0);
  });

  it('a full catalogue whose weakest product nothing can beat: no details bought at all', async () => {
    await setAllScores(100);
    const { result, ledger } = await scan();
    expect(result.counts.search.new, 'the next page has new candidates').toBeGreaterThan(0);
    expect(result.counts.analyse.belowCap).toBeGreaterThan(0);
    expect(ledger['/product/query']).toBe(0);
    expect(ledger['/logistic/freightCalculate']).toBe(0);
    expect(result.counts.store.added).toBe(0);
    expect(result.counts.store.retired).toBe(0);
  });

  it('a product that would be retired at once is not stored: only products that beat the weakest enter', async () => {
    // Every kept product at 79: each candidate's ceiling (≥ 80) is worth its details, but only a
    // real score above 79 may enter.
    await setAllScores(79);
    const db = store.runtime.ctx.db;
    const before = new Set((await db.selectFrom('products').select('cj_pid').execute()).map((r) => r.cj_pid));
    const earlier = new Set((await db.selectFrom('rejections').select('cj_pid').where('code', '=', 'below_cap').execute()).map((r) => r.cj_pid));
    const { result } = await scan();
    expect(result.counts.details.fetched).toBeGreaterThan(0);
    const rows = await db.selectFrom('products').select(['cj_pid', 'score', 'status']).execute();
    const added = rows.filter((r) => !before.has(r.cj_pid));
    expect(added).toHaveLength(result.counts.store.added);
    for (const r of added) expect(r.score).toBeGreaterThan(79);
    // Whatever entered pushed out an older (weaker) product, never one stored in this run.
    expect(added.every((r) => r.status === 'active')).toBe(true);
    expect(result.counts.store.retired).toBe(result.counts.store.added);
    const belowCap = result.counts.rejected['price:below_cap'] ?? 0;
    expect(belowCap, 'some candidates fall short of the weakest kept product').toBeGreaterThan(0);
    const reasons = (await db.selectFrom('rejections').select(['cj_pid', 'reason']).where('code', '=', 'below_cap').execute()).filter((r) => !earlier.has(r.cj_pid));
    expect(reasons).toHaveLength(belowCap);
    for (const r of reasons) expect(r.reason).toMatch(/^score \d+ does not beat 79, the weakest product the full catalogue keeps$/);
  });
});
