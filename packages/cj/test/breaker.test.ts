import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CjCircuitOpenError, CjDuplicateOrderError, CjRateLimitedError, CjServerError, CjUnknownOutcomeError, type CjEvent } from '../src/index.js';
import { FakeCj, RATE_LIMITED, fail, ok } from './helpers/fake-cj.js';
import { ORDER } from './helpers/fixtures.js';
import { makeClient } from './helpers/setup.js';

const BALANCE = '/shopping/pay/getBalance';
const breakerStates = (events: CjEvent[]) => events.flatMap((e) => (e.type === 'breaker' ? [e.state] : []));

let fake: FakeCj;
beforeEach(async () => {
  fake = await new FakeCj().start();
});
afterEach(() => fake.stop());

describe('circuit breaker per account', () => {
  it('opens after N consecutive server failures, fails fast without sending, then recovers through half-open', async () => {
    fake.on('GET', BALANCE, { status: 500, body: 'down' });
    const { cj, events } = await makeClient(fake, { retry: { maxAttempts: 1 }, breaker: { consecutiveFailures: 3, halfOpenAfterMs: 150 } });
    for (let i = 0; i < 3; i++) await expect(cj.pay.balance()).rejects.toBeInstanceOf(CjServerError);
    expect(breakerStates(events)).toEqual(['open']);

    const err = await cj.pay.balance().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjCircuitOpenError);
    expect(fake.hits(BALANCE)).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ type: 'call', outcome: 'circuit_open', endpoint: BALANCE });

    // Other endpoints of the same account fail fast too.
    await expect(cj.setting.get()).rejects.toBeInstanceOf(CjCircuitOpenError);

    await new Promise((r) => setTimeout(r, 200));
    fake.on('GET', BALANCE, ok({ amount: 1 }));
    await expect(cj.pay.balance()).resolves.toMatchObject({ amount: '1.00' });
    expect(breakerStates(events)).toEqual(['open', 'half_open', 'closed']);
    await expect(cj.pay.balance()).resolves.toBeDefined();
  });

  it('a failed trial call re-opens it', async () => {
    fake.on('GET', BALANCE, { status: 500, body: 'down' });
    const { cj, events } = await makeClient(fake, { retry: { maxAttempts: 1 }, breaker: { consecutiveFailures: 2, halfOpenAfterMs: 100 } });
    await cj.pay.balance().catch(() => undefined);
    await cj.pay.balance().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 150));
    await expect(cj.pay.balance()).rejects.toBeInstanceOf(CjServerError);
    expect(breakerStates(events)).toEqual(['open', 'half_open', 'open']);
    await expect(cj.pay.balance()).rejects.toBeInstanceOf(CjCircuitOpenError);
  });

  it('unknown outcomes of writes count (CJ is failing) ', async () => {
    fake.on('POST', '/shopping/order/createOrderV2', { drop: true });
    const { cj, events } = await makeClient(fake, { breaker: { consecutiveFailures: 2, halfOpenAfterMs: 10_000 } });
    await expect(cj.orders.createV2(ORDER)).rejects.toBeInstanceOf(CjUnknownOutcomeError);
    await expect(cj.orders.createV2(ORDER)).rejects.toBeInstanceOf(CjUnknownOutcomeError);
    expect(breakerStates(events)).toEqual(['open']);
  });

  it('business errors and rate limiting do not count', async () => {
    fake.on('POST', '/shopping/order/createOrderV2', fail(1603003));
    fake.on('GET', BALANCE, RATE_LIMITED);
    const { cj, events } = await makeClient(fake, { retry: { maxAttempts: 1 }, breaker: { consecutiveFailures: 2, halfOpenAfterMs: 10_000 } });
    for (let i = 0; i < 4; i++) {
      await expect(cj.orders.createV2(ORDER)).rejects.toBeInstanceOf(CjDuplicateOrderError);
      await expect(cj.pay.balance()).rejects.toBeInstanceOf(CjRateLimitedError);
    }
    expect(breakerStates(events)).toEqual([]);
  });

  it('a success resets the consecutive count', async () => {
    fake.on('GET', BALANCE, [{ status: 500, body: 'x' }, ok({}), { status: 500, body: 'x' }, ok({}), { status: 500, body: 'x' }]);
    const { cj, events } = await makeClient(fake, { retry: { maxAttempts: 1 }, breaker: { consecutiveFailures: 2, halfOpenAfterMs: 10_000 } });
    for (let i = 0; i < 5; i++) await cj.pay.balance().catch(() => undefined);
    expect(breakerStates(events)).toEqual([]);
  });
});
