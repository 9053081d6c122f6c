// Contract: writes whose outcome is unknown (cj-api.md §9.12). The simulator's "commit-then-drop"
// fault processes a call fully and then destroys the socket: the order (or payment) exists, but the
// client never hears so. The client must say it does not know — never resend — and the lookup it
// names must find what happened. The ledger proves nothing happened twice.
import type { AccountView, RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CjBusinessError, CjDuplicateOrderError, CjNotFoundError, CjUnknownOutcomeError, type FreightOption } from '../../src/index.js';
import { apiCalls, cents, ledgerOf, makeClient, newAccount, orderBody, orderableProduct, startSim, type TestClient } from './helpers.js';

const CREATE = '/shopping/order/createOrderV2';
const PAY = '/shopping/pay/payBalance';

let sim: RunningSimulator;
let account: AccountView;
let t: TestClient;
let vid: string;
let line: FreightOption;

beforeAll(async () => {
  sim = await startSim();
  account = newAccount(sim, { balance: '2000.00' });
  t = makeClient(sim, account);
  vid = orderableProduct(sim).variants[0]!.vid;
  [line] = (await t.cj.logistic.freightCalculate({ startCountryCode: 'CN', endCountryCode: 'US', products: [{ vid, quantity: 1 }] })) as [FreightOption];
});

afterAll(async () => {
  await sim?.close();
});

describe('unknown outcomes are reported, reconciled by lookup, and never resent', () => {
  it('createOrderV2 committed but the response lost → CjUnknownOutcomeError; detail(orderNumber) finds the order; it was created exactly once', async () => {
    sim.control.addFaults({ path: CREATE, mode: 'commit-then-drop', times: 1, openId: account.openId });
    const err = await t.cj.orders.createV2(orderBody('UO-1', [{ vid, quantity: 1 }], line.logisticName, { payType: 3 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjUnknownOutcomeError);
    const unknown = err as CjUnknownOutcomeError;
    expect(unknown.reason).toBe('connection_lost');
    expect(unknown.endpoint).toBe(CREATE);
    expect(unknown.businessKey).toEqual({ orderNumber: 'UO-1' });
    expect(unknown.reconcile).toMatch(/orders\.detail\(orderNumber\)/);

    // Reconcile the way the error says: look the order up by our own number.
    const found = await t.cj.orders.detail('UO-1');
    expect(found.orderNumber).toBe('UO-1');
    expect(found.orderStatus).toBe('CREATED');
    expect(found.orderId).toBe(sim.control.getOrder('UO-1')!.cjOrderId);

    // Exactly once: one request reached the simulator (committed, socket dropped), one order exists.
    expect(apiCalls(sim, account.openId, { path: CREATE }).map((c) => [c.status, c.fault, c.committed])).toEqual([[null, 'commit-then-drop', true]]);
    expect(ledgerOf(sim, 'order', account.openId).filter((o) => o.orderNumber === 'UO-1')).toHaveLength(1);
    expect(t.calls(CREATE).map((e) => [e.attempt, e.outcome])).toEqual([[1, 'unknown_outcome']]);

    // Had the caller resent blindly, CJ would have refused it anyway (1603003) — still one order.
    const resend = await t.cj.orders.createV2(orderBody('UO-1', [{ vid, quantity: 1 }], line.logisticName, { payType: 3 })).catch((e: unknown) => e);
    expect(resend).toBeInstanceOf(CjDuplicateOrderError);
    expect(ledgerOf(sim, 'order', account.openId).filter((o) => o.orderNumber === 'UO-1')).toHaveLength(1);
  });

  it('payBalance committed but the response lost → CjUnknownOutcomeError; detail shows UNSHIPPED; one payment, one debit', async () => {
    const order = await t.cj.orders.createV2(orderBody('UO-2', [{ vid, quantity: 1 }], line.logisticName, { payType: 3 }));
    const cjId = order.orderId!;
    await t.cj.orders.confirm(cjId);
    const before = cents((await t.cj.pay.balance()).amount);

    sim.control.addFaults({ path: PAY, mode: 'commit-then-drop', times: 1, openId: account.openId });
    const err = await t.cj.pay.payBalance(cjId).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjUnknownOutcomeError);
    expect((err as CjUnknownOutcomeError).businessKey).toEqual({ orderId: cjId });
    expect((err as CjUnknownOutcomeError).reconcile).toMatch(/UNSHIPPED/);

    // The lookup settles it: paid. No second payBalance is needed.
    expect((await t.cj.orders.detail(cjId)).orderStatus).toBe('UNSHIPPED');
    expect(cents((await t.cj.pay.balance()).amount)).toBe(before - cents(order.orderAmount));
    expect(ledgerOf(sim, 'payment', account.openId).filter((p) => p.cjOrderIds.includes(cjId))).toHaveLength(1);
    expect(apiCalls(sim, account.openId, { path: PAY }).map((c) => [c.fault, c.committed])).toEqual([['commit-then-drop', true]]);
    expect(t.calls(PAY)).toHaveLength(1);

    // A second attempt would be refused (1603101), never a second debit.
    const again = await t.cj.pay.payBalance(cjId).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(CjBusinessError);
    expect((again as CjBusinessError).code).toBe(1603101);
    expect(ledgerOf(sim, 'payment', account.openId).filter((p) => p.cjOrderIds.includes(cjId))).toHaveLength(1);
    expect(cents((await t.cj.pay.balance()).amount)).toBe(before - cents(order.orderAmount));
  });

  it('createOrderV2 timing out before CJ processed it → CjUnknownOutcomeError; the lookup finds nothing, so creating again with the same orderNumber is safe', async () => {
    sim.control.addFaults({ path: CREATE, mode: 'timeout', times: 1, openId: account.openId });
    const err = await t.cj.orders.createV2(orderBody('UO-3', [{ vid, quantity: 1 }], line.logisticName, { payType: 3 }), { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjUnknownOutcomeError);
    expect((err as CjUnknownOutcomeError).reason).toBe('timeout');
    await expect(t.cj.orders.detail('UO-3')).rejects.toBeInstanceOf(CjNotFoundError);

    const created = await t.cj.orders.createV2(orderBody('UO-3', [{ vid, quantity: 1 }], line.logisticName, { payType: 3 }));
    expect(created.orderNumber).toBe('UO-3');
    expect(ledgerOf(sim, 'order', account.openId).filter((o) => o.orderNumber === 'UO-3')).toHaveLength(1);
    expect(apiCalls(sim, account.openId, { path: CREATE }).slice(-2).map((c) => [c.fault, c.committed])).toEqual([
      ['timeout', false],
      [null, true],
    ]);
  });

  it('createOrderV2 with payType 2 (create and pay in one call) committed but lost → one order, one payment', async () => {
    sim.control.addFaults({ path: CREATE, mode: 'commit-then-drop', times: 1, openId: account.openId });
    const err = await t.cj.orders.createV2(orderBody('UO-4', [{ vid, quantity: 1 }], line.logisticName, { payType: 2 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjUnknownOutcomeError);
    const found = await t.cj.orders.detail('UO-4');
    expect(found.orderStatus).toBe('UNSHIPPED');
    expect(ledgerOf(sim, 'order', account.openId).filter((o) => o.orderNumber === 'UO-4')).toHaveLength(1);
    expect(ledgerOf(sim, 'payment', account.openId).filter((p) => p.cjOrderIds.includes(found.orderId))).toHaveLength(1);
  });
});
