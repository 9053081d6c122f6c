// Webhooks: webhook/set validation (localhost, https, the 200 probe), delivery with a valid `sign`,
// the payload types of cj-api.md §8 with bare big-number ids, and retries 5 simulated minutes apart.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator, WebhookEntry } from '../src/index.js';
import { webhookSignature } from '../src/index.js';
import { call, createOrder, login, newAccount, orderableProduct, parseBig, sim } from './helpers.js';
import { Receiver } from './receiver.js';

let s: RunningSimulator;
let rx: Receiver;

beforeAll(async () => {
  s = await sim({ allowLocalWebhooks: true, webhookTimeoutMs: 300 });
  rx = await new Receiver().start();
});
afterAll(async () => {
  await s.close();
  await rx.stop();
});

const ALL = (url: string) => ({
  product: { type: 'ENABLE', callbackUrls: [url] },
  stock: { type: 'ENABLE', callbackUrls: [url] },
  order: { type: 'ENABLE', callbackUrls: [url] },
  logistics: { type: 'ENABLE', callbackUrls: [url] },
});

function verify(raw: string, sign: string | string[] | undefined, openId: string): boolean {
  return typeof sign === 'string' && sign === createHmac('sha256', openId).update(raw).digest('base64');
}

describe('webhook/set', () => {
  it('is strict like CJ unless allowLocalWebhooks: localhost → 1607001, http → 1607002', async () => {
    const strict = await sim({ catalogueSize: 20 });
    try {
      const token = await login(strict);
      const local = await call(strict, 'POST', '/webhook/set', { token, body: { order: { type: 'ENABLE', callbackUrls: [rx.url] } } });
      expect(local.body).toMatchObject({ code: 1607001, result: false });
      const http = await call(strict, 'POST', '/webhook/set', { token, body: { order: { type: 'ENABLE', callbackUrls: ['http://example.com/hook'] } } });
      expect(http.body).toMatchObject({ code: 1607002, result: false });
    } finally {
      await strict.close();
    }
  });

  it('probes the URL and refuses it unless it answers 200 (1607003); one URL per topic', async () => {
    const a = await newAccount(s);
    rx.status = 500;
    const refused = await call(s, 'POST', '/webhook/set', { token: a.token, body: { order: { type: 'ENABLE', callbackUrls: [rx.url] } } });
    expect(refused.body.code).toBe(1607003);
    rx.status = 200;
    const two = await call(s, 'POST', '/webhook/set', { token: a.token, body: { order: { type: 'ENABLE', callbackUrls: [rx.url, rx.url] } } });
    expect(two.body.code).toBe(1600300);
    const ok = await call(s, 'POST', '/webhook/set', { token: a.token, body: ALL(rx.url) });
    expect(ok.body).toMatchObject({ code: 200, result: true, data: true });
    expect(rx.received.some((r) => r.raw === '{}')).toBe(true);
    const setting = await call(s, 'GET', '/setting/get', { token: a.token });
    expect(setting.body.data.callback).toEqual({
      product: { type: 'ENABLE', urls: [rx.url] },
      stock: { type: 'ENABLE', urls: [rx.url] },
      order: { type: 'ENABLE', urls: [rx.url] },
      logistics: { type: 'ENABLE', urls: [rx.url] },
    });
    await call(s, 'POST', '/webhook/set', { token: a.token, body: { product: { type: 'CANCEL', callbackUrls: [] } } });
    expect((await call(s, 'GET', '/setting/get', { token: a.token })).body.data.callback.product).toEqual({ type: 'CANCEL', urls: [] });
  });
});

describe('delivery', () => {
  it('delivers signed ORDER and LOGISTIC messages with bare big-number ids', async () => {
    const a = await newAccount(s, { balance: '500.00' });
    await call(s, 'POST', '/webhook/set', { token: a.token, body: ALL(rx.url) });
    const before = rx.received.length;
    const made = await createOrder(s, a.token, { orderNumber: 'WH-1', vid: orderableProduct(s).variants[0]!.vid, payType: 2 });
    const orderId: string = made.body.data.orderId;
    s.control.shipOrder(orderId);
    await s.control.flushWebhooks();
    const mine = rx.received.slice(before).filter((r) => r.raw.includes(orderId));
    const orders = mine.filter((r) => r.raw.includes('"type":"ORDER"'));
    expect(orders.map((r) => parseBig(r.raw).params.orderStatus)).toEqual(['CREATED', 'UNPAID', 'UNSHIPPED', 'SHIPPED']);
    for (const r of mine) {
      expect(verify(r.raw, r.headers.sign, a.openId)).toBe(true);
      expect(r.headers['content-type']).toBe('application/json');
      expect(webhookSignature(r.raw, a.openId)).toBe(r.headers.sign);
    }
    const order = orders[3]!;
    expect(order.raw).toContain(`"cjOrderId":${orderId},`);
    expect(order.raw).toContain(`"openId":${a.openId},`);
    const msg = parseBig(order.raw);
    expect(msg).toMatchObject({ type: 'ORDER', messageType: 'UPDATE', params: { orderNumber: 'WH-1', orderNum: 'WH-1', cjOrderId: orderId, logisticName: expect.any(String) } });
    expect(msg.messageId).toMatch(/^[0-9a-f]{32}$/);
    expect(msg.params.trackNumber).toEqual(expect.any(String));
    expect(msg.params.orderItems[0]).toMatchObject({ quantity: 1, lineItemId: expect.any(String) });

    s.control.setTrackingStatus(orderId, 5);
    await s.control.flushWebhooks();
    const logistic = rx.received.filter((r) => r.raw.includes('"type":"LOGISTIC"') && r.raw.includes(orderId)).at(-1)!;
    expect(logistic.raw).toContain(`"orderId":${orderId},`);
    const lm = parseBig(logistic.raw);
    expect(lm.params).toMatchObject({ trackingStatus: 5, trackingNumber: expect.any(String), logisticName: expect.any(String) });
    expect(typeof lm.params.logisticsTrackEvents).toBe('string');
    const events = JSON.parse(lm.params.logisticsTrackEvents);
    expect(events[0]).toMatchObject({ status: 5, statusDesc: 'First leg transportation', eventTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) });
  });

  it('delivers STOCK, VARIANT and PRODUCT messages when the control API changes the catalogue', async () => {
    const a = await newAccount(s);
    await call(s, 'POST', '/webhook/set', { token: a.token, body: ALL(rx.url) });
    const p = orderableProduct(s, (x) => x.variants.length === 1);
    const vid = p.variants[0]!.vid;
    const since = rx.received.length;
    s.control.setStock({ vid, countryCode: 'US', quantity: 7 });
    s.control.setPrice({ vid, price: '12.34' });
    s.control.delistProduct(p.pid);
    s.control.relistProduct(p.pid);
    await s.control.flushWebhooks();
    const got = rx.received.slice(since).filter((r) => verify(r.raw, r.headers.sign, a.openId)).map((r) => parseBig(r.raw));
    const stock = got.find((m) => m.type === 'STOCK')!;
    expect(stock.params[vid]).toContainEqual({ vid, areaId: '2', areaEn: 'US Warehouse', countryCode: 'US', storageNum: 7 });
    const variant = got.find((m) => m.type === 'VARIANT')!;
    expect(variant.params).toMatchObject({ vid, variantSellPrice: 12.34, fields: ['variantSellPrice'], variantWeight: null });
    const products = got.filter((m) => m.type === 'PRODUCT');
    expect(products.map((m) => [m.params.fields, m.params.productStatus ?? m.params.productSellPrice])).toEqual([
      [['productSellPrice'], 12.34],
      [['productStatus'], 2],
      [['productStatus'], 3],
    ]);
  });

  it('retries a failing receiver 3 more times, 5 simulated minutes apart, with the same message', async () => {
    const a = await newAccount(s);
    await call(s, 'POST', '/webhook/set', { token: a.token, body: { stock: { type: 'ENABLE', callbackUrls: [rx.url] } } });
    rx.status = 500;
    const since = s.control.ledgerCursor();
    const vid = orderableProduct(s).variants[0]!.vid;
    s.control.setStock({ vid, quantity: 3 });
    await s.control.advanceClock({ minutes: 30 });
    rx.status = 200;
    const attempts = (s.control.ledger({ since, kind: 'webhook', openId: a.openId }) as WebhookEntry[]).filter((e) => e.type === 'STOCK');
    expect(attempts.map((e) => e.attempt)).toEqual([1, 2, 3, 4]);
    expect(attempts.every((e) => e.status === 500 && !e.ok)).toBe(true);
    expect(new Set(attempts.map((e) => e.messageId)).size).toBe(1);
    const t0 = attempts[0]!.simTime;
    expect(attempts.map((e) => e.simTime - t0)).toEqual([0, 300_000, 600_000, 900_000]);
    const bodies = rx.received.filter((r) => r.raw.includes(attempts[0]!.messageId));
    expect(bodies).toHaveLength(4);
    expect(new Set(bodies.map((b) => b.raw)).size).toBe(1);
  });

  it('stops retrying after a success, and counts a receiver slower than the timeout as a failure', async () => {
    const a = await newAccount(s);
    await call(s, 'POST', '/webhook/set', { token: a.token, body: { stock: { type: 'ENABLE', callbackUrls: [rx.url] } } });
    const since = s.control.ledgerCursor();
    rx.status = 'hang';
    s.control.setStock({ vid: orderableProduct(s).variants[0]!.vid, quantity: 4 });
    await s.control.flushWebhooks();
    rx.status = 200;
    await s.control.advanceClock({ minutes: 20 });
    const attempts = (s.control.ledger({ since, kind: 'webhook', openId: a.openId }) as WebhookEntry[]).map((e) => [e.attempt, e.status, e.ok]);
    expect(attempts).toEqual([
      [1, null, false],
      [2, 200, true],
    ]);
    expect((s.control.ledger({ since, kind: 'webhook', openId: a.openId })[0] as WebhookEntry).error).toMatch(/timed out/);
  });

  it('omits the sign header when signWebhooks is false', async () => {
    const unsigned = await sim({ catalogueSize: 30, allowLocalWebhooks: true, signWebhooks: false });
    try {
      const token = await login(unsigned);
      await call(unsigned, 'POST', '/webhook/set', { token, body: { stock: { type: 'ENABLE', callbackUrls: [rx.url] } } });
      const since = rx.received.length;
      unsigned.control.setStock({ vid: unsigned.control.listProducts()[0]!.variants[0]!.vid, quantity: 1 });
      await unsigned.control.flushWebhooks();
      const got = rx.received.slice(since);
      expect(got).toHaveLength(1);
      expect(got[0]!.headers.sign).toBeUndefined();
    } finally {
      await unsigned.close();
    }
  });
});
