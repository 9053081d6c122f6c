// Contract: the token lifecycle against the simulator's auth — getAccessToken once, reuse, refresh
// before expiry with rotation, logout, re-authentication on 1600001 only, and the 5-minute
// getAccessToken cooldown (cj-api.md §2, §9.1, §9.5) — including across a restart with a
// FileTokenStore, proven from the simulator's ledger.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CjAuthCooldownError, CjAuthError, CjRateLimitedError, FileTokenStore, MemoryTokenStore } from '../../src/index.js';
import { FAST_QPS, apiCalls, makeClient, newAccount, startSim } from './helpers.js';

const GET_TOKEN = '/authentication/getAccessToken';
const REFRESH = '/authentication/refreshAccessToken';
const DAY = 86_400_000;

let sim: RunningSimulator;
let dir: string;

beforeAll(async () => {
  sim = await startSim();
  dir = await mkdtemp(join(tmpdir(), 'lojista-cj-contract-'));
});

afterAll(async () => {
  await sim?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function rawPost(path: string, body: unknown): Promise<{ status: number; json: { code?: number; data?: unknown } }> {
  const res = await fetch(`${sim.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as { code?: number } };
}

async function rawGetWithToken(path: string, token: string): Promise<{ code?: number }> {
  const res = await fetch(`${sim.baseUrl}${path}`, { headers: { 'CJ-Access-Token': token } });
  return (await res.json()) as { code?: number };
}

describe('token lifecycle', () => {
  it('the first call obtains a token with one getAccessToken; later calls reuse it; openId and setting.get describe the account', async () => {
    const account = newAccount(sim);
    const t = makeClient(sim, account);
    expect(await t.cj.auth.openId()).toBeUndefined();
    const settings = await t.cj.setting.get();
    expect(settings).toMatchObject({ openId: account.openId, openName: account.openName, openEmail: account.openEmail, qpsLimit: FAST_QPS, root: 'GENERAL', isSandbox: false });
    expect(settings.callback).toMatchObject({ order: { type: 'CANCEL', urls: [] } });
    const token = await t.cj.auth.accessToken();
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(await t.cj.auth.openId()).toBe(account.openId);
    await t.cj.pay.balance();
    expect(await t.cj.auth.accessToken()).toBe(token);
    expect(apiCalls(sim, account.openId).map((c) => c.path)).toEqual([GET_TOKEN, '/setting/get', '/shopping/pay/getBalance']);
  });

  it('auth.getAccessToken reads CJ’s expiry dates; auth.refreshAccessToken rotates both tokens and the spent refresh token is refused (1600003)', async () => {
    const account = newAccount(sim);
    const t = makeClient(sim, account);
    const first = await t.cj.auth.getAccessToken();
    const now = sim.control.now();
    expect(first.openId).toBe(account.openId);
    expect(first.accessTokenExpiresAt).toBe(now + 15 * DAY); // "…+08:00" text, read as an instant
    expect(first.refreshTokenExpiresAt).toBe(now + 180 * DAY);
    const second = await t.cj.auth.refreshAccessToken();
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.openId).toBe(account.openId); // refresh answers without openId; the stored one is kept
    expect(await t.cj.auth.accessToken()).toBe(second.accessToken);
    expect((await t.cj.pay.balance()).amount).toBe(account.balance);
    expect((await rawPost(REFRESH, { refreshToken: first.refreshToken })).json.code).toBe(1600003);
    expect(apiCalls(sim, account.openId).map((c) => [c.path, c.code])).toEqual([
      [GET_TOKEN, 200],
      [REFRESH, 200],
      ['/shopping/pay/getBalance', 200],
    ]);
  });

  it('refreshes (not re-authenticates) when less than an hour is left on the simulated clock, then keeps the new token', async () => {
    const account = newAccount(sim);
    const t = makeClient(sim, account);
    const token = await t.cj.auth.accessToken();
    await sim.control.advanceClock(15 * DAY - 30 * 60_000);
    await t.cj.setting.get();
    const renewed = await t.cj.auth.accessToken();
    expect(renewed).not.toBe(token);
    await sim.control.advanceClock(60 * 60_000); // past the old token's expiry: the new one is used
    await t.cj.pay.balance();
    expect(apiCalls(sim, account.openId).map((c) => [c.path, c.code])).toEqual([
      [GET_TOKEN, 200],
      [REFRESH, 200],
      ['/setting/get', 200],
      ['/shopping/pay/getBalance', 200],
    ]);
  });

  it('logout kills both tokens at the simulator; the next call needs getAccessToken, which the client holds back until the 5-minute window has passed', async () => {
    const account = newAccount(sim);
    const t = makeClient(sim, account);
    const token = await t.cj.auth.accessToken();
    expect(await t.cj.auth.logout()).toBe(true);
    expect((await rawGetWithToken('/setting/get', token)).code).toBe(1600001);

    const err = await t.cj.setting.get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjAuthCooldownError);
    expect((err as CjAuthCooldownError).retryAfterMs).toBe(5 * 60_000);
    expect(apiCalls(sim, account.openId).map((c) => c.path)).toEqual([GET_TOKEN, '/authentication/logout']);

    await sim.control.advanceClock(5 * 60_000);
    expect((await t.cj.setting.get()).openId).toBe(account.openId);
    expect(apiCalls(sim, account.openId).map((c) => c.path)).toEqual([GET_TOKEN, '/authentication/logout', GET_TOKEN, '/setting/get']);
  });

  it('re-authenticates on 1600001 only (a token killed elsewhere): refresh refused 1600003 → getAccessToken → the call is resent once', async () => {
    const account = newAccount(sim);
    const a = makeClient(sim, account);
    const b = makeClient(sim, account); // another process: its own token store
    await a.cj.auth.accessToken();
    await sim.control.advanceClock(6 * 60_000);
    await b.cj.auth.accessToken();
    await a.cj.auth.logout(); // kills every token of the account, b's included
    await sim.control.advanceClock(6 * 60_000);
    const since = sim.control.ledgerCursor();
    expect((await b.cj.setting.get()).openId).toBe(account.openId);
    // A dead token names no account, so the simulator logs those two refusals without an openId.
    const calls = sim.control.ledger({ kind: 'call', since }).map((c) => (c.kind === 'call' ? [c.path, c.code, c.openId] : []));
    expect(calls).toEqual([
      ['/setting/get', 1600001, null],
      [REFRESH, 1600003, null],
      [GET_TOKEN, 200, account.openId],
      ['/setting/get', 200, account.openId],
    ]);
    expect(b.calls('/setting/get').map((e) => [e.attempt, e.cjCode])).toEqual([
      [1, 1600001],
      [2, 200],
    ]);
  });

  it('a wrong API key is a CjAuthError (1600005), not retried and never a re-authentication loop', async () => {
    const t = makeClient(sim, { apiKey: 'CJ123@api@not-a-real-key' });
    const since = sim.control.ledgerCursor();
    const err = await t.cj.products.categories().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjAuthError);
    expect((err as CjAuthError).code).toBe(1600005);
    expect(sim.control.ledger({ kind: 'call', since, path: GET_TOKEN })).toHaveLength(1);
    expect(sim.control.ledger({ kind: 'call', since, path: '/product/getCategory' })).toHaveLength(0);
  });
});

describe('§9.1 token cooldown across a restart', () => {
  it('FileTokenStore: client 2 (after a "restart") reuses client 1’s token with no getAccessToken; forcing one inside 5 minutes is refused client-side and never reaches CJ', async () => {
    const account = newAccount(sim);
    const c1 = makeClient(sim, account, { tokenStore: new FileTokenStore(dir) });
    await c1.cj.products.globalWarehouses();
    const token = await c1.cj.auth.accessToken();
    const store = new FileTokenStore(dir);
    const file = store.fileFor(c1.cj.accountId);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ openId: account.openId, accessToken: token, lastGetAccessTokenAt: sim.control.now() });

    // "Restart": a new client and a new store object over the same directory.
    await sim.control.advanceClock(60_000);
    const c2 = makeClient(sim, account, { tokenStore: store });
    expect((await c2.cj.setting.get()).openId).toBe(account.openId);
    expect(await c2.cj.auth.accessToken()).toBe(token);
    expect(await c2.cj.auth.openId()).toBe(account.openId);
    expect(c2.calls(GET_TOKEN)).toEqual([]);

    const err = await c2.cj.auth.getAccessToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjAuthCooldownError);
    expect((err as CjAuthCooldownError).retryAfterMs).toBe(4 * 60_000);
    expect(c2.calls(GET_TOKEN)).toEqual([]);
    expect(apiCalls(sim, account.openId).map((c) => c.path)).toEqual([GET_TOKEN, '/product/globalWarehouseList', '/setting/get']);

    // Once the window has passed, the forced call goes through (and is the second one CJ sees).
    await sim.control.advanceClock(4 * 60_000);
    const fresh = await c2.cj.auth.getAccessToken();
    expect(fresh.accessToken).not.toBe(token);
    expect(apiCalls(sim, account.openId, { path: GET_TOKEN }).map((c) => c.code)).toEqual([200, 200]);
  });

  it('a process that does not share the store: CJ answers its getAccessToken with 429 → CjAuthCooldownError, not retried, and its call is not sent', async () => {
    const account = newAccount(sim);
    const c1 = makeClient(sim, account);
    await c1.cj.auth.accessToken();
    const since = sim.control.ledgerCursor();
    const c3 = makeClient(sim, account, { tokenStore: new MemoryTokenStore() });
    const err = await c3.cj.setting.get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjAuthCooldownError);
    expect((err as CjAuthCooldownError).cause).toBeInstanceOf(CjRateLimitedError);
    expect(c3.calls(GET_TOKEN).map((e) => [e.outcome, e.httpStatus, e.cjCode, e.attempt])).toEqual([['rate_limited', 429, 1600200, 1]]);
    expect(apiCalls(sim, account.openId, { since }).map((c) => [c.path, c.status, c.rateLimited])).toEqual([[GET_TOKEN, 429, true]]);
  });
});
