// Disputes: disputeProducts → disputeConfirmInfo → create (businessDisputeId unique per account),
// the data:"true"/redirectUri envelope, list/detail, cancel, and the outcome on the clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../src/index.js';
import { UUID, call, createOrder, newAccount, orderableProduct, sim } from './helpers.js';

let s: RunningSimulator;

beforeAll(async () => {
  s = await sim();
});
afterAll(() => s.close());

const cents = (money: number | string) => Math.round(Number(money) * 100);

async function paidOrder(token: string, orderNumber: string): Promise<{ orderId: string; lineItemId: string; amount: number }> {
  const vid = orderableProduct(s).variants[0]!.vid;
  const made = await createOrder(s, token, { orderNumber, vid, quantity: 2, payType: 2 });
  return { orderId: made.body.data.orderId, lineItemId: made.body.data.productInfoList[0].lineItemId, amount: cents(made.body.data.orderAmount) };
}

describe('the dispute flow', () => {
  it('lists disputable lines, gives the form options, creates once per businessDisputeId, and decides on the clock', async () => {
    const a = await newAccount(s, { balance: '1000.00' });
    const o = await paidOrder(a.token, 'DSP-1');

    const products = await call(s, 'GET', '/disputes/disputeProducts', { token: a.token, query: { orderId: o.orderId } });
    expect(products.body).toMatchObject({ code: 200, result: true, success: true, data: { orderId: o.orderId, orderNumber: 'DSP-1' } });
    expect(products.body.data.productInfoList[0]).toMatchObject({ lineItemId: o.lineItemId, canChoose: true, quantity: 2 });

    const info = await call(s, 'POST', '/disputes/disputeConfirmInfo', { token: a.token, body: { orderId: o.orderId, productInfoList: [{ lineItemId: o.lineItemId, quantity: 2 }] } });
    expect(info.body.data).toMatchObject({ orderId: o.orderId, expectResultOptionList: ['1'], disputeReasonList: [{ disputeReasonId: 1, reasonName: 'Unfulfilled Order Cancellation' }] });
    expect(cents(info.body.data.maxAmount)).toBe(o.amount); // the whole order, postage included

    const body = { businessDisputeId: 'biz-1', orderId: o.orderId, disputeReasonId: 1, expectType: 1, refundType: 1, messageText: 'Not shipped after 7 days', productInfoList: [{ lineItemId: o.lineItemId, quantity: 2, price: '1.00' }] };
    const created = await call(s, 'POST', '/disputes/create', { token: a.token, body });
    expect(created.body).toEqual({ code: 200, result: true, message: 'Success', data: 'true', redirectUri: expect.stringMatching(UUID) });

    const duplicate = await call(s, 'POST', '/disputes/create', { token: a.token, body });
    expect(duplicate.body).toMatchObject({ code: 1607008, result: false });
    const second = await call(s, 'POST', '/disputes/create', { token: a.token, body: { ...body, businessDisputeId: 'biz-2' } });
    expect(second.body.code).toBe(1607008); // one open dispute per order
    expect(s.control.ledger({ kind: 'dispute', openId: a.openId })).toHaveLength(1);

    const list = await call(s, 'GET', '/disputes/getDisputeList', { token: a.token, query: { orderId: o.orderId } });
    expect(list.body).toMatchObject({ code: 200, result: true, redirectUri: expect.stringMatching(UUID), data: { pageNum: 1, pageSize: 10, total: 1 } });
    const item = list.body.data.list[0];
    expect(item).toMatchObject({ status: 'pending', disputeReason: 'Unfulfilled Order Cancellation', money: null, finallyDeal: null });
    expect(item.productList[0]).toMatchObject({ lineItemId: o.lineItemId });
    expect((await call(s, 'GET', '/shopping/order/getOrderDetail', { token: a.token, query: { orderId: o.orderId } })).body.data.disputeId).toBe(item.id);

    const before = cents(s.control.getAccount(a.openId)!.balance);
    await s.control.advanceClock({ days: 1 });
    expect(s.control.listDisputes({ openId: a.openId })[0]!.status).toBe('processing');
    await s.control.advanceClock({ days: 2 });
    const detail = await call(s, 'GET', '/disputes/getDisputeDetail', { token: a.token, query: { disputeId: item.id } });
    expect(detail.body.data).toMatchObject({ id: item.id, businessDisputeId: 'biz-1', status: 'finished', finallyDeal: 1, expectType: 1 });
    expect(cents(detail.body.data.money)).toBe(o.amount);
    expect(cents(s.control.getAccount(a.openId)!.balance)).toBe(before + o.amount);
    expect(s.control.ledger({ kind: 'refund', openId: a.openId })).toHaveLength(1);
  });

  it('offers shipped-order reasons and reissue, and cancels an open dispute once', async () => {
    const a = await newAccount(s, { balance: '1000.00' });
    const o = await paidOrder(a.token, 'DSP-2');
    s.control.shipOrder(o.orderId);
    const info = await call(s, 'POST', '/disputes/disputeConfirmInfo', { token: a.token, body: { orderId: o.orderId, productInfoList: [{ lineItemId: o.lineItemId, quantity: 1 }] } });
    expect(info.body.data.expectResultOptionList).toEqual(['1', '2']);
    expect(info.body.data.disputeReasonList.map((r: { disputeReasonId: number }) => r.disputeReasonId)).toContain(2);
    expect(cents(info.body.data.maxPostage)).toBe(0); // part of the order: no postage
    const made = await call(s, 'POST', '/disputes/create', { token: a.token, body: { businessDisputeId: 'biz-3', orderId: o.orderId, disputeReasonId: 2, expectType: 2, refundType: 1, messageText: 'Tracking silent', productInfoList: [{ lineItemId: o.lineItemId, quantity: 1 }] } });
    expect(made.body.data).toBe('true');
    const id = (await call(s, 'GET', '/disputes/getDisputeList', { token: a.token, query: { orderNumber: 'DSP-2' } })).body.data.list[0].id;
    const cancel = await call(s, 'POST', '/disputes/cancel', { token: a.token, body: { orderId: o.orderId, disputeId: id } });
    expect(cancel.body).toMatchObject({ code: 200, data: 'true', redirectUri: expect.any(String) });
    expect((await call(s, 'POST', '/disputes/cancel', { token: a.token, body: { orderId: o.orderId, disputeId: id } })).body.code).toBe(1607009);
    await s.control.advanceClock({ days: 5 });
    expect(s.control.listDisputes({ openId: a.openId })[0]!.status).toBe('cancelled');
  });

  it('refuses disputes on unpaid orders and on other accounts’ orders', async () => {
    const a = await newAccount(s);
    const vid = orderableProduct(s).variants[0]!.vid;
    const unpaid = (await createOrder(s, a.token, { orderNumber: 'DSP-3', vid })).body.data.orderId;
    expect((await call(s, 'GET', '/disputes/disputeProducts', { token: a.token, query: { orderId: unpaid } })).body.code).toBe(1607006);
    const b = await newAccount(s);
    const theirs = await paidOrder(b.token, 'DSP-4');
    expect((await call(s, 'GET', '/disputes/disputeProducts', { token: a.token, query: { orderId: theirs.orderId } })).body.code).toBe(1607006);
    expect((await call(s, 'GET', '/disputes/getDisputeDetail', { token: a.token, query: { disputeId: '1' } })).body).toMatchObject({ code: 1600300, success: false });
  });
});
