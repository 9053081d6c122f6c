// Contract: 20 concurrent callers on one account at QPS 1 (CJ's free tier, the strictest) never
// exceed the account's budget *at the simulator* — judged from the ledger's acceptance instants,
// not from the client's own bookkeeping — get zero 429s, and all complete (cj-api.md §5, §9.2).
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCalls, makeClient, newAccount, spacing, startSim } from './helpers.js';

// 20, not 50: each caller costs 1.1 s at QPS 1, and 20 already queue 22 deep across five endpoints
// (50 callers at qps 6 are in spacing-qps6.test.ts).
const CALLERS = 20;
const QPS = 1;

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSim({ qps: QPS });
});

afterAll(async () => {
  await sim?.close();
});

describe(`${CALLERS} concurrent callers on one account at qps ${QPS}`, () => {
  it(
    'never exceed the account’s QPS at the simulator, see zero 429s, and all complete',
    async () => {
      const account = newAccount(sim, { qps: QPS });
      // limiter undefined: the client's default, process-wide InProcessRateLimiter, as in production.
      const t = makeClient(sim, account, { qps: QPS, limiter: undefined });
      const reads = [
        () => t.cj.setting.get().then((s) => s.openId),
        () => t.cj.pay.balance().then((b) => b.amount),
        () => t.cj.products.globalWarehouses().then((w) => w.length),
        () => t.cj.products.listV2({ keyWord: 'crystal', size: 5 }).then((p) => p.items.length),
        () => t.cj.products.categories().then((c) => c.length),
      ];
      const started = performance.now();
      const results = await Promise.all(Array.from({ length: CALLERS }, (_, i) => reads[i % reads.length]!()));
      const durationMs = performance.now() - started;

      // All 50 completed with real answers.
      expect(results).toHaveLength(CALLERS);
      for (const [i, r] of results.entries()) {
        if (i % reads.length === 0) expect(r).toBe(account.openId);
        else if (i % reads.length === 1) expect(r).toBe(account.balance);
        else expect(r).toBeGreaterThan(0);
      }

      // The simulator's view: every call of the account, with the instant it was accepted.
      const calls = apiCalls(sim, account.openId);
      const throttled = calls.filter((c) => c.rateLimited || c.status === 429);
      const accepted = calls.filter((c) => c.status === 200);
      const figures = spacing(accepted.map((c) => c.at));
      console.log(
        `[concurrency] qps=${QPS} callers=${CALLERS} calls at the simulator=${calls.length} (${accepted.length} accepted, incl. getAccessToken), ` +
          `duration=${(durationMs / 1000).toFixed(1)} s, min gap=${figures.minGapMs.toFixed(1)} ms, max calls in any 1000 ms window=${figures.maxInWindow}, 429s=${throttled.length}`,
      );
      expect(throttled).toEqual([]);
      expect(calls).toHaveLength(CALLERS + 1); // the reads and one getAccessToken, nothing retried
      expect(accepted).toHaveLength(CALLERS + 1);
      expect(figures.maxInWindow).toBeLessThanOrEqual(QPS);
      expect(figures.minGapMs).toBeGreaterThanOrEqual(1000 / QPS);
      expect(t.calls().filter((e) => e.outcome !== 'ok')).toEqual([]);
      expect(t.calls().every((e) => e.attempt === 1)).toBe(true);
    },
    120_000,
  );
});
