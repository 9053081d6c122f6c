// Transport-level behaviour: unknown paths, wrong methods, bodies, tokens, and every per-endpoint
// envelope variant of cj-api.md §3.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../src/index.js';
import { UUID, call, login, orderableProduct, createOrder, sim, type Json } from './helpers.js';

let s: RunningSimulator;
let token: string;

beforeAll(async () => {
  s = await sim();
  token = await login(s);
});
afterAll(() => s.close());

describe('paths, methods and bodies', () => {
  it('answers an unknown path with 1600101 "Interface not found" (HTTP 200)', async () => {
    const r = await call(s, 'POST', '/authentication/login', { body: { email: 'a', password: 'b' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: 1600101, result: false, message: 'Interface not found', data: null });
    expect(r.body.requestId).toMatch(UUID);
    expect((await call(s, 'GET', '/product/stock/queryByVids', { token })).body.code).toBe(1600101);
  });

  it('answers a known path with the wrong method with 16900202', async () => {
    const r = await call(s, 'POST', '/product/listV2', { token, body: { keyWord: 'crystal' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: 16900202, result: false, message: "Request method 'POST' not supported" });
    expect((await call(s, 'GET', '/shopping/order/confirmOrder', { token })).body.code).toBe(16900202);
  });

  it('rejects malformed JSON with 16900205, a missing body with 16900204, a wrong content type with 16900203', async () => {
    const bad = await call(s, 'POST', '/logistic/freightCalculate', { token, rawBody: '{"startCountryCode": "CN",' });
    expect(bad.body).toMatchObject({ code: 16900205, message: 'The request parameter is not in a correct JSON format' });
    const missing = await call(s, 'POST', '/logistic/freightCalculate', { token });
    expect(missing.body).toMatchObject({ code: 16900204, message: 'Required request body is missing' });
    const plain = await call(s, 'POST', '/logistic/freightCalculate', { token, rawBody: '{}', contentType: 'text/plain' });
    expect(plain.body).toMatchObject({ code: 16900203, message: 'Content type not supported[text/plain]' });
  });

  it('answers parameter errors with 1600300 and a message naming the parameter', async () => {
    for (const [query, name] of [[{ size: 101 }, 'size'], [{ size: 0 }, 'size'], [{ page: 1001 }, 'page'], [{ page: 'x' }, 'page']] as const) {
      const r = await call(s, 'GET', '/product/listV2', { token, query });
      expect(r.status).toBe(200);
      expect(r.body.code).toBe(1600300);
      expect(r.body.message).toContain(name);
    }
    const r = await call(s, 'POST', '/shopping/order/createOrderV2', { token, body: { orderNumber: 'x' } });
    expect(r.body).toMatchObject({ code: 1600300, message: 'shippingCountryCode must be not empty' });
  });

  it('needs CJ-Access-Token: missing → 1600002, unknown → 1600001', async () => {
    expect((await call(s, 'GET', '/setting/get')).body).toMatchObject({ code: 1600002, result: false, message: 'access token cannot be empty' });
    expect((await call(s, 'GET', '/setting/get', { token: 'f59ac98193d64d62a9e887abea830369' })).body).toMatchObject({ code: 1600001, result: false });
  });
});

describe('envelopes, endpoint by endpoint', () => {
  const keys = (o: Json) => Object.keys(o).sort();

  it('standard: {code:200, result:true, message:"Success", data, requestId}', async () => {
    const r = await call(s, 'GET', '/product/getCategory', { token });
    expect(keys(r.body)).toEqual(['code', 'data', 'message', 'requestId', 'result']);
    expect(r.body).toMatchObject({ code: 200, result: true, message: 'Success' });
    expect(r.body.requestId).toMatch(UUID);
  });

  it('standard + success: addToMyProduct, and its "already added" error 1600000 with success:false', async () => {
    const p = orderableProduct(s);
    const r = await call(s, 'POST', '/product/addToMyProduct', { token, body: { productId: p.pid } });
    expect(keys(r.body)).toEqual(['code', 'data', 'message', 'requestId', 'result', 'success']);
    expect(r.body).toMatchObject({ code: 200, result: true, data: true, success: true });
    const again = await call(s, 'POST', '/product/addToMyProduct', { token, body: { productId: p.pid } });
    expect(again.body).toMatchObject({ code: 1600000, result: false, message: 'The product has been added to My Products.', data: null, success: false });
    const mine = await call(s, 'GET', '/product/myProduct/query', { token });
    expect(mine.body.success).toBe(true);
    expect(mine.body.data).toMatchObject({ pageNumber: 1, totalRecords: 1, totalPages: 1 });
    expect(mine.body.data.content[0]).toMatchObject({ productId: p.pid, sku: p.sku });
  });

  it('no result: globalWarehouseList answers {code:200, success:true, …} without `result`', async () => {
    const r = await call(s, 'GET', '/product/globalWarehouseList', { token });
    expect(r.body.result).toBeUndefined();
    expect(r.body).toMatchObject({ code: 200, success: true });
    expect(r.body.data[0]).toMatchObject({ areaId: 1, areaEn: 'China Warehouse', countryCode: 'CN', id: '1', disabled: false });
    expect(r.body.data.map((a: Json) => a.countryCode)).toEqual(expect.arrayContaining(['CN', 'US', 'DE']));
  });

  it('getInventoryByPid: {success:true, code:200, message:""}', async () => {
    const p = orderableProduct(s);
    const r = await call(s, 'GET', '/product/stock/getInventoryByPid', { token, query: { pid: p.pid } });
    expect(r.body).toMatchObject({ success: true, code: 200, message: '' });
    expect(r.body.result).toBeUndefined();
  });

  it('code 0: productComments {success:true, code:0, message:null} with string paging', async () => {
    const p = orderableProduct(s);
    const r = await call(s, 'GET', '/product/productComments', { token, query: { pid: p.pid } });
    expect(r.body).toMatchObject({ success: true, code: 0, message: null });
    expect(typeof r.body.data.pageNum).toBe('string');
    expect(typeof r.body.data.total).toBe('string');
    const sourcing = await call(s, 'POST', '/product/sourcing/create', { token, body: { productName: 'Moon lamp', productImage: 'https://example.com/a.png' } });
    expect(sourcing.body).toMatchObject({ success: true, code: 0, message: null, data: { result: 'success' } });
  });

  it('cart: addCart has no result and no requestId; saveGenerateParentOrder has no code at all', async () => {
    const p = orderableProduct(s);
    const created = await createOrder(s, token, { orderNumber: 'env-cart-1', vid: p.variants[0]!.vid });
    const orderId = created.body.data.orderId;
    const add = await call(s, 'POST', '/shopping/order/addCart', { token, body: { cjOrderIdList: [orderId] } });
    expect(keys(add.body)).toEqual(['code', 'data', 'message', 'success']);
    expect(add.body).toMatchObject({ success: true, code: 200, message: 'Congratulation! Well done!' });
    const confirm = await call(s, 'POST', '/shopping/order/addCartConfirm', { token, body: { cjOrderIdList: [orderId] } });
    expect(keys(confirm.body)).toEqual(['code', 'data', 'message', 'success']);
    const parent = await call(s, 'POST', '/shopping/order/saveGenerateParentOrder', { token, body: { shipmentOrderId: confirm.body.data.shipmentsId } });
    expect(keys(parent.body)).toEqual(['data', 'message', 'success']);
    expect(parent.body).toMatchObject({ success: true, message: '' });
  });

  it('errors keep the standard shape even on code-0 endpoints', async () => {
    const r = await call(s, 'GET', '/product/productComments', { token });
    expect(r.body).toMatchObject({ code: 1600300, result: false, data: null });
    expect(r.body.message).toContain('pid');
  });

  it('writes big ids as bare JSON numbers (openId, commentId)', async () => {
    const r = await call(s, 'GET', '/setting/get', { token });
    expect(r.text).toContain('"openId":1000001');
    const withComments = s.control.listProducts({ status: 'listed' }).slice(0, 40);
    let raw = '';
    for (const p of withComments) {
      raw = (await call(s, 'GET', '/product/productComments', { token, query: { pid: p.pid } })).text;
      if (raw.includes('commentId')) break;
    }
    expect(raw).toMatch(/"commentId":1[5-7]\d{17}[,}]/);
  });
});
