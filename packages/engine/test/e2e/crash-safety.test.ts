// Crash safety: `lojista serve` runs as a separate process (the built dist/) against a
// CJ simulator in this process; 100 checkouts flow in while the engine is killed with SIGKILL at
// least 20 times at seeded random moments (1–4 s after each restart was ready, and not before it
// answered a checkout, so a starved machine still makes progress) and started again each time.
// A checkout request that dies with the engine is sent again with the same checkoutKey.
// Then the run finishes (the simulator's clock moves, webhooks and 5-second reconciliation
// deliver) and the test proves: 0 orders lost, 0 duplicate CJ orders, 0 double payments, every
// order delivered or on hold with a reason. Once on SQLite (embedded runtime: jobs table with
// leases) and once on PostgreSQL + Redis (scale runtime: outbox → BullMQ), both at once — each
// run is bound by its own CJ account's 6 QPS, not by the CPU.
//
// Rerun:   LOJISTA_REQUIRE_SERVICES=1 npx vitest run packages/engine/test/e2e/crash-safety.test.ts
// Options: LOJISTA_CRASH_SEED=<n> (another kill schedule and order mix), LOJISTA_CRASH_KILLS=<n>
//          (default 20), LOJISTA_CRASH_ORDERS=<n> (default 100), LOJISTA_CRASH_ONLY=sqlite|postgres,
//          LOJISTA_CRASH_TIMEOUT_MS=<ms> (default 900000, for slow machines), LOJISTA_CRASH_KEEP=1 (keep
//          the run folder with the engine log even when the run passes).
import { describe, expect, it } from 'vitest';
import { postgresGate, redisGate } from '@lojista/testkit';
import { describeReport, runCrashScenario, type CrashReport, type CrashRunOptions } from './support/crash-run.js';

const pg = await postgresGate();
const redis = await redisGate();
const SEED = Number(process.env.LOJISTA_CRASH_SEED ?? 424242);
const KILLS = Number(process.env.LOJISTA_CRASH_KILLS ?? 20);
const ORDERS = Number(process.env.LOJISTA_CRASH_ORDERS ?? 100);
const ONLY = process.env.LOJISTA_CRASH_ONLY;
/** Generous: on a quiet 2-core machine a run takes about four minutes (see the report). */
const TIMEOUT = Number(process.env.LOJISTA_CRASH_TIMEOUT_MS ?? 900_000);

const base: Omit<CrashRunOptions, 'backend' | 'seed'> = {
  orders: ORDERS,
  kills: KILLS,
  upMs: [1_000, 4_000],
  checkoutGapMs: [100, 700],
  inFlight: 3,
  simHoursPerSecond: 2,
  log: (line) => console.log(line),
};

function expectCrashSafe(r: CrashReport): void {
  console.log(describeReport(r));
  const context = `\n${describeReport(r)}\nengine log (tail):\n${r.engineLogTail}`;
  expect(r.kills.length, 'kills').toBeGreaterThanOrEqual(Math.min(KILLS, 20));
  expect(r.refused, `checkouts refused${context}`).toEqual([]);
  expect(r.accepted, 'accepted checkouts').toBe(ORDERS);
  expect(r.lost, `lost orders${context}`).toEqual([]);
  expect(r.unexpectedLocal, `orders no checkout answered with${context}`).toEqual([]);
  expect(r.audit.duplicates, `duplicate CJ orders${context}`).toEqual([]);
  expect(r.audit.extra, `CJ orders that are none of ours${context}`).toEqual([]);
  expect(r.audit.doublePayments, `double payments${context}`).toEqual([]);
  expect(r.audit.debitedCents, `money debited at CJ vs the orders' amounts${context}`).toBe(r.audit.orderAmountsCents);
  expect(r.balanceDropCents, `the CJ balance went down by the orders' amounts, once${context}`).toBe(r.audit.orderAmountsCents);
  expect(r.unfinished.map((o) => `${o.number} ${o.status}`), `orders neither delivered nor on hold with a reason${context}`).toEqual([]);
  // Every order that was not held reached CJ once and was paid once.
  const held = new Set(r.onHold.map((o) => o.number));
  expect(r.audit.missing.filter((n) => !held.has(n)), `orders CJ never created${context}`).toEqual([]);
  expect(r.audit.unpaid.filter((n) => !held.has(n)), `orders created but never paid at CJ${context}`).toEqual([]);
  expect(r.audit.paidOnce, 'orders paid exactly once at CJ').toBe(ORDERS - held.size);
  expect(r.latencyMissing.filter((id) => !r.onHold.some((o) => o.orderId === id)), 'timelines without pending → paid').toEqual([]);
}

describe.concurrent('crash safety: the engine killed with SIGKILL while 100 orders flow', () => {
  it.skipIf(ONLY === 'postgres')('on SQLite', async ({ signal }) => {
    expectCrashSafe(await runCrashScenario({ ...base, backend: 'sqlite', seed: SEED, signal }));
  }, TIMEOUT);

  it.skipIf(ONLY === 'sqlite' || !pg.available || !redis.available)('on PostgreSQL + Redis', async ({ signal }) => {
    expectCrashSafe(await runCrashScenario({ ...base, backend: 'postgres', seed: SEED + 1, databaseUrl: pg.url, redisUrl: redis.url, signal }));
  }, TIMEOUT);
});
