import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CjCallEvent, type CjLogger } from '../src/index.js';
import { FakeCj, RATE_LIMITED, fail, ok } from './helpers/fake-cj.js';
import { ORDER } from './helpers/fixtures.js';
import { makeClient } from './helpers/setup.js';

const fake = new FakeCj();
beforeAll(() => fake.start());
afterAll(() => fake.stop());

const calls = (events: unknown[]) => events.filter((e): e is CjCallEvent => (e as CjCallEvent).type === 'call');

describe('observer', () => {
  it('reports every attempt with endpoint, method, outcome, code, status and attempt number', async () => {
    fake.on('GET', '/shopping/pay/getBalance', [{ status: 500, body: 'x' }, RATE_LIMITED, ok({}, { requestId: 'req-9' })]);
    const { cj, events, accountId } = await makeClient(fake);
    await cj.pay.balance();
    const ev = calls(events);
    expect(ev.map((e) => [e.outcome, e.attempt, e.httpStatus, e.cjCode])).toEqual([
      ['transport_error', 1, 500, undefined],
      ['rate_limited', 2, 429, 1600200],
      ['ok', 3, 200, 200],
    ]);
    for (const e of ev) {
      expect(e).toMatchObject({ accountId, endpoint: '/shopping/pay/getBalance', method: 'GET' });
      expect(e.durationMs).toBeGreaterThanOrEqual(0);
      expect(e.queuedMs).toBeGreaterThanOrEqual(0);
    }
    expect(ev.at(-1)?.requestId).toBe('req-9');
  });

  it('cj_error and unknown_outcome', async () => {
    fake.on('POST', '/shopping/order/createOrderV2', [fail(1603003), { drop: true }]);
    const { cj, events } = await makeClient(fake);
    await cj.orders.createV2(ORDER).catch(() => undefined);
    await cj.orders.createV2(ORDER).catch(() => undefined);
    expect(calls(events).map((e) => [e.outcome, e.cjCode])).toEqual([
      ['cj_error', 1603003],
      ['unknown_outcome', undefined],
    ]);
  });

  it('a throwing observer never breaks a call; retries are logged', async () => {
    fake.on('GET', '/setting/get', [{ status: 503, body: '' }, ok({})]);
    const warnings: object[] = [];
    const logger: CjLogger = { debug() {}, info() {}, warn: (o) => warnings.push(o), error() {} };
    const { cj } = await makeClient(fake, {
      logger,
      observer: () => {
        throw new Error('metrics are down');
      },
    });
    await expect(cj.setting.get()).resolves.toBeDefined();
    expect(warnings[0]).toMatchObject({ endpoint: '/setting/get', attempt: 1 });
  });
});
