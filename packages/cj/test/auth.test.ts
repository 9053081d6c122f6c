import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CjAuthCooldownError, CjAuthError, CjRateLimitedError, CjUnknownOutcomeError, CjValidationError, FileTokenStore, MemoryTokenStore } from '../src/index.js';
import { ORDER } from './helpers/fixtures.js';
import { FakeClock } from './helpers/clock.js';
import { FakeCj, RATE_LIMITED, fail, ok, tokenReply } from './helpers/fake-cj.js';
import { makeClient } from './helpers/setup.js';

const GET_TOKEN = '/authentication/getAccessToken';
const REFRESH = '/authentication/refreshAccessToken';
const SETTING = '/setting/get';
const MIN = 60_000;

let fake: FakeCj;
let clock: FakeClock;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cj-auth-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeEach(async () => {
  // A fresh server per test so request counts are this test's alone.
  fake = await new FakeCj().start();
  clock = new FakeClock();
  fake.on('POST', GET_TOKEN, () => tokenReply(clock.now()));
  fake.on('POST', REFRESH, () => tokenReply(clock.now(), { withOpenId: false }));
  fake.on('GET', SETTING, ok({ openName: 'Loja' }));
});
afterEach(() => fake.stop());

describe('obtaining and persisting tokens', () => {
  it('calls getAccessToken once with {apiKey}, persists openId (exact), expiries (ms) and the call time, then reuses the token', async () => {
    fake.on('POST', GET_TOKEN, {
      body: `{"code":200,"result":true,"message":"Success","requestId":"r","data":{"openId":1234567890123456789,"accessToken":"acc-A","accessTokenExpiryDate":"2026-01-30T20:00:00+08:00","refreshToken":"ref-A","refreshTokenExpiryDate":"2026-07-14T20:00:00+08:00","createDate":"2026-01-15T20:00:00+08:00"}}`,
    });
    const { cj, store, accountId } = await makeClient(fake, { clock, seedToken: false });
    await cj.setting.get();
    await cj.setting.get();
    expect(fake.hits(GET_TOKEN)).toHaveLength(1);
    const auth = fake.hits(GET_TOKEN)[0]!;
    expect(JSON.parse(auth.body)).toEqual({ apiKey: 'CJ1234567@api@0123456789abcdef0123456789abcdef' });
    expect(auth.headers['cj-access-token']).toBeUndefined();
    expect(fake.hits(SETTING).map((s) => s.headers['cj-access-token'])).toEqual(['acc-A', 'acc-A']);
    expect(await store.load(accountId)).toMatchObject({
      openId: '1234567890123456789',
      accessToken: 'acc-A',
      accessTokenExpiresAt: Date.parse('2026-01-30T12:00:00Z'),
      refreshToken: 'ref-A',
      refreshTokenExpiresAt: Date.parse('2026-07-14T12:00:00Z'),
      lastGetAccessTokenAt: clock.now(),
    });
    await expect(cj.auth.openId()).resolves.toBe('1234567890123456789');
  });

  it('a new client on the same store (a restart) reuses the stored token without authenticating', async () => {
    const store = new FileTokenStore(join(dir, 'reuse'));
    const a = await makeClient(fake, { clock, seedToken: false, tokenStore: store, accountId: 'acct-reuse' });
    await a.cj.setting.get();
    const b = await makeClient(fake, { clock, seedToken: false, tokenStore: new FileTokenStore(join(dir, 'reuse')), accountId: 'acct-reuse' });
    await b.cj.setting.get();
    expect(fake.hits(GET_TOKEN)).toHaveLength(1);
    const tokens = fake.hits(SETTING).map((s) => s.headers['cj-access-token']);
    expect(tokens[0]).toBe(tokens[1]);
  });
});

describe('refresh before expiry', () => {
  it('refreshes when less than 1 h is left and keeps the rotated refresh token', async () => {
    const { cj, store, accountId } = await makeClient(fake, { clock, seedToken: false });
    await store.save(accountId, { accessToken: 'old', accessTokenExpiresAt: clock.now() + 30 * MIN, refreshToken: 'ref-old', refreshTokenExpiresAt: clock.now() + 100 * 86_400_000 });
    await cj.setting.get();
    expect(fake.hits(GET_TOKEN)).toHaveLength(0);
    expect(fake.hits(REFRESH)).toHaveLength(1);
    expect(JSON.parse(fake.hits(REFRESH)[0]!.body)).toEqual({ refreshToken: 'ref-old' });
    const rec = await store.load(accountId);
    expect(rec?.accessToken).toMatch(/^access-/);
    expect(rec?.refreshToken).toMatch(/^refresh-/);
    expect(fake.hits(SETTING)[0]!.headers['cj-access-token']).toBe(rec?.accessToken);
  });

  it('honours a configured skew', async () => {
    const { cj, store, accountId } = await makeClient(fake, { clock, seedToken: false, auth: { refreshBeforeExpiryMs: 10 * MIN } });
    await store.save(accountId, { accessToken: 'old', accessTokenExpiresAt: clock.now() + 30 * MIN, refreshToken: 'r' });
    await cj.setting.get();
    expect(fake.hits(REFRESH)).toHaveLength(0);
    expect(fake.hits(SETTING)[0]!.headers['cj-access-token']).toBe('old');
  });

  it('a failed refresh keeps using the still-valid token', async () => {
    fake.on('POST', REFRESH, { status: 503, body: 'down' });
    const { cj, store, accountId } = await makeClient(fake, { clock, seedToken: false, retry: { maxAttempts: 1 } });
    await store.save(accountId, { accessToken: 'old', accessTokenExpiresAt: clock.now() + 30 * MIN, refreshToken: 'r' });
    await cj.setting.get();
    expect(fake.hits(SETTING)[0]!.headers['cj-access-token']).toBe('old');
  });

  it('single-flight: 10 concurrent callers share one refresh', async () => {
    fake.on('POST', REFRESH, async () => {
      await new Promise((r) => setTimeout(r, 30));
      return tokenReply(clock.now(), { withOpenId: false });
    });
    const { cj, store, accountId } = await makeClient(fake, { clock, seedToken: false });
    await store.save(accountId, { accessToken: 'old', accessTokenExpiresAt: clock.now() + 30 * MIN, refreshToken: 'r' });
    await Promise.all(Array.from({ length: 10 }, () => cj.setting.get()));
    expect(fake.hits(REFRESH)).toHaveLength(1);
    expect(new Set(fake.hits(SETTING).map((s) => s.headers['cj-access-token'])).size).toBe(1);
  });

  it('refreshAccessToken at most 5 per minute', async () => {
    const { cj } = await makeClient(fake, { clock });
    for (let i = 0; i < 5; i++) await cj.auth.refreshAccessToken();
    const err = await cj.auth.refreshAccessToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjAuthCooldownError);
    expect((err as CjAuthCooldownError).retryAfterMs).toBeGreaterThan(0);
    expect(fake.hits(REFRESH)).toHaveLength(5);
    clock.advance(MIN);
    await cj.auth.refreshAccessToken();
    expect(fake.hits(REFRESH)).toHaveLength(6);
  });
});

describe('re-authentication only on token codes', () => {
  it('1600001 → renew the token and retry the call once (it was not processed)', async () => {
    fake.on('GET', SETTING, [fail(1600001, 'Invalid API key or access token'), ok({ openName: 'Loja' })]);
    const { cj } = await makeClient(fake, { clock });
    await expect(cj.setting.get()).resolves.toMatchObject({ openName: 'Loja' });
    expect(fake.hits(REFRESH)).toHaveLength(1);
    expect(fake.hits(GET_TOKEN)).toHaveLength(0);
    const calls = fake.hits(SETTING);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.headers['cj-access-token']).toBe('seed-access');
    expect(calls[1]!.headers['cj-access-token']).toMatch(/^access-/);
  });

  it('also for a write: createOrderV2 rejected with 1600001 is resent once with the new token', async () => {
    fake.on('POST', '/shopping/order/createOrderV2', [fail(1600001), ok({ orderId: 'O1' })]);
    const { cj } = await makeClient(fake, { clock });
    await expect(cj.orders.createV2(ORDER)).resolves.toMatchObject({ orderId: 'O1' });
    expect(fake.hits('/shopping/order/createOrderV2')).toHaveLength(2);
  });

  it('a second 1600001 after re-auth is thrown as CjAuthError (no loop)', async () => {
    fake.on('GET', SETTING, fail(1600001));
    const { cj } = await makeClient(fake, { clock });
    const err = await cj.setting.get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjAuthError);
    expect(fake.hits(SETTING)).toHaveLength(2);
  });

  it.each([
    [1600100, CjValidationError],
    [1600101, CjValidationError],
    [1600300, CjValidationError],
  ])('%i never triggers authentication', async (code, ctor) => {
    fake.on('GET', SETTING, fail(code));
    const { cj } = await makeClient(fake, { clock });
    await expect(cj.setting.get()).rejects.toBeInstanceOf(ctor);
    expect(fake.hits(GET_TOKEN).length + fake.hits(REFRESH).length).toBe(0);
    expect(fake.hits(SETTING)).toHaveLength(1);
  });

  it('429/1600200 never triggers authentication', async () => {
    fake.on('GET', SETTING, RATE_LIMITED);
    const { cj } = await makeClient(fake, { clock, retry: { maxAttempts: 2 } });
    await expect(cj.setting.get()).rejects.toBeInstanceOf(CjRateLimitedError);
    expect(fake.hits(GET_TOKEN).length + fake.hits(REFRESH).length).toBe(0);
  });

  it('refresh answered 1600003 → a new getAccessToken (cooldown permitting)', async () => {
    fake.on('GET', SETTING, [fail(1600001), ok({})]);
    fake.on('POST', REFRESH, fail(1600003, 'Invalid Refresh token'));
    const { cj } = await makeClient(fake, { clock });
    await cj.setting.get();
    expect(fake.hits(REFRESH)).toHaveLength(1);
    expect(fake.hits(GET_TOKEN)).toHaveLength(1);
  });
});

describe('at most one getAccessToken per 5 minutes per account', () => {
  it('holds across a restart (new client, same FileTokenStore): refused locally with retryAfterMs, allowed after 5 min', async () => {
    const path = join(dir, 'cooldown');
    const a = await makeClient(fake, { clock, seedToken: false, tokenStore: new FileTokenStore(path), accountId: 'acct-cd' });
    await a.cj.setting.get();
    expect(fake.hits(GET_TOKEN)).toHaveLength(1);

    // One minute later a new process starts; CJ now rejects both tokens.
    clock.advance(MIN);
    fake.on('GET', SETTING, fail(1600001));
    fake.on('POST', REFRESH, fail(1600003));
    const b = await makeClient(fake, { clock, seedToken: false, tokenStore: new FileTokenStore(path), accountId: 'acct-cd' });
    const err = await b.cj.setting.get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjAuthCooldownError);
    expect((err as CjAuthCooldownError).retryAfterMs).toBe(4 * MIN);
    expect(fake.hits(GET_TOKEN)).toHaveLength(1);

    // Still refused just before the window ends, even when forced.
    clock.advance(4 * MIN - 1);
    await expect(b.cj.auth.getAccessToken()).rejects.toBeInstanceOf(CjAuthCooldownError);
    expect(fake.hits(GET_TOKEN)).toHaveLength(1);

    clock.advance(1);
    fake.on('GET', SETTING, ok({}));
    await b.cj.setting.get();
    expect(fake.hits(GET_TOKEN)).toHaveLength(2);
  });

  it('single-flight: 20 concurrent first calls share one getAccessToken', async () => {
    fake.on('POST', GET_TOKEN, async () => {
      await new Promise((r) => setTimeout(r, 50));
      return tokenReply(clock.now());
    });
    const { cj } = await makeClient(fake, { clock, seedToken: false });
    await Promise.all(Array.from({ length: 20 }, () => cj.setting.get()));
    expect(fake.hits(GET_TOKEN)).toHaveLength(1);
    expect(fake.hits(SETTING)).toHaveLength(20);
  });

  it('clients sharing a store share the in-flight authentication', async () => {
    const store = new MemoryTokenStore();
    const a = await makeClient(fake, { clock, seedToken: false, tokenStore: store, accountId: 'acct-share' });
    const b = await makeClient(fake, { clock, seedToken: false, tokenStore: store, accountId: 'acct-share' });
    await Promise.all([a.cj.setting.get(), b.cj.setting.get(), a.cj.setting.get(), b.cj.setting.get()]);
    expect(fake.hits(GET_TOKEN)).toHaveLength(1);
  });

  it('a 429 on getAccessToken becomes CjAuthCooldownError and is not retried', async () => {
    fake.on('POST', GET_TOKEN, RATE_LIMITED);
    const { cj } = await makeClient(fake, { clock, seedToken: false });
    const err = await cj.setting.get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjAuthCooldownError);
    expect((err as CjAuthCooldownError).retryAfterMs).toBe(5 * MIN);
    expect(fake.hits(GET_TOKEN)).toHaveLength(1);
    expect(fake.hits(SETTING)).toHaveLength(0);
  });

  it('the attempt is recorded before it is sent: a timed-out getAccessToken still starts the window, and the caller’s write is not sent', async () => {
    fake.on('POST', GET_TOKEN, { hang: true });
    const { cj, store, accountId } = await makeClient(fake, { clock, seedToken: false, timeoutMs: 100 });
    const err = await cj.orders.createV2(ORDER).catch((e: unknown) => e);
    // An auth failure, not an unknown outcome of the order: the order was never sent.
    expect(err).toBeInstanceOf(CjAuthError);
    expect(err).not.toBeInstanceOf(CjUnknownOutcomeError);
    expect(fake.hits('/shopping/order/createOrderV2')).toHaveLength(0);
    expect((await store.load(accountId))?.lastGetAccessTokenAt).toBe(clock.now());
    await expect(cj.setting.get()).rejects.toBeInstanceOf(CjAuthCooldownError);
    expect(fake.hits(GET_TOKEN)).toHaveLength(1);
  });

  it('a getAccessToken that provably never left (ECONNREFUSED) does not use up the window', async () => {
    let refuse = true;
    const refusingFetch: typeof fetch = (input, init) => {
      if (refuse && String(input).includes(GET_TOKEN)) {
        const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
        return Promise.reject(new TypeError('fetch failed', { cause }));
      }
      return fetch(input, init);
    };
    const { cj, store, accountId } = await makeClient(fake, { clock, seedToken: false, fetch: refusingFetch, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(cj.setting.get()).rejects.toBeInstanceOf(CjAuthError);
    expect((await store.load(accountId))?.lastGetAccessTokenAt).toBeUndefined();
    refuse = false;
    await cj.setting.get();
    expect(fake.hits(GET_TOKEN)).toHaveLength(1);
  });

  it('logout drops both tokens; a new token inside the window is refused without calling CJ', async () => {
    fake.on('POST', '/authentication/logout', ok(true));
    const { cj, store, accountId } = await makeClient(fake, { clock, seedToken: false });
    await cj.setting.get();
    await expect(cj.auth.logout()).resolves.toBe(true);
    expect(fake.hits('/authentication/logout')[0]!.headers['cj-access-token']).toMatch(/^access-/);
    const rec = await store.load(accountId);
    expect(rec?.accessToken).toBeUndefined();
    expect(rec?.refreshToken).toBeUndefined();
    expect(rec?.openId).toBe('123456789');
    clock.advance(2 * MIN);
    const err = await cj.setting.get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjAuthCooldownError);
    expect((err as CjAuthCooldownError).retryAfterMs).toBe(3 * MIN);
    expect(fake.hits(GET_TOKEN)).toHaveLength(1);
  });
});

describe('logout edge cases', () => {
  it('a logout answered with 1600001 is not retried with a renewed token', async () => {
    fake.on('POST', '/authentication/logout', fail(1600001));
    const { cj } = await makeClient(fake, { clock });
    await expect(cj.auth.logout()).rejects.toBeInstanceOf(CjAuthError);
    expect(fake.hits('/authentication/logout')).toHaveLength(1);
    expect(fake.hits(GET_TOKEN).length + fake.hits(REFRESH).length).toBe(0);
  });

  it('with no usable token, logout only forgets what is stored', async () => {
    const { cj, store, accountId } = await makeClient(fake, { clock, seedToken: false });
    await store.save(accountId, { accessToken: 'expired', accessTokenExpiresAt: clock.now() - 1, refreshToken: 'r' });
    await expect(cj.auth.logout()).resolves.toBe(true);
    expect(fake.seen).toHaveLength(0);
    expect((await store.load(accountId))?.refreshToken).toBeUndefined();
  });
});
