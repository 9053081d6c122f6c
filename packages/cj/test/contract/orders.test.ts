// Contract: orders, payment, logistics and disputes — the §7.1 lifecycle driven through the client,
// with amounts, ids and statuses checked against the simulator's own records (control API, ledger).
import type { AccountView, ProductView, RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CjBusinessError,
  CjDuplicateOrderError,
  CjInsufficientBalanceError,
  CjInvalidLogisticError,
  CjNotFoundError,
  type FreightOption,
} from '../../src/index.js';
import { MONEY, apiCalls, cents, expectNoThrottling, formatCents, ledgerOf, makeClient, newAccount, orderBody, orderableProduct, startSim, type TestClient } from './helpers.js';

let sim: RunningSimulator;
let account: AccountView;
let t: TestClient;
let product: ProductView;
let vid: string;
let route: FreightOption[];
let line: FreightOption;

async function balanceCents(): Promise<number> {
  return cents((await t.cj.pay.balance()).amount);
}

beforeAll(async () => {
  sim = await startSim();
  account = newAccount(sim, { balance: '5000.00' });
  t = makeClient(sim, account);
  product = orderableProduct(sim, (p) => p.variants.length >= 2);
  vid = product.variants[0]!.vid;
  route = await t.cj.logistic.freightCalculate({ startCountryCode: 'CN', endCountryCode: 'US', products: [{ vid, quantity: 1 }] });
  line = route[0]!;
});

afterAll(async () => {
  await sim?.close();
});

describe('logistic', () => {
  it('freightCalculate: the route’s options with decimal-string prices; freightCalculateTip names the same lines at the same prices', async () => {
    expect(route.length).toBeGreaterThan(1);
    for (const o of route) {
      expect(o.logisticName).toBeTruthy();
      expect(o.logisticPrice).toMatch(MONEY);
      expect(o.logisticPriceCn).toMatch(MONEY);
      expect(o.logisticAging).toMatch(/^\d+-\d+$/);
    }
    const tip = await t.cj.logistic.freightCalculateTip({ reqDTOS: [{ srcAreaCode: 'CN', destAreaCode: 'US', freightTrialSkuList: [{ vid, skuQuantity: 1 }] }] });
    expect(tip.map((x) => x.logisticName)).toEqual(route.map((o) => o.logisticName));
    expect(tip.map((x) => x.postage)).toEqual(route.map((o) => o.logisticPrice));
    expect(tip[0]!.optionId).toMatch(/^\d+$/);
    // Heavier parcels cost more: the price is computed, not canned.
    const two = await t.cj.logistic.freightCalculate({ startCountryCode: 'CN', endCountryCode: 'US', products: [{ vid, quantity: 5 }] });
    expect(cents(two.find((o) => o.logisticName === line.logisticName)!.logisticPrice)).toBeGreaterThan(cents(line.logisticPrice));
  });
});

describe('orders and payment', () => {
  it('createV2 (payType 3) → CREATED; the CJ order id is an exact 18-digit string; amounts are exact decimal strings', async () => {
    const body = orderBody('ORD-1', [{ vid, quantity: 2 }], line.logisticName, { payType: 3 });
    body.products[0]!.unitPrice = '1.10';
    const res = await t.cj.orders.createV2(body);
    const simOrder = sim.control.getOrder('ORD-1')!;
    expect(res.orderId).toBe(simOrder.cjOrderId);
    expect(res.orderId).toMatch(/^\d{18}$/);
    expect(Number.isSafeInteger(Number(res.orderId))).toBe(false); // beyond 2^53: a JS number would lose it
    expect(res).toMatchObject({ orderNumber: 'ORD-1', orderStatus: 'CREATED', logisticsMiss: false });
    const price = cents(product.variants[0]!.price);
    expect(res.productAmount).toBe(formatCents(price * 2)); // CJ's price, not our unitPrice
    expect(res.orderAmount).toBe(simOrder.amount);
    expect(cents(res.orderAmount)).toBe(cents(res.productAmount) + cents(res.postageAmount));
    expect(res.postageAmount).toMatch(MONEY);
    expect(res.productInfoList).toHaveLength(1);
    expect(res.productInfoList[0]).toMatchObject({ variantId: vid, quantity: 2, storeLineItemId: 'ORD-1-L1' });
    expect(res.productInfoList[0]!.lineItemId).toMatch(/^\d{19}$/);
    expect(res.productInfoList[0]!.lineItemId).toBe(simOrder.lines[0]!.lineItemId);
    expect(ledgerOf(sim, 'order', account.openId).filter((o) => o.orderNumber === 'ORD-1')).toHaveLength(1);
  });

  it('detail by our orderNumber and by CJ’s id; list by status and by orderIds (repeated keys)', async () => {
    const cjId = sim.control.getOrder('ORD-1')!.cjOrderId;
    const byNumber = await t.cj.orders.detail('ORD-1', ['LOGISTICS_TIMELINESS']);
    const byId = await t.cj.orders.detail(cjId);
    expect(byNumber.orderId).toBe(cjId);
    expect(byNumber.cjOrderId).toBe(cjId);
    expect(byNumber.cjOrderCode).toBe(`CJ${cjId}`);
    expect(byNumber.orderNumber).toBe('ORD-1'); // CJ's `orderNum`
    expect(byNumber.orderStatus).toBe('CREATED');
    expect(byNumber.fromCountryCode).toBe('CN');
    expect(byNumber.logisticName).toBe(line.logisticName);
    expect(byNumber.logisticsTimeliness?.logisticsModes[0]?.logisticsName).toBe(line.logisticName);
    expect(byNumber.products).toEqual([expect.objectContaining({ vid, quantity: 2, sellPrice: product.variants[0]!.price, storeLineItemId: 'ORD-1-L1' })]);
    expect({ ...byId, logisticsTimeliness: undefined }).toEqual({ ...byNumber, logisticsTimeliness: undefined });

    const v3 = await t.cj.orders.createV3(orderBody('ORD-2', [{ vid, quantity: 1 }], line.logisticName));
    expect(v3.orderStatus).toBe('CREATED');
    const created = await t.cj.orders.list({ status: 'CREATED', pageSize: 50 });
    expect(created.items.map((o) => o.orderNumber).sort()).toEqual(['ORD-1', 'ORD-2']);
    expect(created.total).toBe(2);
    const picked = await t.cj.orders.list({ orderIds: [cjId, v3.orderId!] });
    expect(picked.items.map((o) => o.orderId).sort()).toEqual([cjId, v3.orderId].sort());
    expect((await t.cj.orders.list({ status: 'SHIPPED' })).items).toEqual([]);
  });

  it('legacy flow: confirm → UNPAID, payBalance → UNSHIPPED; the balance is debited exactly once, by the order amount', async () => {
    const before = await balanceCents();
    const cjId = sim.control.getOrder('ORD-1')!.cjOrderId;
    expect(await t.cj.orders.confirm(cjId)).toBe(cjId);
    expect((await t.cj.orders.detail(cjId)).orderStatus).toBe('UNPAID');
    await t.cj.pay.payBalance(cjId);
    const paid = await t.cj.orders.detail(cjId);
    expect(paid.orderStatus).toBe('UNSHIPPED');
    expect(paid.paymentDate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await balanceCents()).toBe(before - cents(paid.orderAmount));
    expect(ledgerOf(sim, 'payment', account.openId).filter((p) => p.cjOrderIds.includes(cjId))).toEqual([
      expect.objectContaining({ via: 'payBalance', amount: paid.orderAmount }),
    ]);
    // CJ refuses to take the money twice (1603101): a typed business error, nothing debited.
    const again = await t.cj.pay.payBalance(cjId).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(CjBusinessError);
    expect((again as CjBusinessError).code).toBe(1603101);
    expect(await balanceCents()).toBe(before - cents(paid.orderAmount));
  });

  it('cart flow: addCart → addCartConfirm (shipmentsId) → saveGenerateParentOrder (payId) → payBalanceV2 pays both orders in one debit', async () => {
    const other = product.variants[1]!.vid;
    const a = await t.cj.orders.createV3(orderBody('ORD-3', [{ vid, quantity: 1 }], line.logisticName));
    const b = await t.cj.orders.createV2(orderBody('ORD-4', [{ vid: other, quantity: 1 }], line.logisticName, { payType: 3 }));
    const ids = [a.orderId!, b.orderId!];
    const cart = await t.cj.orders.addCart(ids);
    expect(cart.successCount).toBe(2);
    expect(cart.addSuccessOrders.sort()).toEqual([...ids].sort());
    expect((await t.cj.orders.list({ status: 'IN_CART' })).items.map((o) => o.orderId).sort()).toEqual([...ids].sort());

    const confirmed = await t.cj.orders.addCartConfirm(ids);
    expect(confirmed.successCount).toBe(2);
    expect(confirmed.submitSuccess).toBe(true);
    expect(confirmed.shipmentsId).toMatch(/^SD\d+$/);
    const shipmentOrderId = confirmed.shipmentsId!;
    const inShipment = await t.cj.orders.list({ shipmentOrderId });
    expect(inShipment.items.map((o) => o.orderStatus)).toEqual(['UNPAID', 'UNPAID']);

    const parent = await t.cj.orders.saveGenerateParentOrder(shipmentOrderId);
    const total = cents(a.orderAmount) + cents(b.orderAmount);
    expect(parent.payId).toMatch(/^\d{19}$/);
    expect(parent.orderMoney).toBe(formatCents(total));
    expect(parent.successOrders.sort()).toEqual([...ids].sort());
    expect(parent.paymentInformation).toMatchObject({ payableAmount: formatCents(total), freight: formatCents(cents(a.postageAmount) + cents(b.postageAmount)), canDeduct: true });

    const before = await balanceCents();
    await t.cj.pay.payBalanceV2({ shipmentOrderId, payId: parent.payId! });
    expect((await t.cj.orders.list({ shipmentOrderId })).items.map((o) => o.orderStatus)).toEqual(['UNSHIPPED', 'UNSHIPPED']);
    expect(await balanceCents()).toBe(before - total);
    const payments = ledgerOf(sim, 'payment', account.openId).filter((p) => p.via === 'payBalanceV2');
    expect(payments).toHaveLength(1);
    expect(payments[0]!.cjOrderIds.sort()).toEqual([...ids].sort());
  });

  it('createV2 payType 1 → UNPAID with a cjPayUrl; delete → CANCELLED (the orderNumber stays taken)', async () => {
    const res = await t.cj.orders.createV2(orderBody('ORD-5', [{ vid, quantity: 1 }], line.logisticName, { payType: 1 }));
    expect(res.orderStatus).toBe('UNPAID');
    expect(res.cjPayUrl).toBe(`${sim.url}/_sim/pay/${res.orderId!}`);
    expect(res.shipmentOrderId).toMatch(/^SD\d+$/);
    expect(await t.cj.orders.delete(res.orderId!)).toBe(res.orderId);
    expect((await t.cj.orders.detail('ORD-5')).orderStatus).toBe('CANCELLED');
  });

  it('createV2 payType 2 → paid from the balance at once (UNSHIPPED), one payment entry', async () => {
    const before = await balanceCents();
    const res = await t.cj.orders.createV2(orderBody('ORD-6', [{ vid, quantity: 1 }], line.logisticName, { payType: 2 }));
    expect(res.orderStatus).toBe('UNSHIPPED');
    expect(await balanceCents()).toBe(before - cents(res.orderAmount));
    expect(ledgerOf(sim, 'payment', account.openId).filter((p) => p.cjOrderIds.includes(res.orderId!))).toEqual([
      expect.objectContaining({ via: 'createOrderV2/payType2', amount: res.orderAmount }),
    ]);
  });

  it('1603003: a repeated orderNumber → CjDuplicateOrderError; nothing new is created', async () => {
    const orders = ledgerOf(sim, 'order', account.openId).length;
    const err = await t.cj.orders.createV2(orderBody('ORD-1', [{ vid, quantity: 1 }], line.logisticName, { payType: 3 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjDuplicateOrderError);
    expect((err as CjDuplicateOrderError).code).toBe(1603003);
    const v3 = await t.cj.orders.createV3(orderBody('ORD-5', [{ vid, quantity: 1 }], line.logisticName)).catch((e: unknown) => e);
    expect(v3).toBeInstanceOf(CjDuplicateOrderError); // also for a cancelled order's number
    expect(ledgerOf(sim, 'order', account.openId)).toHaveLength(orders);
  });

  it('1605001: a logistic name that freightCalculate did not offer for the route → CjInvalidLogisticError; nothing created', async () => {
    // A real line name, offered on another route (US domestic) but not CN → US.
    const domestic = await t.cj.logistic.freightCalculate({ startCountryCode: 'US', endCountryCode: 'US', products: [{ vid, quantity: 1 }] });
    const offered = new Set(route.map((o) => o.logisticName));
    const foreign = domestic.map((o) => o.logisticName).find((n) => !offered.has(n));
    expect(foreign, 'a line not offered CN → US').toBeDefined();
    const orders = ledgerOf(sim, 'order', account.openId).length;
    const err = await t.cj.orders.createV2(orderBody('ORD-7', [{ vid, quantity: 1 }], foreign!, { payType: 3 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjInvalidLogisticError);
    expect((err as CjInvalidLogisticError).code).toBe(1605001);
    expect(ledgerOf(sim, 'order', account.openId)).toHaveLength(orders);
    await expect(t.cj.orders.detail('ORD-7')).rejects.toBeInstanceOf(CjNotFoundError);
  });

  it('1604000: insufficient balance → CjInsufficientBalanceError, on payBalance and on createV2 payType 2; nothing debited or created', async () => {
    const res = await t.cj.orders.createV2(orderBody('ORD-8', [{ vid, quantity: 1 }], line.logisticName, { payType: 3 }));
    await t.cj.orders.confirm(res.orderId!);
    sim.control.setBalance(account.openId, '1.00');
    const payments = ledgerOf(sim, 'payment', account.openId).length;
    const orders = ledgerOf(sim, 'order', account.openId).length;

    const pay = await t.cj.pay.payBalance(res.orderId!).catch((e: unknown) => e);
    expect(pay).toBeInstanceOf(CjInsufficientBalanceError);
    expect((pay as CjInsufficientBalanceError).code).toBe(1604000);
    expect((await t.cj.orders.detail(res.orderId!)).orderStatus).toBe('UNPAID');

    const create = await t.cj.orders.createV2(orderBody('ORD-9', [{ vid, quantity: 1 }], line.logisticName, { payType: 2 })).catch((e: unknown) => e);
    expect(create).toBeInstanceOf(CjInsufficientBalanceError);
    expect((await t.cj.pay.balance()).amount).toBe('1.00');
    expect(ledgerOf(sim, 'payment', account.openId)).toHaveLength(payments);
    expect(ledgerOf(sim, 'order', account.openId)).toHaveLength(orders);
    sim.control.setBalance(account.openId, '5000.00');
  });

  it('not found: detail of an unknown order → CjNotFoundError (CJ says 1600300 "order not found")', async () => {
    const err = await t.cj.orders.detail('NO-SUCH-ORDER').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjNotFoundError);
    expect((err as CjNotFoundError).code).toBe(1600300);
  });
});

describe('shipping, tracking and disputes', () => {
  it('logistic.trackInfo: after the warehouse ships (1–3 simulated days), by tracking number, free-text status', async () => {
    const cjId = sim.control.getOrder('ORD-1')!.cjOrderId;
    await sim.control.advanceClock({ days: 3 });
    const shipped = await t.cj.orders.detail(cjId);
    expect(shipped.orderStatus).toBe('SHIPPED');
    expect(shipped.trackNumber).toBe(sim.control.getOrder(cjId)!.trackNumber);
    expect(shipped.trackingUrl).toContain(shipped.trackNumber!);
    const other = (await t.cj.orders.detail('ORD-6')).trackNumber!;
    const info = await t.cj.logistic.trackInfo([shipped.trackNumber!, other]);
    expect(info.map((i) => i.trackingNumber)).toEqual([shipped.trackNumber, other]);
    expect(info[0]).toMatchObject({ logisticName: line.logisticName, trackingFrom: 'CN', trackingTo: 'US', trackingStatus: 'In transit' });
    expect(typeof info[0]!.deliveryDay).toBe('number');
    expect(await t.cj.logistic.trackInfo([])).toEqual([]);
  });

  it('disputes: products → confirmInfo → create (data "true") → list → detail (exact ids) → cancel', async () => {
    const order = await t.cj.orders.detail('ORD-1');
    const products = await t.cj.disputes.products(order.orderId);
    expect(products.orderId).toBe(order.orderId);
    expect(products.orderNumber).toBe('ORD-1');
    const lineItem = products.productInfoList[0]!;
    expect(lineItem).toMatchObject({ cjVariantId: vid, canChoose: true, quantity: 2, price: product.variants[0]!.price });
    expect(lineItem.lineItemId).toBe(order.products[0]!.lineItemId);

    const claim = [{ lineItemId: lineItem.lineItemId!, quantity: 2, price: lineItem.price! }];
    const info = await t.cj.disputes.confirmInfo({ orderId: order.orderId, productInfoList: claim });
    expect(info.maxProductPrice).toBe(formatCents(cents(lineItem.price) * 2));
    expect(info.maxAmount).toBe(order.orderAmount); // the whole order: products + postage
    expect(info.expectResultOptionList).toEqual(['1', '2']); // shipped: refund or reissue
    expect(info.disputeReasonList.length).toBeGreaterThan(1);

    const reason = Number(info.disputeReasonList[0]!.disputeReasonId);
    expect(await t.cj.disputes.create({ businessDisputeId: 'DSP-1', orderId: order.orderId, disputeReasonId: reason, expectType: 1, refundType: 1, messageText: 'Tracking has not moved for a week.', productInfoList: claim })).toBe(true);
    const listed = await t.cj.disputes.list({ orderId: order.orderId });
    expect(listed.total).toBe(1);
    const dispute = listed.items[0]!;
    expect(dispute.id).toMatch(/^\d{19}$/);
    expect(dispute.id).toBe(ledgerOf(sim, 'dispute', account.openId)[0]!.disputeId);
    expect(dispute).toMatchObject({ status: 'pending', disputeReason: info.disputeReasonList[0]!.reasonName });
    expect(dispute.productList[0]).toMatchObject({ lineItemId: lineItem.lineItemId, price: lineItem.price });

    const detail = await t.cj.disputes.detail(dispute.id);
    expect(detail).toMatchObject({ id: dispute.id, orderId: order.orderId, businessDisputeId: 'DSP-1', status: 'pending', expectType: 1 });

    expect(await t.cj.disputes.cancel({ orderId: order.orderId, disputeId: dispute.id })).toBe(true);
    expect((await t.cj.disputes.list({ disputeId: dispute.id })).items[0]!.status).toBe('cancelled');
    expect((await t.cj.disputes.list({ orderNumber: 'ORD-6' })).items).toEqual([]);
  });

  it('zero 429s: none of this file’s calls was throttled', () => {
    expect(apiCalls(sim, account.openId).length).toBeGreaterThan(40);
    expectNoThrottling(sim, account.openId);
  });
});
