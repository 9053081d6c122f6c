import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnvelope } from '../src/envelope.js';
import { CjBusinessError, CjRateLimitedError, CjResponseSchemaError, CjServerError } from '../src/index.js';
import { FakeCj, RATE_LIMITED, ok } from './helpers/fake-cj.js';
import { makeClient } from './helpers/setup.js';

describe('readEnvelope (the success rule of cj-api.md §3)', () => {
  const cases: [string, number, string, 'success' | 'failure' | 'not_envelope'][] = [
    ['standard', 200, '{"code":200,"result":true,"message":"Success","data":1,"requestId":"r"}', 'success'],
    ['extra success:true', 200, '{"code":200,"result":true,"success":true,"data":1}', 'success'],
    ['no result, success:true', 200, '{"code":200,"success":true,"message":"","data":[]}', 'success'],
    ['code 0', 200, '{"success":true,"code":0,"message":null,"data":{}}', 'success'],
    ['no code at all', 200, '{"success":true,"message":"","data":{}}', 'success'],
    ['data "true" + redirectUri', 200, '{"code":200,"result":true,"message":"ok","data":"true","redirectUri":"x"}', 'success'],
    ['code as a string', 200, '{"code":"200","result":true,"data":1}', 'success'],
    ['pointsInfo extra', 200, '{"code":200,"result":true,"data":1,"pointsInfo":{"total":1,"usedToday":0,"remaining":1}}', 'success'],
    ['429 without result', 429, '{"code":1600200,"message":"Too Many Requests, QPS limit is 1 time/1second"}', 'failure'],
    ['1600200 on HTTP 200 without result', 200, '{"code":1600200,"message":"Too Many Requests"}', 'failure'],
    ['code 200 but result false', 200, '{"code":200,"result":false,"data":null}', 'failure'],
    ['success false without code', 200, '{"success":false,"message":"nope"}', 'failure'],
    ['HTTP 500 with a JSON body', 500, '{"code":200,"result":true,"data":1}', 'failure'],
    ['HTML', 502, '<html>Bad gateway</html>', 'not_envelope'],
    ['JSON array', 200, '[1,2]', 'not_envelope'],
    ['empty body', 200, '', 'not_envelope'],
  ];
  it.each(cases)('%s', (_name, status, text, kind) => {
    expect(readEnvelope(status, text).kind).toBe(kind);
  });

  it('carries code, message and requestId', () => {
    const r = readEnvelope(200, '{"code":1603003,"result":false,"message":"Order exist","data":null,"requestId":"abc"}');
    expect(r).toMatchObject({ kind: 'failure', envelope: { code: 1603003, message: 'Order exist', requestId: 'abc' } });
  });
});

describe('envelope quirks through the client', () => {
  const fake = new FakeCj();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  it('accepts {code:200, success:true} without result (globalWarehouseList)', async () => {
    fake.on('GET', '/product/globalWarehouseList', {
      body: { code: 200, success: true, message: null, data: [{ areaId: 2, areaEn: 'US Warehouse', countryCode: 'US', disabled: false }] },
    });
    const { cj } = await makeClient(fake);
    await expect(cj.products.globalWarehouses()).resolves.toEqual([
      { areaId: '2', areaEn: 'US Warehouse', areaCn: undefined, countryCode: 'US', nameEn: undefined, valueEn: undefined, disabled: false },
    ]);
  });

  it('accepts {success:true, code:0, message:null} with string paging (productComments)', async () => {
    fake.on('GET', '/product/productComments', {
      body:
        '{"success":true,"code":0,"message":null,"data":{"pageNum":"1","pageSize":"1","total":"285","list":[' +
        '{"commentId":1424608189734850560,"pid":"1418412740587274240","comment":"nice","score":"5","commentUrls":["u"],"countryCode":"US"}]}}',
    });
    const { cj } = await makeClient(fake);
    const page = await cj.products.comments({ pid: '1418412740587274240' });
    expect(page).toMatchObject({ pageNum: 1, pageSize: 1, total: 285 });
    expect(page.items[0]).toMatchObject({ commentId: '1424608189734850560', score: 5, commentUrls: ['u'] });
  });

  it('accepts addCart’s {success:true, code:200} without result/requestId', async () => {
    fake.on('POST', '/shopping/order/addCart', {
      body: { success: true, code: 200, message: 'Congratulation! Well done!', data: { successCount: 1, addSuccessOrders: ['2108231000162905'], interceptOrders: [] } },
    });
    const { cj } = await makeClient(fake);
    await expect(cj.orders.addCart(['2108231000162905'])).resolves.toMatchObject({ successCount: 1, addSuccessOrders: ['2108231000162905'] });
  });

  it('accepts saveGenerateParentOrder’s envelope with no code', async () => {
    fake.on('POST', '/shopping/order/saveGenerateParentOrder', {
      body: { success: true, message: '', data: { orderMoney: 23.7, payId: 'P1', paymentInformation: { actualPayment: 23.7, iossType: 1 }, successOrders: ['A'] } },
    });
    const { cj } = await makeClient(fake);
    const r = await cj.orders.saveGenerateParentOrder('S1');
    expect(r).toMatchObject({ orderMoney: '23.70', payId: 'P1', successOrders: ['A'], paymentInformation: { actualPayment: '23.70', iossType: 1 } });
  });

  it('normalises data:"true" (disputes) to true', async () => {
    fake.on('POST', '/disputes/cancel', { body: { code: 200, result: true, message: 'ok', data: 'true', redirectUri: 'https://x' } });
    const { cj } = await makeClient(fake);
    await expect(cj.disputes.cancel({ orderId: 'O1', disputeId: 'D1' })).resolves.toBe(true);
  });

  it('treats a 429 body without result as rate limiting and retries', async () => {
    fake.on('GET', '/setting/get', [RATE_LIMITED, ok({ openId: 5, setting: { qpsLimit: 1, quotaLimits: [] } })]);
    const { cj } = await makeClient(fake);
    await expect(cj.setting.get()).resolves.toMatchObject({ openId: '5', qpsLimit: 1 });
  });

  it('never mistakes a 1600200 body (no result) for data', async () => {
    fake.on('GET', '/product/stock/queryByVid', { body: { code: 1600200, message: 'Too Many Requests' } });
    const { cj } = await makeClient(fake, { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(cj.stock.byVid('V1')).rejects.toBeInstanceOf(CjRateLimitedError);
    expect(fake.hits('/product/stock/queryByVid')).toHaveLength(2);
  });

  it('code 200 with result:false is a failure', async () => {
    fake.on('GET', '/warehouse/detail', { body: { code: 200, result: false, message: 'odd', data: null } });
    const { cj } = await makeClient(fake);
    await expect(cj.warehouse.detail('W1')).rejects.toBeInstanceOf(CjBusinessError);
  });

  it('a success envelope whose data does not match the schema → CjResponseSchemaError naming the field', async () => {
    fake.on('GET', '/product/query', ok({ pid: 'P1', sellPrice: 'not-a-price', variants: [] }));
    const { cj, events } = await makeClient(fake);
    const err = await cj.products.query({ pid: 'P1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CjResponseSchemaError);
    expect((err as CjResponseSchemaError).issues[0]?.path).toBe('sellPrice');
    expect((err as CjResponseSchemaError).data).toMatchObject({ pid: 'P1' });
    expect(events.at(-1)).toMatchObject({ type: 'call', outcome: 'schema_error' });
  });

  it('a 5xx HTML page on a read is a server error (retried, then thrown)', async () => {
    fake.on('GET', '/shopping/pay/getBalance', { status: 502, body: '<html>Bad gateway</html>' });
    const { cj } = await makeClient(fake, { retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(cj.pay.balance()).rejects.toBeInstanceOf(CjServerError);
    expect(fake.hits('/shopping/pay/getBalance')).toHaveLength(3);
  });
});
