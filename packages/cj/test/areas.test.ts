import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CjDuplicateOrderError,
  CjInsufficientBalanceError,
  CjInvalidLogisticError,
  CjNotFoundError,
  CjValidationError,
} from '../src/index.js';
import { FakeCj, fail, ok } from './helpers/fake-cj.js';
import { ORDER } from './helpers/fixtures.js';
import { makeClient } from './helpers/setup.js';

const fake = new FakeCj();
beforeAll(() => fake.start());
afterAll(() => fake.stop());

describe('orders', () => {
  it('createV2 sends the body with exact money, the platformToken header, and normalises the answer', async () => {
    fake.on('POST', '/shopping/order/createOrderV2', {
      body:
        '{"code":200,"result":true,"message":"Success","requestId":"r","data":{"orderId":"2108231000162905550","orderNumber":"LOJ-1001",' +
        '"shipmentOrderId":"SO-1","orderStatus":"CREATED","orderAmount":23.7,"productAmount":"23.70","postageAmount":0,"logisticsMiss":false,' +
        '"productInfoList":[{"lineItemId":1700000000000000001,"variantId":"V1","quantity":2,"isGroup":false,"subOrderProducts":null}],' +
        '"interceptOrderReasons":[{"code":1001,"message":"phone"}]}}',
    });
    const { cj } = await makeClient(fake);
    const r = await cj.orders.createV2({ ...ORDER, shopAmount: 40 }, { platformToken: 'pt-1' });
    expect(r).toMatchObject({
      orderId: '2108231000162905550',
      orderNumber: 'LOJ-1001',
      shipmentOrderId: 'SO-1',
      orderStatus: 'CREATED',
      orderAmount: '23.70',
      productAmount: '23.70',
      postageAmount: '0.00',
      logisticsMiss: false,
      productInfoList: [{ lineItemId: '1700000000000000001', variantId: 'V1', quantity: 2, isGroup: false, subOrderProducts: [] }],
      interceptOrderReasons: [{ code: '1001', message: 'phone' }],
    });
    const seen = fake.hits('/shopping/order/createOrderV2').at(-1)!;
    expect(seen.headers['platformtoken']).toBe('pt-1');
    expect(seen.headers['content-type']).toBe('application/json');
    // Money goes out as exact JSON numbers, not floats or strings.
    expect(seen.body).toContain('"unitPrice":11.85');
    expect(seen.body).toContain('"shopAmount":40.00');
    expect(JSON.parse(seen.body)).toMatchObject({ orderNumber: 'LOJ-1001', payType: 3, products: [{ vid: 'V1', quantity: 2 }] });
  });

  it('createV2 maps 1603003 / 1605001 / 1604000 to their classes', async () => {
    fake.on('POST', '/shopping/order/createOrderV2', [
      fail(1603003, 'Order exist, please do not duplicate create'),
      fail(1605001, 'Logistic invalid, please reference freight calculate.'),
      fail(1604000, 'Balance is insufficient'),
    ]);
    const { cj } = await makeClient(fake);
    await expect(cj.orders.createV2(ORDER)).rejects.toBeInstanceOf(CjDuplicateOrderError);
    await expect(cj.orders.createV2(ORDER)).rejects.toBeInstanceOf(CjInvalidLogisticError);
    await expect(cj.orders.createV2(ORDER)).rejects.toBeInstanceOf(CjInsufficientBalanceError);
    // Business refusals are definite answers: each was sent exactly once.
    expect(fake.hits('/shopping/order/createOrderV2').length).toBe(4);
  });

  it('createV3 and input checks: orderNumber is required and bounded, bad money is refused locally', async () => {
    fake.on('POST', '/shopping/order/createOrderV3', ok({ orderId: 'O3', orderStatus: 'CREATED' }));
    const { cj } = await makeClient(fake);
    const { payType: _ignored, ...v3 } = ORDER;
    await expect(cj.orders.createV3(v3)).resolves.toMatchObject({ orderId: 'O3' });
    expect(() => cj.orders.createV2({ ...ORDER, orderNumber: '' })).toThrow(/orderNumber/);
    expect(() => cj.orders.createV2({ ...ORDER, orderNumber: 'x'.repeat(51) })).toThrow(/orderNumber/);
    expect(() => cj.orders.createV2({ ...ORDER, products: [{ vid: 'V1', quantity: 1, unitPrice: '1,50' }] })).toThrow(/products\[0\]\.unitPrice/);
  });

  it('list repeats orderIds and normalises orders; detail accepts our orderNumber', async () => {
    const order = {
      orderId: '2108231000162905550',
      orderNum: 'LOJ-1001',
      cjOrderId: 210823100016290555n,
      orderStatus: 'SHIPPED',
      orderAmount: '23.70',
      orderWeight: '150',
      trackNumber: 'YT123',
      productList: [{ vid: 'V1', quantity: 2, sellPrice: 11.85, abnormalType: ['6'] }],
    };
    const text = JSON.stringify({ code: 200, result: true, data: { pageNum: 1, pageSize: 20, total: 1, list: [order] } }, (_k, v: unknown) =>
      typeof v === 'bigint' ? `@@${v}@@` : v,
    ).replace(/"@@(\d+)@@"/g, '$1');
    fake.on('GET', '/shopping/order/list', { body: text });
    fake.on('GET', '/shopping/order/getOrderDetail', { body: text.replace(/"data":\{.*"list":\[(.*)\]\}/, '"data":$1') });
    const { cj } = await makeClient(fake);
    const page = await cj.orders.list({ orderIds: ['A', 'B'], status: 'SHIPPED' });
    expect(page.items[0]).toMatchObject({
      orderId: '2108231000162905550',
      orderNumber: 'LOJ-1001',
      cjOrderId: '210823100016290555',
      orderStatus: 'SHIPPED',
      orderAmount: '23.70',
      orderWeight: 150,
      products: [{ vid: 'V1', quantity: 2, sellPrice: '11.85', abnormalType: [6] }],
    });
    expect(fake.hits('/shopping/order/list').at(-1)!.query.getAll('orderIds')).toEqual(['A', 'B']);
    const d = await cj.orders.detail('LOJ-1001', ['LOGISTICS_TIMELINESS']);
    expect(d).toMatchObject({ orderId: '2108231000162905550', cjOrderId: '210823100016290555' });
    const q = fake.hits('/shopping/order/getOrderDetail').at(-1)!.query;
    expect(q.get('orderId')).toBe('LOJ-1001');
    expect(q.getAll('features')).toEqual(['LOGISTICS_TIMELINESS']);
  });

  it('detail: 1603100, 1600300 "order not found" and success-with-null all mean CjNotFoundError; other 1600300 stay validation', async () => {
    fake.on('GET', '/shopping/order/getOrderDetail', [
      fail(1603100, 'Order not found, please check the CJ order id'),
      fail(1600300, 'order not found'),
      ok(null),
      fail(1600300, 'orderId must be not empty'),
    ]);
    const { cj } = await makeClient(fake);
    await expect(cj.orders.detail('x')).rejects.toBeInstanceOf(CjNotFoundError);
    await expect(cj.orders.detail('x')).rejects.toBeInstanceOf(CjNotFoundError);
    await expect(cj.orders.detail('x')).rejects.toBeInstanceOf(CjNotFoundError);
    const err = await cj.orders.detail('x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjValidationError);
    expect(err).not.toBeInstanceOf(CjNotFoundError);
  });

  it('confirm is PATCH {orderId}; delete is DELETE ?orderId; addCartConfirm returns shipmentsId', async () => {
    fake.on('PATCH', '/shopping/order/confirmOrder', ok('2108231000162905550'));
    fake.on('DELETE', '/shopping/order/deleteOrder', ok('2108231000162905550'));
    fake.on('POST', '/shopping/order/addCartConfirm', {
      body: '{"success":true,"code":200,"message":"ok","data":{"successCount":1,"submitSuccess":true,"shipmentsId":9007199254740993,"result":true}}',
    });
    const { cj } = await makeClient(fake);
    await expect(cj.orders.confirm('2108231000162905550')).resolves.toBe('2108231000162905550');
    expect(JSON.parse(fake.hits('/shopping/order/confirmOrder').at(-1)!.body)).toEqual({ orderId: '2108231000162905550' });
    await expect(cj.orders.delete('2108231000162905550')).resolves.toBe('2108231000162905550');
    const del = fake.hits('/shopping/order/deleteOrder').at(-1)!;
    expect(del.query.get('orderId')).toBe('2108231000162905550');
    expect(del.body).toBe('');
    const c = await cj.orders.addCartConfirm(['A']);
    expect(c).toMatchObject({ successCount: 1, submitSuccess: true, result: true, interceptOrders: [] });
    expect(c.shipmentsId).toBe('9007199254740993');
    expect(JSON.parse(fake.hits('/shopping/order/addCartConfirm').at(-1)!.body)).toEqual({ cjOrderIdList: ['A'] });
  });
});

describe('pay', () => {
  it('balance as decimal strings (null → undefined); payBalance/payBalanceV2 bodies', async () => {
    fake.on('GET', '/shopping/pay/getBalance', ok({ amount: 1234.5, noWithdrawalAmount: null, freezeAmount: '0' }));
    fake.on('POST', '/shopping/pay/payBalance', ok(null));
    fake.on('POST', '/shopping/pay/payBalanceV2', [ok(null), fail(1604000, 'Balance is insufficient')]);
    const { cj } = await makeClient(fake);
    await expect(cj.pay.balance()).resolves.toEqual({ amount: '1234.50', noWithdrawalAmount: undefined, freezeAmount: '0.00' });
    await expect(cj.pay.payBalance('O1')).resolves.toBeUndefined();
    expect(JSON.parse(fake.hits('/shopping/pay/payBalance').at(-1)!.body)).toEqual({ orderId: 'O1' });
    await expect(cj.pay.payBalanceV2({ shipmentOrderId: 'S1', payId: 'P1' })).resolves.toBeUndefined();
    expect(JSON.parse(fake.hits('/shopping/pay/payBalanceV2').at(-1)!.body)).toEqual({ shipmentOrderId: 'S1', payId: 'P1' });
    await expect(cj.pay.payBalanceV2({ shipmentOrderId: 'S1', payId: 'P1' })).rejects.toBeInstanceOf(CjInsufficientBalanceError);
  });
});

describe('logistic', () => {
  it('freightCalculate / freightCalculateTip / trackInfo', async () => {
    fake.on('POST', '/logistic/freightCalculate', ok([{ logisticName: 'CJPacket Ordinary', logisticAging: '7-12', logisticPrice: 4.37, logisticPriceCn: '30.12' }]));
    fake.on('POST', '/logistic/freightCalculateTip', {
      body: { code: 200, result: true, success: true, data: [{ option: { id: 'o1', enName: 'CJPacket Postal', arrivalTime: '7-15' }, channel: { id: 'c1', enName: 'Postal' }, postage: '3.10', wrapWeight: '120' }] },
    });
    fake.on('GET', '/logistic/trackInfo', ok([{ trackingNumber: 'YT1', logisticName: 'YunExpress', deliveryDay: '13', trackingStatus: 'In transit' }]));
    const { cj } = await makeClient(fake);
    await expect(cj.logistic.freightCalculate({ startCountryCode: 'CN', endCountryCode: 'US', products: [{ vid: 'V1', quantity: 1 }] })).resolves.toEqual([
      { logisticName: 'CJPacket Ordinary', logisticAging: '7-12', logisticPrice: '4.37', logisticPriceCn: '30.12', taxesFee: undefined, clearanceOperationFee: undefined, totalPostageFee: undefined },
    ]);
    await expect(cj.logistic.freightCalculateTip({ reqDTOS: [{ srcAreaCode: 'CN', destAreaCode: 'US', totalGoodsAmount: '9.9' }] })).resolves.toMatchObject([
      { logisticName: 'CJPacket Postal', optionId: 'o1', channelId: 'c1', channelName: 'Postal', arrivalTime: '7-15', postage: '3.10', wrapWeight: 120 },
    ]);
    expect(fake.hits('/logistic/freightCalculateTip').at(-1)!.body).toContain('"totalGoodsAmount":9.90');
    await expect(cj.logistic.trackInfo(['YT1', 'YT2'])).resolves.toMatchObject([{ trackingNumber: 'YT1', deliveryDay: 13, trackingStatus: 'In transit' }]);
    expect(fake.hits('/logistic/trackInfo').at(-1)!.query.getAll('trackNumber')).toEqual(['YT1', 'YT2']);
  });
});

describe('disputes', () => {
  it('products / confirmInfo / create / list / detail', async () => {
    fake.on('GET', '/disputes/disputeProducts', ok({ orderId: 'O1', orderNumber: 'LOJ-1', productInfoList: [{ lineItemId: 'L1', canChoose: true, price: 11.85, quantity: 2 }] }));
    fake.on('POST', '/disputes/disputeConfirmInfo', ok({ orderId: 'O1', maxAmount: 30, expectResultOptionList: ['1', 2], disputeReasonList: [{ disputeReasonId: 3, reasonName: 'Not received' }] }));
    fake.on('POST', '/disputes/create', { body: { code: 200, result: true, message: 'ok', data: 'true', redirectUri: 'x' } });
    fake.on('GET', '/disputes/getDisputeList', ok({ pageNum: 1, pageSize: 10, total: 1, list: [{ id: 'D1', status: 'processing', money: 11.85, finallyDeal: 1, productList: [{ price: '11.85' }] }] }));
    fake.on('GET', '/disputes/getDisputeDetail', { body: '{"code":200,"result":true,"data":{"id":"D1","orderId":210823100016290555}}' });
    const { cj } = await makeClient(fake);
    await expect(cj.disputes.products('O1')).resolves.toMatchObject({ orderId: 'O1', productInfoList: [{ lineItemId: 'L1', canChoose: true, price: '11.85', quantity: 2 }] });
    await expect(cj.disputes.confirmInfo({ orderId: 'O1', productInfoList: [{ lineItemId: 'L1', quantity: 1, price: '11.85' }] })).resolves.toMatchObject({
      maxAmount: '30.00',
      expectResultOptionList: ['1', '2'],
      disputeReasonList: [{ disputeReasonId: '3', reasonName: 'Not received' }],
    });
    expect(fake.hits('/disputes/disputeConfirmInfo').at(-1)!.body).toContain('"price":11.85');
    await expect(
      cj.disputes.create({ businessDisputeId: 'B1', orderId: 'O1', disputeReasonId: 3, expectType: 1, refundType: 1, messageText: 'never arrived', productInfoList: [{ lineItemId: 'L1', quantity: 1, price: 11.85 }] }),
    ).resolves.toBe(true);
    await expect(cj.disputes.list({ orderId: 'O1' })).resolves.toMatchObject({ total: 1, items: [{ id: 'D1', money: '11.85', finallyDeal: 1, productList: [{ price: '11.85' }] }] });
    await expect(cj.disputes.detail('D1')).resolves.toEqual({ id: 'D1', orderId: '210823100016290555' });
  });
});

describe('setting, sourcing, warehouse, webhook', () => {
  it('setting.get flattens setting.qpsLimit and keeps openId exact', async () => {
    fake.on('GET', '/setting/get', {
      body: '{"code":200,"result":true,"data":{"openId":1234567890123456789,"openName":"Loja","setting":{"qpsLimit":"4","quotaLimits":[{"quotaUrl":"/product/list","quotaLimit":1000,"quotaType":4}]},"callback":{"product":{"type":"ENABLE","urls":["https://x"]}},"root":"GENERAL","isSandbox":false}}',
    });
    const { cj } = await makeClient(fake);
    await expect(cj.setting.get()).resolves.toEqual({
      openId: '1234567890123456789',
      openName: 'Loja',
      openEmail: undefined,
      qpsLimit: 4,
      quotaLimits: [{ quotaUrl: '/product/list', quotaLimit: 1000, quotaType: 4 }],
      callback: { product: { type: 'ENABLE', urls: ['https://x'] } },
      root: 'GENERAL',
      isSandbox: false,
    });
  });

  it('sourcing create/query (code 0 envelopes; a single object becomes a list)', async () => {
    fake.on('POST', '/product/sourcing/create', { body: { success: true, code: 0, message: null, data: { cjSourcingId: '285', result: 'success' } } });
    fake.on('POST', '/product/sourcing/query', { body: { success: true, code: 0, message: null, data: { sourceId: '285', sourceStatus: 5, cjProductId: 'P9' } } });
    const { cj } = await makeClient(fake);
    await expect(cj.sourcing.create({ productName: 'Singing bowl', productImage: 'https://i', price: '12.5' })).resolves.toEqual({ cjSourcingId: '285', result: 'success' });
    expect(fake.hits('/product/sourcing/create').at(-1)!.body).toContain('"price":12.50');
    await expect(cj.sourcing.query(['285'])).resolves.toMatchObject([{ sourceId: '285', sourceStatus: '5', cjProductId: 'P9' }]);
    expect(JSON.parse(fake.hits('/product/sourcing/query').at(-1)!.body)).toEqual({ sourceIds: ['285'] });
  });

  it('warehouse.detail; 1608001 → CjNotFoundError', async () => {
    fake.on('GET', '/warehouse/detail', [
      { body: { code: 200, result: true, success: true, data: { id: 'W1', name: 'US-CA', isSelfPickup: 0, logisticsBrandList: [{ id: 1, name: 'USPS' }] } } },
      fail(1608001, 'Warehouse info not found'),
    ]);
    const { cj } = await makeClient(fake);
    await expect(cj.warehouse.detail('W1')).resolves.toMatchObject({ id: 'W1', isSelfPickup: false, logisticsBrandList: [{ id: '1', name: 'USPS' }] });
    await expect(cj.warehouse.detail('W2')).rejects.toBeInstanceOf(CjNotFoundError);
  });

  it('webhook.set posts the topics', async () => {
    fake.on('POST', '/webhook/set', ok(true));
    const { cj } = await makeClient(fake);
    const body = { order: { type: 'ENABLE' as const, callbackUrls: ['https://shop.example/cj'] } };
    await expect(cj.webhook.set(body)).resolves.toBe(true);
    expect(JSON.parse(fake.hits('/webhook/set').at(-1)!.body)).toEqual(body);
  });
});
