// Contract: how the client behaves when the simulator throttles or fails — HTTP 429 bodies without
// `result` (cj-api.md §9.3), per-account QPS shared by callers that do not share a limiter (§9.2),
// and the circuit breaker against a run of HTTP 5xx answers.
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CjCircuitOpenError, CjRateLimitedError, CjServerError, InProcessRateLimiter, MemoryTokenStore } from '../../src/index.js';
import { apiCalls, makeClient, newAccount, spacing, startSim } from './helpers.js';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSim();
});

afterAll(async () => {
  await sim?.close();
});

describe('§9.3 throttling: HTTP 429 with a body that has no `result`', () => {
  it('the simulator’s throttle answer is exactly CJ’s: HTTP 429, {code:1600200, message}, no result/data/requestId', async () => {
    const account = newAccount(sim, { qps: 1 });
    const auth = await fetch(`${sim.baseUrl}/authentication/getAccessToken`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apiKey: account.apiKey }) });
    const token = ((await auth.json()) as { data: { accessToken: string } }).data.accessToken;
    const res = await fetch(`${sim.baseUrl}/setting/get`, { headers: { 'CJ-Access-Token': token } }); // same second: over qps 1
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({ code: 1600200, message: 'Too Many Requests, QPS limit is 1 time/1second' });
  });

  it('a client configured above the account’s real QPS (6 vs 1) gets 429s, reports them as rate_limited, backs off and succeeds', async () => {
    const account = newAccount(sim, { qps: 1 });
    const t = makeClient(sim, account, { qps: 6, limiter: new InProcessRateLimiter(), retry: { maxAttempts: 6, baseDelayMs: 300, maxDelayMs: 1200 } });
    await t.cj.auth.accessToken();
    const settings = await t.cj.setting.get(); // ~217 ms after getAccessToken: the simulator refuses it at first
    expect(settings).toMatchObject({ openId: account.openId, qpsLimit: 1 });

    const attempts = t.calls('/setting/get');
    expect(attempts.length).toBeGreaterThan(1);
    expect(attempts.slice(0, -1).every((e) => e.outcome === 'rate_limited' && e.httpStatus === 429 && e.cjCode === 1600200)).toBe(true);
    expect(attempts.at(-1)).toMatchObject({ outcome: 'ok', attempt: attempts.length });
    const atSim = apiCalls(sim, account.openId, { path: '/setting/get' });
    expect(atSim.map((c) => c.status)).toEqual([...Array<number>(attempts.length - 1).fill(429), 200]);
    expect(atSim.filter((c) => c.rateLimited)).toHaveLength(attempts.length - 1);
    // Whatever the client tried, the simulator never accepted more than 1 call in a second.
    expect(spacing(apiCalls(sim, account.openId).filter((c) => !c.rateLimited).map((c) => c.at)).maxInWindow).toBe(1);
  });

  it('§9.2 two clients of one account that do not share a limiter: one is refused with 429, retries after ≥ 1000/qps and both complete', async () => {
    const account = newAccount(sim, { qps: 1 });
    const tokens = new MemoryTokenStore(); // same token, separate limiters (like two processes)
    const a = makeClient(sim, account, { qps: 1, tokenStore: tokens, limiter: new InProcessRateLimiter() });
    const b = makeClient(sim, account, { qps: 1, tokenStore: tokens, limiter: new InProcessRateLimiter() });
    await a.cj.auth.accessToken();
    await new Promise((r) => setTimeout(r, 1100));
    const [settings, balance] = await Promise.all([a.cj.setting.get(), b.cj.pay.balance()]);
    expect(settings.openId).toBe(account.openId);
    expect(balance.amount).toBe(account.balance);

    const limited = [...a.calls(), ...b.calls()].filter((e) => e.outcome === 'rate_limited');
    expect(limited).toHaveLength(1);
    expect(limited[0]).toMatchObject({ httpStatus: 429, cjCode: 1600200, attempt: 1 });
    const calls = apiCalls(sim, account.openId);
    expect(calls.filter((c) => c.status === 429)).toHaveLength(1);
    const accepted = calls.filter((c) => c.status === 200).map((c) => c.at);
    expect(accepted).toHaveLength(3);
    expect(spacing(accepted).minGapMs).toBeGreaterThanOrEqual(1000);
  });
});

describe('daily quota (cj-api.md §5: "Too Many Requests" once the per-interface cap is reached)', () => {
  it('HTTP 429 with 1600201 is a CjRateLimitedError of kind quota, not retried like a QPS refusal; the next simulated day it works again', async () => {
    // Fixed bug: the client classified any HTTP 429 as kind 'qps' before looking at the code, so a
    // used-up quota was retried three more times and reported as a transient QPS refusal.
    const quotaSim = await startSim({ dailyQuota: 2 });
    try {
      const account = newAccount(quotaSim);
      const t = makeClient(quotaSim, account, { retry: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 20 } });
      const settings = await t.cj.setting.get();
      expect(settings.quotaLimits).toContainEqual({ quotaUrl: '/api2.0/v1/setting/get', quotaLimit: 2, quotaType: 4 });
      await t.cj.setting.get();
      const err = await t.cj.setting.get().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CjRateLimitedError);
      expect(err).toMatchObject({ kind: 'quota', code: 1600201, httpStatus: 429 });
      expect(t.calls('/setting/get').map((e) => [e.attempt, e.outcome])).toEqual([
        [1, 'ok'],
        [1, 'ok'],
        [1, 'rate_limited'],
      ]);
      expect(apiCalls(quotaSim, account.openId, { path: '/setting/get' }).map((c) => [c.status, c.code])).toEqual([
        [200, 200],
        [200, 200],
        [429, 1600201],
      ]);
      await quotaSim.control.advanceClock({ days: 1 });
      expect((await t.cj.setting.get()).openId).toBe(account.openId);
    } finally {
      await quotaSim.close();
    }
  });
});

describe('transient failures of reads are retried', () => {
  it('1600000 "System busy", a truncated JSON body and a response slower than the timeout: each read is resent and succeeds', async () => {
    const account = newAccount(sim);
    const t = makeClient(sim, account, { retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20 } });
    await t.cj.auth.accessToken();
    sim.control.addFaults([
      { path: '/setting/get', mode: 'error', code: 1600000, times: 1, openId: account.openId },
      { path: '/product/globalWarehouseList', mode: 'non-json', times: 1, openId: account.openId },
      { path: '/shopping/pay/getBalance', mode: 'latency', latencyMs: 600, times: 1, openId: account.openId },
    ]);
    expect((await t.cj.setting.get()).openId).toBe(account.openId);
    expect(await t.cj.products.globalWarehouses()).toHaveLength(7);
    expect((await t.cj.pay.balance({ timeoutMs: 250 })).amount).toBe(account.balance);
    const outcomes = (path: string) => t.calls(path).map((e) => e.outcome);
    expect(outcomes('/setting/get')).toEqual(['cj_error', 'ok']);
    expect(t.calls('/setting/get')[0]!.cjCode).toBe(1600000);
    expect(outcomes('/product/globalWarehouseList')).toEqual(['transport_error', 'ok']);
    expect(outcomes('/shopping/pay/getBalance')).toEqual(['transport_error', 'ok']);
    expect(apiCalls(sim, account.openId).filter((c) => c.fault !== null).map((c) => [c.path, c.fault])).toEqual([
      ['/setting/get', 'error'],
      ['/product/globalWarehouseList', 'non-json'],
    ]);
    // The slow call is logged by the simulator when it finishes, after the client gave up on it and
    // its resend was answered. (The ledger labels it fault: null — latency rules are not recorded there.)
    // Held ≈ 600 ms, against a few ms for the resend. Not `>= 600`: libuv starts a timer from its
    // cached loop time, so a 600 ms sleep can measure 599.x ms with performance.now() (it did, 2 runs in 5).
    const balances = () => apiCalls(sim, account.openId, { path: '/shopping/pay/getBalance' }).map((c) => c.durationMs >= 500);
    await expect.poll(balances, { timeout: 2000 }).toEqual([false, true]);
  });
});

describe('circuit breaker', () => {
  it('opens after consecutive HTTP 5xx on a read, fails fast without sending, and closes again once the simulator recovers', async () => {
    const account = newAccount(sim);
    const t = makeClient(sim, account, { breaker: { consecutiveFailures: 3, halfOpenAfterMs: 400 }, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 20 } });
    await t.cj.auth.accessToken();
    sim.control.addFaults({ path: '/product/getCategory', method: 'GET', mode: 'http-5xx', httpStatus: 502, times: 3, openId: account.openId });

    const first = await t.cj.products.categories().catch((e: unknown) => e);
    expect(first).toBeInstanceOf(CjServerError); // a read: retried, 3 attempts, all 502
    expect((first as CjServerError).httpStatus).toBe(502);
    expect(t.calls('/product/getCategory').map((e) => [e.attempt, e.outcome, e.httpStatus])).toEqual([
      [1, 'transport_error', 502],
      [2, 'transport_error', 502],
      [3, 'transport_error', 502],
    ]);
    expect(t.events.filter((e) => e.type === 'breaker').map((e) => e.type === 'breaker' && e.state)).toEqual(['open']);

    const sentBefore = apiCalls(sim, account.openId).length;
    const fast = await t.cj.products.globalWarehouses().catch((e: unknown) => e);
    expect(fast).toBeInstanceOf(CjCircuitOpenError);
    expect(apiCalls(sim, account.openId)).toHaveLength(sentBefore); // nothing reached the simulator

    await new Promise((r) => setTimeout(r, 450));
    const roots = await t.cj.products.categories(); // the fault is spent: the trial call succeeds
    expect(roots.length).toBeGreaterThan(0);
    expect(t.events.filter((e) => e.type === 'breaker').map((e) => e.type === 'breaker' && e.state)).toEqual(['open', 'half_open', 'closed']);
    expect(apiCalls(sim, account.openId, { path: '/product/getCategory' }).map((c) => [c.status, c.fault])).toEqual([
      [502, 'http-5xx'],
      [502, 'http-5xx'],
      [502, 'http-5xx'],
      [200, null],
    ]);
    expect((await t.cj.products.globalWarehouses()).length).toBe(7);
  });
});
