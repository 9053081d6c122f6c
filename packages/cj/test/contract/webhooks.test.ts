// Contract: webhooks end to end — webhook.set through the client, the simulator's real deliveries
// to a local receiver, and the client's parser and signature check on the exact bytes received.
// The account has a 19-digit openId (beyond 2^53): the signing key, the payload's openId and the
// 18-digit order ids must all survive exactly (cj-api.md §8, §9.9).
import type { AccountView, RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CjWebhookMessage, TrackingStatus, parseWebhook, verifyWebhookSignature } from '../../src/index.js';
import { FAST_QPS, Receiver, expectNoThrottling, ledgerOf, makeClient, newAccount, orderBody, orderableProduct, rawDigits, startSim, type TestClient } from './helpers.js';

const BIG_OPEN_ID = '1234567890123456789';

let sim: RunningSimulator;
let receiver: Receiver;
let account: AccountView;
let t: TestClient;
let orderId: string;
let vid: string;

function parsed(type: string): { raw: string; sign: string | string[] | undefined; msg: CjWebhookMessage }[] {
  return receiver.messages(type).map((r) => ({ raw: r.raw, sign: r.headers['sign'], msg: parseWebhook(r.raw) }));
}

const LIFECYCLE = ['CREATED', 'UNPAID', 'UNSHIPPED', 'SHIPPED', 'DELIVERED'];

/**
 * ORDER statuses received, in lifecycle order. Changes made by one API call (create + pay) are
 * delivered concurrently, as CJ would, so their arrival order is not part of the contract.
 */
function orderStatuses(): string[] {
  return parsed('ORDER')
    .map((o) => (o.msg.type === 'ORDER' ? (o.msg.params.orderStatus ?? '?') : '?'))
    .sort((a, b) => LIFECYCLE.indexOf(a) - LIFECYCLE.indexOf(b));
}

beforeAll(async () => {
  sim = await startSim({ allowLocalWebhooks: true });
  receiver = await new Receiver().start();
  // The simulator allows more than the client uses, so the raw look at the wire below never competes with it.
  account = newAccount(sim, { openId: BIG_OPEN_ID, balance: '1000.00', qps: 2 * FAST_QPS });
  t = makeClient(sim, account);
});

afterAll(async () => {
  await sim?.close();
  await receiver?.stop();
});

describe('webhooks with a 19-digit openId', () => {
  it('auth.openId() and setting.get().openId are the exact 19 digits CJ sends as a bare JSON number', async () => {
    expect(Number.isSafeInteger(Number(BIG_OPEN_ID))).toBe(false);
    expect(String(Number(BIG_OPEN_ID))).not.toBe(BIG_OPEN_ID);
    const token = await t.cj.auth.accessToken();
    expect(await t.cj.auth.openId()).toBe(BIG_OPEN_ID);
    expect((await t.cj.setting.get()).openId).toBe(BIG_OPEN_ID);
    const raw = await (await fetch(`${sim.baseUrl}/setting/get`, { headers: { 'CJ-Access-Token': token } })).text();
    expect(rawDigits(raw, 'openId')).toEqual([BIG_OPEN_ID]);
  });

  it('webhook.set registers the local receiver for every topic; the URL probe is signed with String(openId) and readable back in setting.get', async () => {
    const topic = { type: 'ENABLE' as const, callbackUrls: [receiver.url] };
    expect(await t.cj.webhook.set({ product: topic, stock: topic, order: topic, logistics: topic })).toBe(true);
    const probe = receiver.received.find((r) => r.raw === '{}');
    expect(probe, 'the simulator probed the URL').toBeDefined();
    expect(verifyWebhookSignature(probe!.raw, probe!.headers['sign'], (await t.cj.auth.openId())!)).toBe(true);
    expect(verifyWebhookSignature(probe!.raw, probe!.headers['sign'], String(Number(BIG_OPEN_ID)))).toBe(false);
    const settings = await t.cj.setting.get();
    for (const name of ['product', 'stock', 'order', 'logistics']) expect(settings.callback?.[name]).toEqual({ type: 'ENABLE', urls: [receiver.url] });
    expect(ledgerOf(sim, 'webhook-probe', account.openId).every((p) => p.ok)).toBe(true);
  });

  it('ORDER: the deliveries of a real order parse exactly (cjOrderId beyond 2^53, openId 19 digits) and verify; the bytes are the ones the simulator signed', async () => {
    const product = orderableProduct(sim);
    vid = product.variants[0]!.vid;
    const [line] = await t.cj.logistic.freightCalculate({ startCountryCode: 'CN', endCountryCode: 'US', products: [{ vid, quantity: 1 }] });
    const res = await t.cj.orders.createV2(orderBody('WH-1', [{ vid, quantity: 1 }], line!.logisticName, { payType: 2 }));
    orderId = res.orderId!;
    await sim.control.flushWebhooks();

    const orders = parsed('ORDER');
    expect(orderStatuses()).toEqual(['CREATED', 'UNPAID', 'UNSHIPPED']);
    const openId = (await t.cj.auth.openId())!;
    for (const { raw, sign, msg } of orders) {
      expect(verifyWebhookSignature(raw, sign, openId)).toBe(true);
      expect(msg.type).toBe('ORDER');
      if (msg.type !== 'ORDER') continue;
      expect(msg.messageId).toMatch(/^[0-9a-f]{32}$/);
      expect(msg.openId).toBe(BIG_OPEN_ID);
      expect(msg.params.cjOrderId).toBe(orderId);
      expect(msg.params.orderNumber).toBe('WH-1');
      expect(msg.params.logisticName).toBe(line!.logisticName);
      expect(msg.params.orderItems).toEqual([expect.objectContaining({ vid, quantity: 1, sellPrice: product.variants[0]!.price, storeLineItemId: 'WH-1-L1' })]);
      // The same text through JSON.parse loses digits: the parser is what keeps them.
      expect(rawDigits(raw, 'cjOrderId')).toEqual([orderId]);
      const naive = JSON.parse(raw) as { openId: number; params: { cjOrderId: number } };
      expect(String(naive.params.cjOrderId)).not.toBe(orderId);
      expect(String(naive.openId)).not.toBe(BIG_OPEN_ID);
    }
    expect(new Set(orders.map((o) => o.msg.messageId)).size).toBe(3);
    // What arrived is byte for byte what the simulator sent (and signed).
    const sent = ledgerOf(sim, 'webhook', account.openId).filter((w) => w.type === 'ORDER');
    expect(sent.map((w) => w.body).sort()).toEqual(orders.map((o) => o.raw).sort());
    expect(sent.every((w) => w.ok && w.attempt === 1)).toBe(true);
  });

  it('LOGISTIC: shipping and delivery on the simulated clock — orderId exact, numeric statuses with names, the JSON-string track events decoded', async () => {
    await sim.control.advanceClock({ days: 40 });
    await sim.control.flushWebhooks();
    const detail = await t.cj.orders.detail(orderId);
    expect(detail.orderStatus).toBe('DELIVERED');

    const logistic = parsed('LOGISTIC');
    const openId = (await t.cj.auth.openId())!;
    const statuses: (number | undefined)[] = [];
    for (const { raw, sign, msg } of logistic) {
      expect(verifyWebhookSignature(raw, sign, openId)).toBe(true);
      expect(msg.type).toBe('LOGISTIC');
      if (msg.type !== 'LOGISTIC') continue;
      expect(msg.params.orderId).toBe(orderId);
      expect(rawDigits(raw, 'orderId')).toEqual([orderId]);
      expect(msg.params.trackingNumber).toBe(detail.trackNumber);
      expect(msg.params.logisticName).toBe(detail.logisticName);
      expect(raw).toContain('"logisticsTrackEvents":"['); // a JSON-encoded string on the wire…
      expect(msg.params.logisticsTrackEvents).toHaveLength(statuses.length + 1); // …a list here, newest first
      expect(msg.params.logisticsTrackEvents[0]!.status).toBe(String(msg.params.trackingStatus));
      statuses.push(msg.params.trackingStatus);
    }
    expect(statuses).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10, 12]);
    const last = logistic.at(-1)!.msg;
    expect(last.type === 'LOGISTIC' && last.params.trackingStatusName).toBe('Signed');
    expect(TrackingStatus.Signed).toBe(12);

    expect(orderStatuses()).toEqual(LIFECYCLE);
    const [info] = await t.cj.logistic.trackInfo([detail.trackNumber!]);
    expect(info).toMatchObject({ trackingNumber: detail.trackNumber, trackingStatus: 'Delivered' });
  });

  it('STOCK, VARIANT and PRODUCT: control changes arrive typed, with exact values, and the reads agree', async () => {
    const p = sim.control.listProducts({ status: 'listed' }).find((x) => x.variants.some((v) => v.vid === vid))!; // before the change
    sim.control.setStock({ vid, countryCode: 'US', quantity: 7 });
    sim.control.setPrice({ vid, price: '12.30' });
    await sim.control.flushWebhooks();

    const [stock] = parsed('STOCK');
    expect(stock!.msg.type).toBe('STOCK');
    if (stock!.msg.type === 'STOCK') {
      expect(stock!.msg.params.map((s) => s.vid)).toEqual([vid]);
      expect(stock!.msg.params[0]!.areas.find((a) => a.countryCode === 'US')).toMatchObject({ vid, storageNum: 7, areaEn: 'US Warehouse' });
    }
    const [variant] = parsed('VARIANT');
    expect(variant!.msg).toMatchObject({ type: 'VARIANT', params: { vid, variantSellPrice: '12.30', fields: ['variantSellPrice'] } });
    const [product] = parsed('PRODUCT');
    const lowest = [...p.variants.map((v) => (v.vid === vid ? 1230 : v.priceCents))].sort((a, b) => a - b)[0]!;
    expect(product!.msg).toMatchObject({ type: 'PRODUCT', params: { pid: p.pid, productSellPrice: `${Math.floor(lowest / 100)}.${String(lowest % 100).padStart(2, '0')}`, fields: ['productSellPrice'] } });
    for (const m of [stock!, variant!, product!]) expect(verifyWebhookSignature(m.raw, m.sign, BIG_OPEN_ID)).toBe(true);

    expect((await t.cj.stock.byVid(vid)).find((a) => a.countryCode === 'US')?.totalInventory).toBe(7);
    expect((await t.cj.products.variantByVid(vid)).sellPrice).toBe('12.30');
  });

  it('zero 429s for the account', () => {
    expectNoThrottling(sim, account.openId);
  });
});
