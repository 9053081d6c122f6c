// Authentication and throttling: key format, token shapes and lifetimes on the simulated clock,
// the getAccessToken cooldown (and the 24-hour cached mode), refresh limits and rotation, logout;
// per-account QPS on real time (sliding 1000 ms window over accepted calls), the 429 body without
// `result`, auth calls counting toward QPS, and the optional daily quota.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallEntry, RunningSimulator } from '../src/index.js';
import { call, login, newAccount, sim } from './helpers.js';

const HEX32 = /^[0-9a-f]{32}$/;
const CST = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
const MINUTE = 60_000;
const DAY = 86_400_000;

const cst = (s: string) => Date.parse(s);

describe('getAccessToken / refresh / logout (cooldown mode)', () => {
  let s: RunningSimulator;
  beforeAll(async () => {
    s = await sim({ accounts: [{ apiKey: 'CJ42@api@0123456789abcdef0123456789abcdef', openId: '1234567890123456789', balance: '50.00' }] });
  });
  afterAll(() => s.close());

  it('issues 32-hex tokens with +15 d / +180 d expiries in +08:00 format, against the simulated clock', async () => {
    const r = await call(s, 'POST', '/authentication/getAccessToken', { body: { apiKey: s.demoApiKey } });
    expect(r.status).toBe(200);
    const d = r.body.data;
    expect(d.openId).toBe(1000001);
    expect(d.accessToken).toMatch(HEX32);
    expect(d.refreshToken).toMatch(HEX32);
    for (const k of ['accessTokenExpiryDate', 'refreshTokenExpiryDate', 'createDate']) expect(d[k]).toMatch(CST);
    expect(cst(d.createDate)).toBe(s.control.now());
    expect(cst(d.accessTokenExpiryDate) - cst(d.createDate)).toBe(15 * DAY);
    expect(cst(d.refreshTokenExpiryDate) - cst(d.createDate)).toBe(180 * DAY);
  });

  it('refuses a second getAccessToken inside the 5-minute cooldown with HTTP 429 + 1600200 (no `result`)', async () => {
    const key = s.control.createAccount().apiKey;
    expect((await call(s, 'POST', '/authentication/getAccessToken', { body: { apiKey: key } })).status).toBe(200);
    await s.control.advanceClock({ minutes: 4 });
    const again = await call(s, 'POST', '/authentication/getAccessToken', { body: { apiKey: key } });
    expect(again.status).toBe(429);
    expect(again.body.code).toBe(1600200);
    expect(again.body).not.toHaveProperty('result');
    await s.control.advanceClock({ minutes: 1 });
    expect((await call(s, 'POST', '/authentication/getAccessToken', { body: { apiKey: key } })).status).toBe(200);
  });

  it('provisions any well-formed key (openId = its digits) and rejects malformed keys with 1600005', async () => {
    const r = await call(s, 'POST', '/authentication/getAccessToken', { body: { apiKey: 'CJ7654321@api@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' } });
    expect(r.body.data.openId).toBe(7654321);
    for (const apiKey of ['CJ7654321@api@AAAA', 'hello', 'CJ7654321@api@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb']) {
      // the last one: right shape, but openId 7654321 already belongs to another key
      const bad = await call(s, 'POST', '/authentication/getAccessToken', { body: { apiKey } });
      expect(bad.body).toMatchObject({ code: 1600005, result: false, data: null });
    }
    const none = await call(s, 'POST', '/authentication/getAccessToken', { body: { email: 'x@y.z', password: 'p' } });
    expect(none.body).toMatchObject({ code: 1600300, message: 'apiKey must be not empty' });
  });

  it('writes a 19-digit openId as a bare JSON number', async () => {
    const r = await call(s, 'POST', '/authentication/getAccessToken', { body: { apiKey: 'CJ42@api@0123456789abcdef0123456789abcdef' } });
    expect(r.text).toContain('"openId":1234567890123456789,');
    expect(r.body.data.openId).toBe('1234567890123456789'); // parsed big-int safe
    const setting = await call(s, 'GET', '/setting/get', { token: r.body.data.accessToken });
    expect(setting.text).toContain('"openId":1234567890123456789,');
  });

  it('refreshes: new pair without openId, refresh token rotated, bad token → 1600003', async () => {
    const key = s.control.createAccount().apiKey;
    const first = (await call(s, 'POST', '/authentication/getAccessToken', { body: { apiKey: key } })).body.data;
    const r = await call(s, 'POST', '/authentication/refreshAccessToken', { body: { refreshToken: first.refreshToken } });
    expect(r.body.code).toBe(200);
    expect(r.body.data).not.toHaveProperty('openId');
    expect(r.body.data.accessToken).not.toBe(first.accessToken);
    expect(r.body.data.refreshToken).not.toBe(first.refreshToken);
    expect((await call(s, 'GET', '/setting/get', { token: r.body.data.accessToken })).body.code).toBe(200);
    const reused = await call(s, 'POST', '/authentication/refreshAccessToken', { body: { refreshToken: first.refreshToken } });
    expect(reused.body).toMatchObject({ code: 1600003, result: false });
    expect((await call(s, 'POST', '/authentication/refreshAccessToken', { body: { refreshToken: 'nope' } })).body.code).toBe(1600003);
  });

  it('limits refreshAccessToken to 5 per minute per account (429 + 1600200)', async () => {
    const key = s.control.createAccount().apiKey;
    let refresh = (await call(s, 'POST', '/authentication/getAccessToken', { body: { apiKey: key } })).body.data.refreshToken;
    for (let i = 0; i < 5; i++) {
      const r = await call(s, 'POST', '/authentication/refreshAccessToken', { body: { refreshToken: refresh } });
      expect(r.status).toBe(200);
      refresh = r.body.data.refreshToken;
    }
    const sixth = await call(s, 'POST', '/authentication/refreshAccessToken', { body: { refreshToken: refresh } });
    expect(sixth.status).toBe(429);
    expect(sixth.body.code).toBe(1600200);
    await s.control.advanceClock({ ms: MINUTE });
    expect((await call(s, 'POST', '/authentication/refreshAccessToken', { body: { refreshToken: refresh } })).status).toBe(200);
  });

  it('logout invalidates the access and the refresh token', async () => {
    const key = s.control.createAccount().apiKey;
    const pair = (await call(s, 'POST', '/authentication/getAccessToken', { body: { apiKey: key } })).body.data;
    const out = await call(s, 'POST', '/authentication/logout', { token: pair.accessToken });
    expect(out.body).toMatchObject({ code: 200, result: true, data: true });
    expect((await call(s, 'GET', '/setting/get', { token: pair.accessToken })).body.code).toBe(1600001);
    expect((await call(s, 'POST', '/authentication/refreshAccessToken', { body: { refreshToken: pair.refreshToken } })).body.code).toBe(1600003);
  });

  it('expires the access token after 15 simulated days (1600001) while the refresh token still works', async () => {
    const key = s.control.createAccount().apiKey;
    const pair = (await call(s, 'POST', '/authentication/getAccessToken', { body: { apiKey: key } })).body.data;
    await s.control.advanceClock({ ms: 15 * DAY - 1 });
    expect((await call(s, 'GET', '/setting/get', { token: pair.accessToken })).body.code).toBe(200);
    await s.control.advanceClock({ ms: 1 });
    expect((await call(s, 'GET', '/setting/get', { token: pair.accessToken })).body).toMatchObject({ code: 1600001, result: false });
    const refreshed = await call(s, 'POST', '/authentication/refreshAccessToken', { body: { refreshToken: pair.refreshToken } });
    expect(refreshed.body.code).toBe(200);
  });
});

describe('cached24h token mode, legacy bodies, no cooldown', () => {
  let s: RunningSimulator;
  beforeAll(async () => {
    s = await sim({ tokenMode: 'cached24h', legacyAuth: true });
  });
  afterAll(() => s.close());

  it('returns the same tokens within 24 h, new ones after 24 h or after logout', async () => {
    const get = async () => (await call(s, 'POST', '/authentication/getAccessToken', { body: { apiKey: s.demoApiKey } })).body.data;
    const a = await get();
    await s.control.advanceClock({ hours: 23 });
    const b = await get();
    expect(b.accessToken).toBe(a.accessToken);
    expect(b.refreshToken).toBe(a.refreshToken);
    await s.control.advanceClock({ hours: 1 });
    const c = await get();
    expect(c.accessToken).not.toBe(a.accessToken);
    await call(s, 'POST', '/authentication/logout', { token: c.accessToken });
    expect((await get()).accessToken).not.toBe(c.accessToken);
  });

  it('accepts the legacy {email, password} and {email, apiKey} bodies when enabled', async () => {
    const account = s.control.createAccount();
    const secret = account.apiKey.split('@api@')[1];
    const byPassword = await call(s, 'POST', '/authentication/getAccessToken', { body: { email: account.openEmail, password: secret } });
    expect(byPassword.body.data.openId).toBe(Number(account.openId));
    const byKey = await call(s, 'POST', '/authentication/getAccessToken', { body: { email: account.openEmail, apiKey: account.apiKey } });
    expect(byKey.body.code).toBe(200);
    const wrong = await call(s, 'POST', '/authentication/getAccessToken', { body: { email: account.openEmail, password: 'nope' } });
    expect(wrong.body.code).toBe(1600005);
  });
});

describe('tokenCooldownSec: 0', () => {
  it('disables the cooldown', async () => {
    const s = await sim({ tokenCooldownSec: 0, catalogueSize: 20 });
    try {
      for (let i = 0; i < 3; i++) expect((await call(s, 'POST', '/authentication/getAccessToken', { body: { apiKey: s.demoApiKey } })).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

/** The largest number of accepted calls of an account inside any 1000 ms window of the ledger. */
function maxPerSecond(entries: CallEntry[]): number {
  const times = entries.filter((e) => !e.rateLimited).map((e) => e.at).sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] ?? 0) - (times[j] ?? 0) >= 1000) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

describe('QPS (real time, per account)', () => {
  let s: RunningSimulator;
  beforeAll(async () => {
    s = await sim({ qps: 1, tokenCooldownSec: 0, catalogueSize: 50 });
  });
  afterAll(() => s.close());

  it('answers a burst over the limit with HTTP 429 and exactly {code:1600200, message}; accounts are independent', async () => {
    const a = await newAccount(s);
    const b = await newAccount(s);
    await new Promise((r) => setTimeout(r, 1050)); // the logins above used this second's budget
    const [burst, other] = await Promise.all([Promise.all([0, 1, 2].map(() => call(s, 'GET', '/product/getCategory', { token: a.token }))), call(s, 'GET', '/product/getCategory', { token: b.token })]);
    const ok = burst.filter((r) => r.status === 200);
    const limited = burst.filter((r) => r.status === 429);
    expect(ok).toHaveLength(1);
    expect(limited).toHaveLength(2);
    for (const r of limited) expect(JSON.parse(r.text)).toEqual({ code: 1600200, message: 'Too Many Requests, QPS limit is 1 time/1second' });
    expect(other.status).toBe(200);
  });

  it('prints the account limit in the message ("2 times")', async () => {
    const a = await newAccount(s, { qps: 2 });
    const burst = await Promise.all([0, 1, 2, 3].map(() => call(s, 'GET', '/product/getCategory', { token: a.token })));
    const limited = burst.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(2);
    expect(limited[0]!.body.message).toBe('Too Many Requests, QPS limit is 2 times/1second');
  });

  it('never accepts more than the limit in any 1000 ms window (proved from the ledger)', async () => {
    const a = await newAccount(s, { qps: 2 });
    const since = s.control.ledgerCursor();
    const deadline = Date.now() + 2100;
    // Eight impatient workers hammering one account.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (Date.now() < deadline) {
          await call(s, 'GET', '/setting/get', { token: a.token });
          await new Promise((r) => setTimeout(r, 20));
        }
      }),
    );
    const calls = s.control.ledger({ since, kind: 'call', openId: a.openId }) as CallEntry[];
    expect(calls.filter((c) => c.rateLimited).length).toBeGreaterThan(10);
    expect(calls.filter((c) => !c.rateLimited).length).toBeGreaterThanOrEqual(3);
    expect(maxPerSecond(calls)).toBe(2);
  });

  it('counts getAccessToken toward the account QPS', async () => {
    const account = s.control.createAccount({ qps: 1 });
    const token = await login(s, account.apiKey);
    const next = await call(s, 'GET', '/setting/get', { token });
    expect(next.status).toBe(429);
    const ledger = s.control.ledger({ kind: 'call', openId: account.openId }) as CallEntry[];
    expect(ledger.map((e) => [e.path, e.rateLimited])).toEqual([
      ['/authentication/getAccessToken', false],
      ['/setting/get', true],
    ]);
  });

});

describe('daily quota', () => {
  it('answers 429 + 1600201 past the quota of one endpoint, per simulated day', async () => {
    const q = await sim({ catalogueSize: 20, dailyQuota: 3 });
    try {
      const a = await newAccount(q, { qps: 100 });
      for (let i = 0; i < 3; i++) expect((await call(q, 'GET', '/product/getCategory', { token: a.token })).status).toBe(200);
      const over = await call(q, 'GET', '/product/getCategory', { token: a.token });
      expect(over.status).toBe(429);
      expect(JSON.parse(over.text)).toEqual({ code: 1600201, message: 'Quota has been used up' });
      expect((await call(q, 'GET', '/product/globalWarehouseList', { token: a.token })).status).toBe(200);
      const setting = await call(q, 'GET', '/setting/get', { token: a.token });
      expect(setting.body.data.setting.quotaLimits).toContainEqual({ quotaUrl: '/api2.0/v1/product/getCategory', quotaLimit: 3, quotaType: 4 });
      await q.control.advanceClock({ days: 1 });
      expect((await call(q, 'GET', '/product/getCategory', { token: a.token })).status).toBe(200);
    } finally {
      await q.close();
    }
  });
});
