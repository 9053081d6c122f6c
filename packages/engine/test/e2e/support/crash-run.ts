// One crash-safety run: `lojista serve` as a child process against a simulator in this process,
// 100 checkouts flowing in while the child is killed with SIGKILL at seeded random moments and
// started again each time; then the run is allowed to finish (the simulator's clock moves,
// webhooks and reconciliation deliver), and everything is counted from the store's admin API and
// the simulator's ledger.
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { startSimulator, type CallEntry, type RunningSimulator } from '@lojista/cj-sim';
import { dropPostgresSchema, schemaForStore } from '../../../src/db/connect.js';
import type { StoreConfigInput } from '../../../src/stores/store-config.js';
import {
  auditLedger,
  callsByPath,
  CheckoutRefused,
  describeCalls,
  latencies,
  listOrders,
  median,
  percentile,
  planCheckouts,
  postCheckout,
  seededRandom,
  sellableVariants,
  sleep,
  until,
  type AdminOrderSummary,
  type CheckoutBody,
  type LedgerAudit,
  type StoreApi,
} from './e2e-kit.js';
import { e2eConfig, e2eTempDir, freePort, startE2eStore, writeStoreFolder } from './e2e-store.js';
import { EngineProcess, READY_TIMEOUT_MS } from './engine-process.js';

export interface CrashRunOptions {
  backend: 'sqlite' | 'postgres';
  /** PostgreSQL and Redis for the `postgres` backend (scale runtime: outbox → BullMQ). */
  databaseUrl?: string;
  redisUrl?: string;
  orders: number;
  kills: number;
  seed: number;
  /** Each kill comes this many ms (uniform, seeded) after the engine was ready again. */
  upMs: [number, number];
  /** Checkouts start this many ms apart (uniform, seeded), at most `inFlight` at a time. */
  checkoutGapMs: [number, number];
  inFlight: number;
  /**
   * While orders flow, the simulator's clock gains this many hours every real second, so CJ ships
   * and tracks the first orders — ORDER and LOGISTIC webhooks arriving while the engine is being
   * killed — before the last ones are paid.
   */
  simHoursPerSecond: number;
  log?: (line: string) => void;
  /** The test's signal: a timed-out test stops the run, kills the engine and cleans up. */
  signal?: AbortSignal;
}

export interface KillMoment {
  /** Epoch ms of the SIGKILL. */
  at: number;
  /** ms after the engine was last ready. */
  afterReadyMs: number;
  /** Checkouts with a definite answer at that moment. */
  accepted: number;
  /** Checkout requests in flight that the kill cut off. */
  checkoutsInFlight: number;
  /** CJ calls the engine made in the second before it died, and how many of them were createOrderV2, confirmOrder or payBalance. */
  cjCallsLastSecond?: number;
  moneyCallsLastSecond?: number;
}

export interface CrashReport {
  backend: string;
  storeId: string;
  seed: number;
  orders: number;
  accepted: number;
  refused: Array<{ key: string; status: number; body: string }>;
  kills: KillMoment[];
  /** Checkout requests that died with the engine and were sent again with the same key. */
  retriedCheckouts: number;
  /** Accepted checkouts whose order the store does not have. */
  lost: string[];
  /** Orders the store has that no accepted checkout answered with (a second order for one purchase). */
  unexpectedLocal: string[];
  audit: LedgerAudit;
  /** The account's balance went down by this much (cents). */
  balanceDropCents: number;
  cjCalls: Array<[string, number]>;
  finalStatuses: Record<string, number>;
  /** Orders neither delivered nor on hold with a reason. */
  unfinished: AdminOrderSummary[];
  onHold: AdminOrderSummary[];
  latencySeconds: number[];
  latencyMissing: string[];
  medianSeconds: number;
  p95Seconds: number;
  startupMs: number[];
  runtimeSeconds: number;
  phases: Record<string, number>;
  root: string;
  engineLogTail: string;
  /** Distinct messages the engine logged at error level or above, with their counts. */
  engineErrors: Array<[string, number]>;
}

/** The longest a kill waits for the restarted engine to answer a checkout (see the killer). */
const PROGRESS_WAIT_MS = 60_000;

const isNetworkError = (err: unknown) => !(err instanceof CheckoutRefused);

export async function runCrashScenario(opts: CrashRunOptions): Promise<CrashReport> {
  const log = opts.log ?? (() => undefined);
  const signal = opts.signal;
  const t0 = Date.now();
  const phases: Record<string, number> = {};
  const mark = (name: string) => (phases[name] = Math.round((Date.now() - t0) / 100) / 10);
  const storeId = `crash${opts.backend === 'sqlite' ? 's' : 'p'}${randomBytes(3).toString('hex')}`;
  const root = e2eTempDir(`lojista-crash-${opts.backend}-`);
  const configDir = join(root, 'stores');
  const dataDir = join(root, 'data');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const adminToken = randomBytes(24).toString('hex');
  const api: StoreApi = { url, adminToken };
  const rnd = seededRandom(opts.seed);
  const between = ([lo, hi]: [number, number]) => lo + Math.floor(rnd() * (hi - lo + 1));

  let sim: RunningSimulator | undefined;
  let engine: EngineProcess | undefined;
  let stopClock = async () => undefined as void;
  let ok = false;
  try {
    // The simulator is this process's; its clock runs in real time (CJ ships days after payment,
    // so nothing ships until the test moves the clock at the end).
    sim = await startSimulator({
      port: 0,
      host: '127.0.0.1',
      clock: 'realtime',
      seed: opts.seed,
      catalogueSize: 2000,
      qps: 50,
      tokenCooldownSec: 0,
      allowLocalWebhooks: true,
    });
    // The child reads this config: CJ = the simulator (no API key), CJ's top QPS level (6),
    // reconciliation rare while orders flow (each run looks up to 50 paid orders at CJ, which at
    // 6 QPS would starve fulfilment), made frequent for the finish.
    const storeConfig = (orderReconcile: string): StoreConfigInput =>
      e2eConfig(port, { cj: { baseUrl: sim!.baseUrl, qps: 6 }, schedules: { orderReconcile, catalogScan: '24h' } });
    writeStoreFolder(configDir, storeId, storeConfig('10m'), { adminToken });
    const databaseEnv = opts.backend === 'postgres' ? { DATABASE_URL: opts.databaseUrl!, REDIS_URL: opts.redisUrl! } : { DATABASE_URL: '', REDIS_URL: '' };

    // The catalogue is scanned once, before the kills, by the same store opened in this process
    // on the child's database (a scan is not what this test is about). It also registers the
    // ORDER and LOGISTIC webhooks: CJ probes the URL, which this store answers on the child's port.
    const pre = await startE2eStore({
      sim,
      id: storeId,
      port,
      adminToken,
      dataDir,
      ...(opts.backend === 'postgres' ? { databaseUrl: opts.databaseUrl! } : {}),
      config: { cj: { baseUrl: sim.baseUrl, qps: 6 }, schedules: { orderReconcile: '10m', catalogScan: '24h' } },
    });
    let variants;
    try {
      await pre.runtime.scanNow({ trigger: 'cli', pointsBudget: 800 });
      const hook = { type: 'ENABLE' as const, callbackUrls: [`${url}/api/webhooks/cj`] };
      await pre.runtime.ctx.cj.webhook.set({ order: hook, logistics: hook });
      variants = await sellableVariants(api);
    } finally {
      await pre.close();
    }
    const account = sim.control.getAccount(pre.apiKey)!;
    const balanceBefore = account.balance;
    const plan = planCheckouts(variants, opts.orders, opts.seed, { esShare: 0.2, keyPrefix: storeId });
    mark('scanned');

    // The simulator, the checkouts and the probes share this process: on a starved machine its own
    // stalls are part of what a slow start means, so they are measured.
    const loopDelay = monitorEventLoopDelay({ resolution: 20 });
    loopDelay.enable();
    engine = new EngineProcess({ configDir, dataDir, url, logFile: join(root, 'engine.log'), env: databaseEnv });
    await engine.start();
    mark('engineReady');
    log(`[${opts.backend}] engine ready (pid ${engine.pid}) after ${engine.startups[0]} ms; ${plan.length} checkouts, ${opts.kills} kills, seed ${opts.seed}`);

    // --- orders flow while the engine is killed -------------------------------------------
    const answers = new Map<string, { number: string; orderId: string }>();
    const refused: CrashReport['refused'] = [];
    let retriedCheckouts = 0;
    let inFlight = 0;
    // Should the kills or the checkouts fail, the other side stops too: its error is the report's,
    // not a trail of unhandled rejections from checkouts still retrying against a dead engine.
    const flow = new AbortController();
    const flowSignal = signal ? AbortSignal.any([signal, flow.signal]) : flow.signal;
    const submit = async (body: CheckoutBody) => {
      inFlight++;
      // A checkout cut off by a kill is retried until the engine is back: a start may take up to
      // READY_TIMEOUT_MS on a loaded machine, so that (and a minute more) is how long it may wait.
      const giveUpAt = Date.now() + READY_TIMEOUT_MS + 60_000;
      try {
        for (let attempt = 1; ; attempt++) {
          flowSignal.throwIfAborted();
          try {
            const a = await postCheckout(url, body, AbortSignal.timeout(30_000));
            answers.set(body.checkoutKey, { number: a.order.number, orderId: a.order.orderId });
            if (a.order.status === 'awaiting_payment') throw new Error(`checkout ${body.checkoutKey} answered without a payment: ${JSON.stringify(a)}`);
            return;
          } catch (err) {
            // 503 (starting/shutting down, shipping quote unavailable), 429 and a request cut off
            // by the kill are retried with the same key; any other answer is final.
            const retry = isNetworkError(err) || (err instanceof CheckoutRefused && (err.status >= 500 || err.status === 429));
            if (!retry) {
              const e = err as CheckoutRefused;
              refused.push({ key: body.checkoutKey, status: e.status, body: e.body });
              return;
            }
            if (attempt === 1) retriedCheckouts++;
            if (Date.now() > giveUpAt) throw new Error(`checkout ${body.checkoutKey} never got an answer (${attempt} attempts)`, { cause: err });
            await sleep(250);
          }
        }
      } finally {
        inFlight--;
      }
    };
    const driver = (async () => {
      const pending: Array<Promise<void>> = [];
      for (const body of plan) {
        flowSignal.throwIfAborted();
        await sleep(between(opts.checkoutGapMs));
        while (inFlight >= opts.inFlight) await sleep(20);
        // Caught at once (a rejection left waiting for the loop to end would be "unhandled").
        pending.push(submit(body).catch((err: unknown) => void flow.abort(err)));
      }
      await Promise.all(pending);
      flowSignal.throwIfAborted();
    })();
    let clockMoving = true;
    const clockMover = (async () => {
      while (clockMoving && !signal?.aborted) {
        await sleep(1_000);
        if (clockMoving) await sim!.control.advanceClock({ hours: opts.simHoursPerSecond });
      }
    })();
    stopClock = async () => {
      clockMoving = false;
      await clockMover;
    };
    const kills: KillMoment[] = [];
    const killer = (async () => {
      for (let k = 0; k < opts.kills; k++) {
        flowSignal.throwIfAborted();
        const readyAt = Date.now();
        const answeredBefore = answers.size;
        await sleep(between(opts.upMs));
        // Every restart must make progress, however starved the machine: until the engine has
        // answered one more checkout (or all are answered), the kill waits, up to PROGRESS_WAIT_MS.
        // On a quiet machine the answer came long before, so the kill lands at its seeded moment.
        while (answers.size === answeredBefore && answers.size + refused.length < plan.length && Date.now() - readyAt < PROGRESS_WAIT_MS) {
          flowSignal.throwIfAborted();
          await sleep(50);
        }
        kills.push({ at: Date.now(), afterReadyMs: Date.now() - readyAt, accepted: answers.size, checkoutsInFlight: inFlight });
        await engine!.kill();
        await engine!.start();
      }
    })();
    const stopFlowOnError = (err: unknown) => {
      flow.abort(err);
      throw err;
    };
    const settled = await Promise.allSettled([driver.catch(stopFlowOnError), killer.catch(stopFlowOnError)]);
    // The first failure is the cause (the abort's reason); the other side's is only the abort that followed.
    if (flow.signal.aborted) throw flow.signal.reason;
    for (const r of settled) if (r.status === 'rejected') throw r.reason;
    mark('killsDone');
    log(
      `[${opts.backend}] ${kills.length} kills done; ${answers.size} checkouts accepted (${retriedCheckouts} retried after a kill) at ${phases.killsDone} s; ` +
        `engine starts ${engine.startups.map((ms) => (ms / 1000).toFixed(1)).join('/')} s; this process's event loop stalled ${Math.round(loopDelay.max / 1e6)} ms at most`,
    );

    // --- let it finish ----------------------------------------------------------------------
    const ourNumbers = new Set([...answers.values()].map((a) => a.number));
    const atCjOrHeld = (o: AdminOrderSummary) => ['paid', 'shipped', 'delivered', 'on_hold', 'cancelled', 'refunded'].includes(o.status);
    await until(
      'every order paid at CJ or held',
      async () => {
        const orders = await listOrders(api);
        return orders.length >= ourNumbers.size && orders.every(atCjOrHeld);
      },
      420_000,
      1_000,
      signal,
    );
    mark('allPaid');
    await stopClock();
    log(`[${opts.backend}] every order paid at CJ (or held) at ${phases.allPaid} s`);

    // Reconciliation every 5 s from now on: the operator's config change, read at a restart.
    writeStoreFolder(configDir, storeId, storeConfig('5s'), { adminToken });
    await engine.stop();
    await engine.start();
    // CJ ships and delivers the rest: days pass at the simulator; webhooks that found the engine
    // dead are retried by CJ as the clock moves, and reconciliation catches whatever they missed.
    await sim.control.advanceClock({ days: 40 });
    await sim.control.flushWebhooks();
    mark('clockMoved');
    const finished = (o: AdminOrderSummary) => o.status === 'delivered' || (o.status === 'on_hold' && Boolean(o.hold?.reason));
    await until('every order delivered or on hold with a reason', async () => (await listOrders(api)).every(finished), 180_000, 1_000, signal).catch(
      () => undefined, // the report below names what did not finish
    );
    mark('finished');

    // --- count ------------------------------------------------------------------------------
    const orders = await listOrders(api);
    const localNumbers = new Set(orders.map((o) => o.number));
    const audit = auditLedger(sim.control.ledger({ kind: ['order', 'payment'] }), ourNumbers, account.openId);
    const { seconds, missing } = await latencies(
      api,
      orders.filter((o) => ourNumbers.has(o.number)).map((o) => o.orderId),
    );
    const calls = sim.control.ledger({ kind: 'call', openId: account.openId }) as CallEntry[];
    const MONEY = new Set(['/shopping/order/createOrderV2', '/shopping/order/confirmOrder', '/shopping/pay/payBalance']);
    for (const k of kills) {
      const last = calls.filter((c) => c.at > k.at - 1_000 && c.at <= k.at);
      k.cjCallsLastSecond = last.length;
      k.moneyCallsLastSecond = last.filter((c) => MONEY.has(c.path)).length;
    }
    const finalStatuses: Record<string, number> = {};
    for (const o of orders) finalStatuses[o.status] = (finalStatuses[o.status] ?? 0) + 1;
    const report: CrashReport = {
      backend: opts.backend === 'sqlite' ? 'SQLite (jobs table with leases)' : 'PostgreSQL + Redis (outbox → BullMQ)',
      storeId,
      seed: opts.seed,
      orders: plan.length,
      accepted: answers.size,
      refused,
      kills,
      retriedCheckouts,
      lost: [...ourNumbers].filter((n) => !localNumbers.has(n)),
      unexpectedLocal: [...localNumbers].filter((n) => !ourNumbers.has(n)),
      audit,
      balanceDropCents: Math.round((Number(balanceBefore) - Number(sim.control.getAccount(account.openId)!.balance)) * 100),
      cjCalls: callsByPath(calls, account.openId),
      finalStatuses,
      unfinished: orders.filter((o) => !finished(o)),
      onHold: orders.filter((o) => o.status === 'on_hold'),
      latencySeconds: seconds,
      latencyMissing: missing,
      medianSeconds: median(seconds),
      p95Seconds: percentile(seconds, 95),
      startupMs: engine.startups,
      runtimeSeconds: (Date.now() - t0) / 1000,
      phases,
      root,
      engineLogTail: engine.logTail(60),
      engineErrors: errorMessages(join(root, 'engine.log')),
    };
    ok = report.lost.length === 0 && report.unfinished.length === 0 && audit.duplicates.length === 0 && audit.doublePayments.length === 0;
    return report;
  } finally {
    await stopClock().catch(() => undefined);
    const exit = await engine?.stop().catch(() => null);
    if (engine && exit !== 0) log(`[${opts.backend}] the engine did not stop cleanly on SIGTERM (exit ${exit})`);
    await sim?.close();
    if (opts.backend === 'postgres') {
      await dropPostgresSchema(opts.databaseUrl!, schemaForStore(storeId)).catch((err: unknown) => log(`could not drop the schema: ${(err as Error).message}`));
      // The store's queue keys: `lojista:<id>:…` and, one queue per job lane, `lojista:<id>.<lane>:…`.
      for (const pattern of [`lojista:${storeId}:*`, `lojista:${storeId}.*`]) {
        await deleteRedisKeys(opts.redisUrl!, pattern).catch((err: unknown) => log(`could not delete Redis keys: ${(err as Error).message}`));
      }
    }
    // A failed run keeps its folder (the engine's log, the SQLite file) for the post-mortem.
    if (ok && process.env.LOJISTA_CRASH_KEEP !== '1') rmSync(root, { recursive: true, force: true });
    else log(`[${opts.backend}] kept ${root} for the post-mortem`);
  }
}

/** Error-level lines of the engine's log (pino JSON), grouped by message. */
function errorMessages(file: string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      if ((entry.level ?? 0) < 50) continue;
      const key = `${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message.slice(0, 160)}` : ''}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    } catch {
      // a line cut by SIGKILL
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** Deletes this run's BullMQ keys only (the queue is named after the store id). */
async function deleteRedisKeys(url: string, pattern: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

export function describeReport(r: CrashReport): string {
  const a = r.audit;
  return [
    `crash safety on ${r.backend} (store ${r.storeId}, seed ${r.seed}):`,
    `  orders ${r.orders}, accepted ${r.accepted}, refused ${r.refused.length}, kills ${r.kills.length} (SIGKILL ${r.kills.map((k) => (k.afterReadyMs / 1000).toFixed(1)).join('/')} s after ready; ${r.kills.filter((k) => k.checkoutsInFlight > 0).length} with checkouts in flight), checkouts retried after a kill ${r.retriedCheckouts}`,
    `  kills with CJ calls in the last second before them: ${r.kills.filter((k) => (k.cjCallsLastSecond ?? 0) > 0).length}; right after a createOrderV2/confirmOrder/payBalance call: ${r.kills.filter((k) => (k.moneyCallsLastSecond ?? 0) > 0).length}`,
    `  lost ${r.lost.length}, extra local orders ${r.unexpectedLocal.length}, CJ orders ${a.cjOrders}, duplicates ${a.duplicates.length}, extra at CJ ${a.extra.length}, missing at CJ ${a.missing.length}, double payments ${a.doublePayments.length}, unpaid ${a.unpaid.length}; debited ${(a.debitedCents / 100).toFixed(2)} USD for orders worth ${(a.orderAmountsCents / 100).toFixed(2)} USD (balance down ${(r.balanceDropCents / 100).toFixed(2)})`,
    `  CJ calls ${describeCalls(r.cjCalls)}`,
    `  final: ${Object.entries(r.finalStatuses).map(([s, n]) => `${s} ${n}`).join(', ')}${r.onHold.length ? `; held: ${r.onHold.map((o) => `${o.number} ${o.hold?.reason}: ${o.hold?.detail}`).join('; ')}` : ''}`,
    `  payment → paid at CJ: median ${r.medianSeconds.toFixed(2)} s, p95 ${r.p95Seconds.toFixed(2)} s (n=${r.latencySeconds.length})`,
    `  engine errors logged: ${r.engineErrors.length === 0 ? 'none' : r.engineErrors.map(([m, n]) => `${n}× ${m}`).join('; ')}`,
    `  engine start → ready: median ${median(r.startupMs).toFixed(0)} ms over ${r.startupMs.length} starts; runtime ${r.runtimeSeconds.toFixed(1)} s; phases ${JSON.stringify(r.phases)}`,
  ].join('\n');
}
