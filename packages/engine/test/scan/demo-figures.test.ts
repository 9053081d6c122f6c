// The figures for the closing note: one scan of the demo store (its config, its full points
// budget) against the default simulator, as `lojista serve` runs it on a fresh clone. Slow (CJ's
// QPS limit makes it about a minute), so it runs with LOJISTA_SLOW=1:
//   LOJISTA_SLOW=1 npx vitest run packages/engine/test/scan/demo-figures.test.ts
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '@lojista/cj-sim';
import { systemClock } from '../../src/clock.js';
import { demoConfigInput } from '../../src/runtime/demo-store.js';
import { startTestStore, type TestStore } from '../support/store-harness.js';
import { expectConsistentCounts, finished, ledgerScanCalls, pointsOf, publicCatalogue, totalCalls } from './scan-support.js';

describe.runIf(process.env.LOJISTA_SLOW === '1')('a demo scan (LOJISTA_SLOW=1)', () => {
  let sim: RunningSimulator;
  let store: TestStore;
  beforeAll(async () => {
    // The in-process simulator exactly as the engine starts it for the demo (runtime/engine.ts).
    sim = await startSimulator({ port: 0, host: '127.0.0.1', seed: 42, clock: 'realtime', allowLocalWebhooks: true });
    const { http: _http, ...demo } = demoConfigInput(systemClock);
    store = await startTestStore({ database: 'sqlite', sim, config: { ...demo, schedules: { scanOnFirstStart: false } } });
  });
  afterAll(async () => {
    await store?.close();
    await sim?.close();
  });

  it('prints per-gate counts, CJ calls and CJ calls per stored product', async () => {
    const mark = sim.control.ledgerCursor();
    const started = Date.now();
    const result = finished(await store.runtime.scanNow({ trigger: 'start' }));
    const seconds = (Date.now() - started) / 1000;
    const ledger = ledgerScanCalls(sim, store.id, mark);
    expect(result.status).toBe('finished');
    expectConsistentCounts(result.counts);
    expect(result.cjCalls).toBe(totalCalls(ledger));
    expect(result.pointsSpent).toBe(pointsOf(ledger));
    expect(result.pointsSpent).toBeLessThanOrEqual(store.runtime.ctx.config.catalog.pointsBudgetPerScan);
    const stored = result.counts.store.added;
    expect(stored).toBeGreaterThan(0);
    const active = Math.min(stored, store.runtime.ctx.config.catalog.maxProducts);
    expect((await publicCatalogue(store)).total).toBe(active);
    // What the catalogue kept is worth (the cap keeps the best scores): the price of spending less.
    const kept = await store.runtime.ctx.db.selectFrom('products').select('score').where('status', '=', 'active').execute();
    const scores = kept.map((r) => r.score).sort((a, b) => a - b);
    const figures = {
      counts: result.counts,
      cjCallsByEndpoint: ledger,
      cjCalls: result.cjCalls,
      points: `${result.pointsSpent}/${store.runtime.ctx.config.catalog.pointsBudgetPerScan}`,
      note: result.note,
      cjCallsPerStoredProduct: Number((result.cjCalls / stored).toFixed(2)),
      pointsPerStoredProduct: Number((result.pointsSpent / stored).toFixed(1)),
      storedThenRetiredPct: Number(((100 * result.counts.store.retired) / stored).toFixed(1)),
      keptScores: { weakest: scores[0], median: scores[Math.floor(scores.length / 2)], mean: Number((scores.reduce((a, b) => a + b, 0) / scores.length).toFixed(1)) },
      seconds: Number(seconds.toFixed(1)),
    };
    console.log(`DEMO SCAN FIGURES\n${JSON.stringify(figures, null, 2)}`);
  }, 600_000);
});
