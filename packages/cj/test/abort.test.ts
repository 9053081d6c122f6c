import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CjTransportError, CjUnknownOutcomeError, InProcessRateLimiter, systemClock } from '../src/index.js';
import { FakeCj, ok, tokenReply } from './helpers/fake-cj.js';
import { ORDER } from './helpers/fixtures.js';
import { makeClient } from './helpers/setup.js';

const BALANCE = '/shopping/pay/getBalance';
const isAbort = (e: unknown) => e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError');

let fake: FakeCj;
beforeEach(async () => {
  fake = await new FakeCj().start();
});
afterEach(() => fake.stop());

describe('cancellation and timeouts', () => {
  it('an aborted signal cancels a read in flight, promptly, without retrying', async () => {
    const ac = new AbortController();
    // Abort once the request is provably at the server.
    fake.on('GET', BALANCE, () => {
      setTimeout(() => ac.abort(), 20);
      return { body: { code: 200, result: true, data: {} }, delayMs: 2000 };
    });
    const { cj } = await makeClient(fake);
    const started = performance.now();
    const err = await cj.pay.balance({ signal: ac.signal }).catch((e: unknown) => e);
    expect(isAbort(err)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(fake.hits(BALANCE)).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    const { cj } = await makeClient(fake);
    const err = await cj.pay.balance({ signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(isAbort(err)).toBe(true);
    expect(fake.seen).toHaveLength(0);
  });

  it('aborting while queued in the rate limiter sends nothing', async () => {
    fake.on('GET', BALANCE, ok({}));
    const limiter = new InProcessRateLimiter();
    const { cj } = await makeClient(fake, { limiter, qps: 1, clock: systemClock });
    await cj.pay.balance(); // takes the slot; the next one is ~1.1 s away
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const started = performance.now();
    const err = await cj.pay.balance({ signal: ac.signal }).catch((e: unknown) => e);
    expect(isAbort(err)).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
    expect(fake.hits(BALANCE)).toHaveLength(1);
  });

  it('aborting during back-off stops the retries', async () => {
    const ac = new AbortController();
    fake.on('GET', BALANCE, () => {
      setTimeout(() => ac.abort(), 30); // by then the client is sleeping before its retry
      return { status: 500, body: 'x' };
    });
    const { cj } = await makeClient(fake, { clock: systemClock, retry: { maxAttempts: 5, baseDelayMs: 5000, maxDelayMs: 5000 } });
    const started = performance.now();
    const err = await cj.pay.balance({ signal: ac.signal }).catch((e: unknown) => e);
    expect(isAbort(err)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(fake.hits(BALANCE)).toHaveLength(1);
  });

  it('aborting a write in flight is an unknown outcome, not a plain abort', async () => {
    const ac = new AbortController();
    fake.on('POST', '/shopping/order/createOrderV2', () => {
      setTimeout(() => ac.abort(), 20);
      return { body: { code: 200, result: true, data: {} }, delayMs: 1000 };
    });
    const { cj } = await makeClient(fake);
    const err = await cj.orders.createV2(ORDER, { signal: ac.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjUnknownOutcomeError);
    expect((err as CjUnknownOutcomeError).reason).toBe('aborted');
  });

  it('a per-call timeoutMs overrides the client default', async () => {
    fake.on('GET', BALANCE, { hang: true });
    const { cj } = await makeClient(fake, { timeoutMs: 60_000, retry: { maxAttempts: 1 } });
    const started = performance.now();
    const err = await cj.pay.balance({ timeoutMs: 80 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjTransportError);
    expect(err).toMatchObject({ transportCode: 'TIMEOUT' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a caller giving up on a shared authentication does not fail the others', async () => {
    fake.on('POST', '/authentication/getAccessToken', async () => {
      await new Promise((r) => setTimeout(r, 150));
      return tokenReply(Date.now());
    });
    fake.on('GET', BALANCE, ok({ amount: 2 }));
    const { cj } = await makeClient(fake, { seedToken: false, clock: systemClock });
    const ac = new AbortController();
    const quitter = cj.pay.balance({ signal: ac.signal }).catch((e: unknown) => e);
    const patient = cj.pay.balance();
    setTimeout(() => ac.abort(), 30);
    expect(isAbort(await quitter)).toBe(true);
    await expect(patient).resolves.toMatchObject({ amount: '2.00' });
    expect(fake.hits('/authentication/getAccessToken')).toHaveLength(1);
    expect(fake.hits(BALANCE)).toHaveLength(1);
  });
});
