import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CjBusinessError,
  CjRateLimitedError,
  CjResponseSchemaError,
  CjServerError,
  CjTransportError,
  CjUnknownOutcomeError,
} from '../src/index.js';
import { FakeClock } from './helpers/clock.js';
import { FakeCj, RATE_LIMITED, type Reply, fail, ok } from './helpers/fake-cj.js';
import { ORDER } from './helpers/fixtures.js';
import { makeClient } from './helpers/setup.js';

const CREATE = '/shopping/order/createOrderV2';
const BALANCE = '/shopping/pay/getBalance';
const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

let fake: FakeCj;
beforeEach(async () => {
  await fake?.stop();
  fake = await new FakeCj().start();
});
afterAll(() => fake.stop());

describe('reads are retried on transient failures', () => {
  const transient: [string, Reply][] = [
    ['HTTP 500 HTML', { status: 500, body: '<html>oops</html>' }],
    ['HTTP 503 JSON without code', { status: 503, body: { error: 'unavailable' } }],
    ['CJ 1600000 System busy', fail(1600000, 'System busy')],
    ['CJ 1600301 Read timed out', fail(1600301, 'Read timed out')],
    ['a 200 that is not JSON', { body: 'not json' }],
    ['a dropped socket', { drop: true }],
    // Timeout 1 s against a 3 s delay: a loaded machine's slow second answer is not a second timeout.
    ['a timeout', { body: { code: 200, result: true, data: {} }, delayMs: 3_000 }],
    ['429 without result', RATE_LIMITED],
  ];
  it.each(transient)('%s → retried, then succeeds', async (_name, first) => {
    fake.on('GET', BALANCE, [first, ok({ amount: '10' })]);
    const { cj } = await makeClient(fake, { timeoutMs: 1_000 });
    await expect(cj.pay.balance()).resolves.toMatchObject({ amount: '10.00' });
    expect(fake.hits(BALANCE)).toHaveLength(2);
  });

  it('gives up after maxAttempts with the last error', async () => {
    fake.on('GET', BALANCE, { status: 500, body: 'x' });
    const { cj } = await makeClient(fake, { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(cj.pay.balance()).rejects.toBeInstanceOf(CjServerError);
    expect(fake.hits(BALANCE)).toHaveLength(3);
  });

  it('read-only POSTs (freightCalculate, freightCalculateTip, disputeConfirmInfo, sourcing/query) are retried', async () => {
    fake.on('POST', '/logistic/freightCalculate', [{ drop: true }, ok([{ logisticName: 'A' }])]);
    fake.on('POST', '/logistic/freightCalculateTip', [{ status: 502, body: '' }, ok([])]);
    fake.on('POST', '/disputes/disputeConfirmInfo', [fail(1600000), ok({})]);
    fake.on('POST', '/product/sourcing/query', [{ status: 500, body: 'x' }, ok([])]);
    const { cj } = await makeClient(fake);
    await cj.logistic.freightCalculate({ startCountryCode: 'CN', endCountryCode: 'US', products: [] });
    await cj.logistic.freightCalculateTip({ reqDTOS: [] });
    await cj.disputes.confirmInfo({ orderId: 'O', productInfoList: [] });
    await cj.sourcing.query(['1']);
    for (const p of ['/logistic/freightCalculate', '/logistic/freightCalculateTip', '/disputes/disputeConfirmInfo', '/product/sourcing/query']) {
      expect(fake.hits(p)).toHaveLength(2);
    }
  });

  it('definite answers are not retried: business errors, quota, schema mismatches', async () => {
    fake.on('GET', BALANCE, fail(1603001));
    fake.on('GET', '/setting/get', fail(1600201, 'Quota has been used up'));
    fake.on('GET', '/warehouse/detail', ok({ name: 'no id' }));
    const { cj } = await makeClient(fake);
    await expect(cj.pay.balance()).rejects.toBeInstanceOf(CjBusinessError);
    await expect(cj.setting.get()).rejects.toMatchObject({ kind: 'quota' });
    await expect(cj.warehouse.detail('W')).rejects.toBeInstanceOf(CjResponseSchemaError);
    expect(fake.hits(BALANCE)).toHaveLength(1);
    expect(fake.hits('/setting/get')).toHaveLength(1);
    expect(fake.hits('/warehouse/detail')).toHaveLength(1);
  });

  it('waits at least one QPS interval after a 429', async () => {
    fake.on('GET', BALANCE, [RATE_LIMITED, RATE_LIMITED, ok({})]);
    const clock = new FakeClock();
    const { cj } = await makeClient(fake, { clock, qps: 2 });
    await cj.pay.balance();
    expect(clock.sleeps).toHaveLength(2);
    for (const d of clock.sleeps) expect(d).toBeGreaterThanOrEqual(500);
  });

  it('back-off grows and is capped by maxDelayMs', async () => {
    fake.on('GET', BALANCE, { status: 500, body: 'x' });
    const clock = new FakeClock();
    const { cj } = await makeClient(fake, { clock, retry: { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 800 }, breaker: { consecutiveFailures: 100 } });
    await expect(cj.pay.balance()).rejects.toBeInstanceOf(CjServerError);
    expect(clock.sleeps).toHaveLength(5);
    // n-th delay within [c/2, c) where c = min(800, 100·2ⁿ).
    clock.sleeps.forEach((d, n) => {
      expect(d).toBeGreaterThanOrEqual(Math.min(800, 100 * 2 ** n) / 2);
      expect(d).toBeLessThanOrEqual(Math.min(800, 100 * 2 ** n));
    });
  });
});

describe('non-idempotent calls are never resent blindly', () => {
  async function expectUnknownOutcome(reply: Reply, reason: string, opts: { timeoutMs?: number } = {}): Promise<CjUnknownOutcomeError> {
    fake.on('POST', CREATE, reply);
    const { cj, events } = await makeClient(fake, opts);
    const err = await cj.orders.createV2(ORDER).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjUnknownOutcomeError);
    const u = err as CjUnknownOutcomeError;
    expect(u.reason).toBe(reason);
    expect(u.endpoint).toBe(CREATE);
    expect(u.businessKey).toEqual({ orderNumber: 'LOJ-1001' });
    expect(u.reconcile).toMatch(/orders\.detail\(orderNumber\)/);
    expect(events.filter((e) => e.type === 'call').at(-1)).toMatchObject({ outcome: 'unknown_outcome' });
    // Give a (wrong) resend every chance to arrive before counting.
    await settle(reply && 'delayMs' in reply ? (reply.delayMs ?? 0) + 100 : 150);
    expect(fake.hits(CREATE)).toHaveLength(1);
    return u;
  }

  it('createOrderV2 timeout → CjUnknownOutcomeError, exactly one request reached CJ', async () => {
    await expectUnknownOutcome({ body: { code: 200, result: true, data: { orderId: 'O1' } }, delayMs: 300 }, 'timeout', { timeoutMs: 100 });
  });

  it('socket dropped after the request was sent → unknown outcome, no resend', async () => {
    await expectUnknownOutcome({ drop: true }, 'connection_lost');
  });

  it('HTTP 502 → unknown outcome', async () => {
    const u = await expectUnknownOutcome({ status: 502, body: '<html>bad gateway</html>' }, 'server_error');
    expect(u.httpStatus).toBe(502);
  });

  it('CJ 1600000 → unknown outcome carrying the code', async () => {
    const u = await expectUnknownOutcome(fail(1600000, 'System busy'), 'server_error');
    expect(u.code).toBe(1600000);
  });

  it('a 200 whose body is not JSON → unknown outcome', async () => {
    await expectUnknownOutcome({ body: '{"code":200,"result":tr' }, 'bad_response');
  });

  it.each([
    ['payBalance', '/shopping/pay/payBalance', { orderId: 'O1' }],
    ['payBalanceV2', '/shopping/pay/payBalanceV2', { shipmentOrderId: 'S1', payId: 'P1' }],
    ['disputes.create', '/disputes/create', { businessDisputeId: 'B1', orderId: 'O1' }],
    ['confirm', '/shopping/order/confirmOrder', { orderId: 'O1' }],
    ['saveGenerateParentOrder', '/shopping/order/saveGenerateParentOrder', { shipmentOrderId: 'S1' }],
  ])('%s on a dropped socket → unknown outcome with its business key, one request', async (name, path, key) => {
    const method = path.endsWith('confirmOrder') ? 'PATCH' : 'POST';
    fake.on(method, path, { drop: true });
    const { cj } = await makeClient(fake);
    const calls: Record<string, () => Promise<unknown>> = {
      payBalance: () => cj.pay.payBalance('O1'),
      payBalanceV2: () => cj.pay.payBalanceV2({ shipmentOrderId: 'S1', payId: 'P1' }),
      'disputes.create': () =>
        cj.disputes.create({ businessDisputeId: 'B1', orderId: 'O1', disputeReasonId: 1, expectType: 1, refundType: 1, messageText: 'x', productInfoList: [] }),
      confirm: () => cj.orders.confirm('O1'),
      saveGenerateParentOrder: () => cj.orders.saveGenerateParentOrder('S1'),
    };
    const err = await calls[name]!().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjUnknownOutcomeError);
    expect((err as CjUnknownOutcomeError).businessKey).toEqual(key);
    await settle();
    expect(fake.hits(path)).toHaveLength(1);
  });

  it('429 on a write is retried: CJ refused it, so nothing happened', async () => {
    fake.on('POST', CREATE, [RATE_LIMITED, ok({ orderId: 'O1' })]);
    const { cj } = await makeClient(fake);
    await expect(cj.orders.createV2(ORDER)).resolves.toMatchObject({ orderId: 'O1' });
    expect(fake.hits(CREATE)).toHaveLength(2);
  });

  it('ECONNREFUSED (never sent) is retried for a write', async () => {
    // CJ is down at first; it comes back while the client backs off.
    const port = fake.port;
    await fake.stop();
    const revived = new FakeCj();
    revived.port = port; // the client's baseUrl points here before anything listens
    let listening = false;
    revived.on('POST', CREATE, ok({ orderId: 'O-after-refusal' }));
    const clock = new (class extends FakeClock {
      override async sleep(ms: number, signal?: AbortSignal): Promise<void> {
        if (!listening) {
          listening = true;
          await revived.start(port);
        }
        return super.sleep(ms, signal);
      }
    })();
    try {
      const { cj, events } = await makeClient(revived, { clock });
      await expect(cj.orders.createV2(ORDER)).resolves.toMatchObject({ orderId: 'O-after-refusal' });
      expect(revived.hits(CREATE)).toHaveLength(1);
      expect(events.filter((e) => e.type === 'call').map((e) => e.type === 'call' && e.outcome)).toEqual(['transport_error', 'ok']);
    } finally {
      await revived.stop();
    }
  });

  it('a write whose every attempt is refused surfaces CjTransportError(not_sent), never an unknown outcome', async () => {
    const port = fake.port;
    await fake.stop();
    const dead = new FakeCj();
    dead.port = port;
    const { cj } = await makeClient(dead, { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const err = await cj.orders.createV2(ORDER).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjTransportError);
    expect(err).toMatchObject({ phase: 'not_sent', transportCode: 'ECONNREFUSED' });
  });

  it('a read that times out surfaces CjTransportError(maybe_sent) after its retries', async () => {
    fake.on('GET', BALANCE, { hang: true });
    const { cj } = await makeClient(fake, { timeoutMs: 50, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    const err = await cj.pay.balance().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjTransportError);
    expect(err).toMatchObject({ phase: 'maybe_sent', transportCode: 'TIMEOUT' });
    expect(fake.hits(BALANCE)).toHaveLength(2);
  });

  it('rate-limited errors on writes give up after maxAttempts as CjRateLimitedError', async () => {
    fake.on('POST', CREATE, RATE_LIMITED);
    const { cj } = await makeClient(fake, { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(cj.orders.createV2(ORDER)).rejects.toBeInstanceOf(CjRateLimitedError);
    expect(fake.hits(CREATE)).toHaveLength(3);
  });
});
