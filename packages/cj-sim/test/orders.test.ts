// Freight per (from → to) route and the order lifecycle (cj-api.md §7.1) end to end on the
// simulated clock, with the money rules: exact amounts, one debit per order, refusals that leave
// nothing behind, createOrder rejecting a line the route does not offer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView, PaymentEntry, RunningSimulator } from '../src/index.js';
import { ADDRESS, call, cheapestLine, createOrder, login, newAccount, orderableProduct, sim, type Json } from './helpers.js';

let s: RunningSimulator;

beforeAll(async () => {
  s = await sim();
});
afterAll(() => s.close());

const cents = (money: number | string) => Math.round(Number(money) * 100);

describe('the lifecycle to DELIVERED', () => {
  it('creates, confirms, pays once, ships after 1–3 days, tracks and delivers — one order and one payment in the ledger', async () => {
    const a = await newAccount(s, { balance: '500.00' });
    const p = orderableProduct(s, (x) => x.variants.length >= 2);
    const [v1, v2] = [p.variants[0]!, p.variants[1]!];
    const since = s.control.ledgerCursor();
    const line = await cheapestLine(s, a.token, v1.vid, 3);
    const created = await call(s, 'POST', '/shopping/order/createOrderV2', {
      token: a.token,
      body: { orderNumber: 'LIFE-1', ...ADDRESS, logisticName: line.logisticName, fromCountryCode: 'CN', payType: 3, products: [{ vid: v1.vid, quantity: 2, storeLineItemId: 's-1' }, { vid: v2.vid, quantity: 1 }] },
    });
    expect(created.body.code).toBe(200);
    const d = created.body.data;
    expect(d.orderStatus).toBe('CREATED');
    expect(d.orderId).toMatch(/^\d{18,19}$/);
    expect(d.orderNumber).toBe('LIFE-1');
    // orderAmount = Σ variantSellPrice × qty + postage, exactly.
    expect(cents(d.productAmount)).toBe(v1.priceCents * 2 + v2.priceCents);
    expect(cents(d.orderAmount)).toBe(cents(d.productAmount) + cents(d.postageAmount));
    expect(created.text).toMatch(/"orderAmount":\d+\.\d{2},/);

    const byNumber = await call(s, 'GET', '/shopping/order/getOrderDetail', { token: a.token, query: { orderId: 'LIFE-1' } });
    const byCj = await call(s, 'GET', '/shopping/order/getOrderDetail', { token: a.token, query: { orderId: d.orderId } });
    expect(byNumber.body.data).toEqual(byCj.body.data);
    expect(byNumber.body.data).toMatchObject({ orderId: d.orderId, orderNum: 'LIFE-1', orderStatus: 'CREATED', fromCountryCode: 'CN' });

    const confirm = await call(s, 'PATCH', '/shopping/order/confirmOrder', { token: a.token, body: { orderId: d.orderId } });
    expect(confirm.body).toMatchObject({ code: 200, data: d.orderId });
    const pay = await call(s, 'POST', '/shopping/pay/payBalance', { token: a.token, body: { orderId: d.orderId } });
    expect(pay.body).toMatchObject({ code: 200, result: true, data: null });
    const balance = await call(s, 'GET', '/shopping/pay/getBalance', { token: a.token });
    expect(cents(balance.body.data.amount)).toBe(50_000 - cents(d.orderAmount));
    expect(s.control.getOrder(d.orderId)!.status).toBe('UNSHIPPED');

    await s.control.advanceClock({ hours: 23 });
    expect(s.control.getOrder(d.orderId)!.status).toBe('UNSHIPPED');
    await s.control.advanceClock({ hours: 49 });
    const shipped = s.control.getOrder(d.orderId)!;
    expect(shipped.status).toBe('SHIPPED');
    expect(shipped.trackNumber).toMatch(/^[A-Z0-9]{8,}$/);
    const detail = await call(s, 'GET', '/shopping/order/getOrderDetail', { token: a.token, query: { orderId: d.orderId } });
    expect(detail.body.data).toMatchObject({ orderStatus: 'SHIPPED', trackNumber: shipped.trackNumber, trackingUrl: expect.stringContaining(shipped.trackNumber!) });
    const tracking = await call(s, 'GET', '/logistic/trackInfo', { token: a.token, query: { trackNumber: shipped.trackNumber! } });
    expect(tracking.body.data[0]).toMatchObject({ trackingNumber: shipped.trackNumber, logisticName: line.logisticName, trackingFrom: 'CN', trackingTo: 'US', trackingStatus: 'In transit' });

    await s.control.advanceClock({ days: 30 });
    const done = s.control.getOrder(d.orderId)!;
    expect(done.status).toBe('DELIVERED');
    expect(done.logisticStatus).toBe(12);
    const statuses = done.trackEvents.map((e) => e.status);
    expect(statuses[0]).toBe(1);
    expect(statuses.at(-1)).toBe(12);
    expect(statuses).toEqual([...statuses].sort((x, y) => x - y));
    expect(statuses).toEqual(expect.arrayContaining([5, 6, 7, 8, 10]));
    const [min, max] = line.logisticAging.split('-').map(Number) as [number, number];
    const transitDays = (done.deliveredAt! - done.shippedAt!) / 86_400_000;
    expect(transitDays).toBeGreaterThanOrEqual(min);
    expect(transitDays).toBeLessThanOrEqual(max + 1);
    // 33 simulated days later the 15-day access token has expired: log in again.
    expect((await call(s, 'GET', '/logistic/trackInfo', { token: a.token, query: { trackNumber: shipped.trackNumber! } })).body.code).toBe(1600001);
    const fresh = await login(s, a.apiKey);
    const delivered = await call(s, 'GET', '/logistic/trackInfo', { token: fresh, query: { trackNumber: shipped.trackNumber! } });
    expect(delivered.body.data[0]).toMatchObject({ trackingStatus: 'Delivered', deliveryTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) });

    const entries = s.control.ledger({ since, openId: a.openId });
    expect(entries.filter((e) => e.kind === 'order')).toHaveLength(1);
    const payments = entries.filter((e): e is PaymentEntry => e.kind === 'payment');
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ amount: (cents(d.orderAmount) / 100).toFixed(2), via: 'payBalance', cjOrderIds: [d.orderId] });
    expect(entries.filter((e) => e.kind === 'order-status').map((e) => (e as Json).to)).toEqual(['CREATED', 'UNPAID', 'UNSHIPPED', 'SHIPPED', 'DELIVERED']);
  });
});

describe('refusals', () => {
  it('a refused create (more than the warehouse holds: 1603000; an option the route does not offer: 1605001) creates nothing and leaves the orderNumber free', async () => {
    // The engine relies on this: a refusal is a definite "nothing created", so it may create again
    // with the same number once the cause is fixed, without a lookup first.
    const a = await newAccount(s, { balance: '500.00' });
    const p = orderableProduct(s);
    const v = p.variants[0]!;
    const inCn = v.stock.find((area) => area.countryCode === 'CN')?.total ?? 0;
    const tooMany = await createOrder(s, a.token, { orderNumber: 'REFUSED-1', vid: v.vid, quantity: inCn + 1, logisticName: (await cheapestLine(s, a.token, v.vid, 1)).logisticName });
    expect(tooMany.body).toMatchObject({ code: 1603000, result: false });
    const badRoute = await createOrder(s, a.token, { orderNumber: 'REFUSED-1', vid: v.vid, logisticName: 'Retired Post' });
    expect(badRoute.body).toMatchObject({ code: 1605001, result: false });
    expect(s.control.ledger({ kind: 'order', openId: a.openId })).toHaveLength(0);
    const detail = await call(s, 'GET', '/shopping/order/getOrderDetail', { token: a.token, query: { orderId: 'REFUSED-1' } });
    expect(detail.body.code).not.toBe(200);
    const made = await createOrder(s, a.token, { orderNumber: 'REFUSED-1', vid: v.vid });
    expect(made.body).toMatchObject({ code: 200, data: { orderNumber: 'REFUSED-1', orderStatus: 'CREATED' } });
    expect(s.control.ledger({ kind: 'order', openId: a.openId })).toHaveLength(1);
  });

  it('refuses a duplicate orderNumber with 1603003 and creates nothing', async () => {
    const a = await newAccount(s);
    const vid = orderableProduct(s).variants[0]!.vid;
    expect((await createOrder(s, a.token, { orderNumber: 'DUP-1', vid })).body.code).toBe(200);
    const again = await createOrder(s, a.token, { orderNumber: 'DUP-1', vid });
    expect(again.body).toMatchObject({ code: 1603003, result: false, message: 'Order exist, please do not duplicate create' });
    expect(s.control.ledger({ kind: 'order', openId: a.openId })).toHaveLength(1);
    const other = await newAccount(s);
    expect((await createOrder(s, other.token, { orderNumber: 'DUP-1', vid })).body.code).toBe(200); // unique per account only
  });

  it('refuses payment on an insufficient balance with 1604000, debiting nothing', async () => {
    const a = await newAccount(s, { balance: '1.00' });
    const vid = orderableProduct(s).variants[0]!.vid;
    const made = await createOrder(s, a.token, { orderNumber: 'POOR-1', vid });
    await call(s, 'PATCH', '/shopping/order/confirmOrder', { token: a.token, body: { orderId: made.body.data.orderId } });
    const pay = await call(s, 'POST', '/shopping/pay/payBalance', { token: a.token, body: { orderId: made.body.data.orderId } });
    expect(pay.body).toMatchObject({ code: 1604000, result: false });
    expect(s.control.getAccount(a.openId)!.balance).toBe('1.00');
    expect(s.control.getOrder(made.body.data.orderId)!.status).toBe('UNPAID');
    const auto = await createOrder(s, a.token, { orderNumber: 'POOR-2', vid, payType: 2 });
    expect(auto.body.code).toBe(1604000);
    expect(s.control.getOrder('POOR-2')).toBeUndefined();
    s.control.setBalance(a.openId, '1000.00');
    expect((await call(s, 'POST', '/shopping/pay/payBalance', { token: a.token, body: { orderId: made.body.data.orderId } })).body.code).toBe(200);
  });

  it('refuses to pay twice (1603101) and never debits twice', async () => {
    const a = await newAccount(s, { balance: '300.00' });
    const vid = orderableProduct(s).variants[0]!.vid;
    const made = await createOrder(s, a.token, { orderNumber: 'TWICE-1', vid });
    const orderId = made.body.data.orderId;
    await call(s, 'PATCH', '/shopping/order/confirmOrder', { token: a.token, body: { orderId } });
    const [first, second] = await Promise.all([0, 1].map(() => call(s, 'POST', '/shopping/pay/payBalance', { token: a.token, body: { orderId } })));
    expect([first!.body.code, second!.body.code].sort((x, y) => x - y)).toEqual([200, 1603101]);
    expect(s.control.ledger({ kind: 'payment', openId: a.openId })).toHaveLength(1);
    expect(cents(s.control.getAccount(a.openId)!.balance)).toBe(30_000 - cents(made.body.data.orderAmount));
  });

  it('deletes only unpaid orders (then CANCELLED); a paid order → 1603002', async () => {
    const a = await newAccount(s);
    const vid = orderableProduct(s).variants[0]!.vid;
    const unpaid = (await createOrder(s, a.token, { orderNumber: 'DEL-1', vid })).body.data.orderId;
    const del = await call(s, 'DELETE', '/shopping/order/deleteOrder', { token: a.token, query: { orderId: unpaid } });
    expect(del.body).toMatchObject({ code: 200, data: unpaid });
    expect(s.control.getOrder(unpaid)!.status).toBe('CANCELLED');
    const paid = (await createOrder(s, a.token, { orderNumber: 'DEL-2', vid, payType: 2 })).body.data.orderId;
    const refused = await call(s, 'DELETE', '/shopping/order/deleteOrder', { token: a.token, query: { orderId: paid } });
    expect(refused.body).toMatchObject({ code: 1603002, result: false });
  });

  it('rejects unknown variants (1602000), delisted ones (1602003) and missing fields (1600300)', async () => {
    const a = await newAccount(s);
    const unknown = await createOrder(s, a.token, { orderNumber: 'BAD-1', vid: '00000000-0000-4000-8000-000000000000', logisticName: 'DHL Official' });
    expect(unknown.body.code).toBe(1602000);
    const p = orderableProduct(s, (x) => x.variants.length === 1);
    const line = await cheapestLine(s, a.token, p.variants[0]!.vid);
    s.control.delistProduct(p.pid);
    try {
      const delisted = await createOrder(s, a.token, { orderNumber: 'BAD-2', vid: p.variants[0]!.vid, logisticName: line.logisticName });
      expect(delisted.body.code).toBe(1602003);
    } finally {
      s.control.relistProduct(p.pid);
    }
    const missing = await call(s, 'POST', '/shopping/order/createOrderV2', { token: a.token, body: { ...ADDRESS, orderNumber: 'BAD-3', fromCountryCode: 'CN', products: [] } });
    expect(missing.body).toMatchObject({ code: 1600300, message: 'logisticName must be not empty' });
    const noProducts = await call(s, 'POST', '/shopping/order/createOrderV2', { token: a.token, body: { ...ADDRESS, orderNumber: 'BAD-4', logisticName: 'x', fromCountryCode: 'CN', products: [] } });
    expect(noProducts.body).toMatchObject({ code: 1600300, message: 'products must be not empty' });
    expect(s.control.ledger({ kind: 'order', openId: a.openId })).toHaveLength(0);
  });
});

describe('payment flows', () => {
  it('cart flow: addCart → IN_CART, addCartConfirm → UNPAID + shipmentsId, saveGenerateParentOrder → payId, payBalanceV2 → UNSHIPPED', async () => {
    const a = await newAccount(s, { balance: '1000.00' });
    const vid = orderableProduct(s).variants[0]!.vid;
    const ids: string[] = [];
    for (const n of ['CART-1', 'CART-2']) ids.push((await createOrder(s, a.token, { orderNumber: n, vid })).body.data.orderId);
    const add = await call(s, 'POST', '/shopping/order/addCart', { token: a.token, body: { cjOrderIdList: [...ids, '999'] } });
    expect(add.body.data).toEqual({ successCount: 2, addSuccessOrders: ids, unInterceptAddressCount: 0, interceptOrders: ['999'] });
    expect(s.control.getOrder(ids[0]!)!.status).toBe('IN_CART');
    const confirm = await call(s, 'POST', '/shopping/order/addCartConfirm', { token: a.token, body: { cjOrderIdList: ids } });
    expect(confirm.body.data).toMatchObject({ successCount: 2, submitSuccess: true, result: 0, interceptOrders: [] });
    const shipmentsId = confirm.body.data.shipmentsId as string;
    expect(shipmentsId).toMatch(/^SD\d{20}$/);
    const listed = await call(s, 'GET', '/shopping/order/list', { token: a.token, query: { status: 'UNPAID' } });
    expect(listed.body.data.list.map((o: Json) => o.orderId).sort()).toEqual([...ids].sort());
    const parent = await call(s, 'POST', '/shopping/order/saveGenerateParentOrder', { token: a.token, body: { shipmentOrderId: shipmentsId } });
    const payId = parent.body.data.payId as string;
    expect(payId).toMatch(/^\d{19}$/);
    const total = ids.reduce((sum, id) => sum + cents(s.control.getOrder(id)!.amount), 0);
    expect(cents(parent.body.data.orderMoney)).toBe(total);
    expect(parent.body.data.successOrders).toEqual(ids);
    expect((await call(s, 'POST', '/shopping/pay/payBalanceV2', { token: a.token, body: { shipmentOrderId: shipmentsId, payId: 'wrong' } })).body.code).toBe(1600300);
    const pay = await call(s, 'POST', '/shopping/pay/payBalanceV2', { token: a.token, body: { shipmentOrderId: shipmentsId, payId } });
    expect(pay.body).toMatchObject({ code: 200, data: null });
    for (const id of ids) expect(s.control.getOrder(id)!.status).toBe('UNSHIPPED');
    const again = await call(s, 'POST', '/shopping/pay/payBalanceV2', { token: a.token, body: { shipmentOrderId: shipmentsId, payId } });
    expect(again.body.code).toBe(1603101);
    const payments = s.control.ledger({ kind: 'payment', openId: a.openId }) as PaymentEntry[];
    expect(payments).toHaveLength(1);
    expect(cents(payments[0]!.amount)).toBe(total);
  });

  it('payType 1 answers a cjPayUrl (UNPAID); payType 2 pays from the balance at once; V3 only creates', async () => {
    const a = await newAccount(s, { balance: '1000.00' });
    const vid = orderableProduct(s).variants[0]!.vid;
    const page = await createOrder(s, a.token, { orderNumber: 'PT-1', vid, payType: 1 });
    expect(page.body.data).toMatchObject({ orderStatus: 'UNPAID', cjPayUrl: expect.stringContaining('/_sim/pay/') });
    expect(page.body.data.shipmentOrderId).toMatch(/^SD/);
    const html = await fetch(page.body.data.cjPayUrl);
    expect(await html.text()).toContain('Simulated CJ payment');
    await fetch(page.body.data.cjPayUrl, { method: 'POST' });
    expect(s.control.getOrder('PT-1')!.status).toBe('UNSHIPPED');
    expect(s.control.getAccount(a.openId)!.balance).toBe('1000.00'); // paid on the page, not from the balance
    const auto = await createOrder(s, a.token, { orderNumber: 'PT-2', vid, payType: 2 });
    expect(auto.body.data).toMatchObject({ orderStatus: 'UNSHIPPED', cjPayUrl: null });
    expect(cents(s.control.getAccount(a.openId)!.balance)).toBe(100_000 - cents(auto.body.data.orderAmount));
    const v3 = await createOrder(s, a.token, { orderNumber: 'PT-3', vid, version: 'V3', extra: { payType: 2 } });
    expect(v3.body.data).toMatchObject({ orderStatus: 'CREATED', shipmentOrderId: null });
  });

  it('lists orders with paging and a status filter', async () => {
    const a = await newAccount(s);
    const vid = orderableProduct(s).variants[0]!.vid;
    for (let i = 1; i <= 5; i++) await createOrder(s, a.token, { orderNumber: `LIST-${i}`, vid });
    const page = await call(s, 'GET', '/shopping/order/list', { token: a.token, query: { pageNum: 2, pageSize: 2, status: 'CREATED' } });
    expect(page.body.data).toMatchObject({ pageNum: 2, pageSize: 2, total: 5 });
    expect(page.body.data.list).toHaveLength(2);
    expect(page.body.data.list[0]).toHaveProperty('orderNum');
    expect((await call(s, 'GET', '/shopping/order/list', { token: a.token, query: { status: 'SHIPPED' } })).body.data.total).toBe(0);
    expect((await call(s, 'GET', '/shopping/order/list', { token: a.token, query: { status: 'LOST' } })).body.code).toBe(1600300);
    const notFound = await call(s, 'GET', '/shopping/order/getOrderDetail', { token: a.token, query: { orderId: 'nope' } });
    expect(notFound.body).toMatchObject({ code: 1600300, message: 'order not found' });
  });
});

describe('control hooks on orders', () => {
  async function paidOrder(n: string): Promise<{ id: string; token: string }> {
    const a = await newAccount(s, { balance: '1000.00' });
    const vid = orderableProduct(s).variants[0]!.vid;
    const made = await createOrder(s, a.token, { orderNumber: n, vid, payType: 2 });
    return { id: made.body.data.orderId, token: a.token };
  }

  it('stalls: an order that never ships, and tracking that goes silent', async () => {
    const never = await paidOrder('STALL-1');
    const silent = await paidOrder('STALL-2');
    s.control.stallOrder(never.id);
    s.control.shipOrder(silent.id);
    s.control.stallOrder(silent.id);
    await s.control.advanceClock({ days: 40 });
    expect(s.control.getOrder(never.id)!.status).toBe('UNSHIPPED');
    const o: OrderView = s.control.getOrder(silent.id)!;
    expect(o.status).toBe('SHIPPED');
    expect(o.trackEvents.map((e) => e.status)).toEqual([1]);
    s.control.resumeOrder(never.id);
    await s.control.advanceClock({ days: 40 });
    expect(s.control.getOrder(never.id)!.status).toBe('DELIVERED');
  });

  it('ships, delivers and forces statuses now', async () => {
    const o = await paidOrder('FORCE-1');
    expect(s.control.shipOrder(o.id).status).toBe('SHIPPED');
    expect(s.control.setTrackingStatus(o.id, 13).logisticStatus).toBe(13);
    expect(s.control.deliverOrder(o.id)).toMatchObject({ status: 'DELIVERED', logisticStatus: 12 });
    const other = await paidOrder('FORCE-2');
    expect(s.control.setOrderStatus(other.id, 'DELIVERED').status).toBe('DELIVERED');
    expect(() => s.control.setOrderStatus(other.id, 'LOST' as never)).toThrow(/status must be one of/);
  });
});

describe('freight', () => {
  let freightToken: string | undefined;
  const token = () => {
    if (!freightToken) throw new Error('freight token not ready');
    return freightToken;
  };
  const vid = () => orderableProduct(s).variants[0]!.vid;

  // Logged in when this block starts: the lifecycle tests above move the clock by weeks.
  beforeAll(async () => {
    freightToken = (await newAccount(s)).token;
  });

  const freight = (from: string, to: string, quantity = 1, v = vid()) =>
    call(s, 'POST', '/logistic/freightCalculate', { token: token(), body: { startCountryCode: from, endCountryCode: to, products: [{ vid: v, quantity }] } });

  describe('logistic/freightCalculate', () => {
    it('offers several named lines with agings and two-decimal prices (USD and CNY)', async () => {
      const r = await freight('CN', 'US');
      expect(r.body.code).toBe(200);
      const names = r.body.data.map((o: Json) => o.logisticName);
      expect(names.length).toBeGreaterThanOrEqual(2);
      expect(names).toContain('DHL Official');
      for (const o of r.body.data) {
        expect(o.logisticAging).toMatch(/^\d+-\d+$/);
        expect(typeof o.logisticPrice).toBe('number');
        expect(o.logisticPriceCn).toBeGreaterThan(o.logisticPrice);
      }
      expect(r.text).toMatch(/"logisticPrice":\d+\.\d{2},/);
    });

    it('is deterministic per route, scales with weight × quantity, and some routes offer fewer lines', async () => {
      const a = await freight('CN', 'US');
      expect((await freight('CN', 'US')).body.data).toEqual(a.body.data);
      const heavy = await freight('CN', 'US', 5);
      expect(heavy.body.data[0].logisticPrice).toBeGreaterThan(a.body.data[0].logisticPrice);
      const us = await freight('US', 'US');
      expect(us.body.data.map((o: Json) => o.logisticName)).toContain('USPS+');
      expect(us.body.data.map((o: Json) => o.logisticName)).not.toContain('CJPacket Ordinary');
      const counts = new Set<number>();
      for (const to of ['US', 'GB', 'DE', 'FR', 'BR', 'JP', 'AU', 'ZA', 'MX', 'SA', 'NG', 'CA']) counts.add((await freight('CN', to)).body.data.length);
      expect(counts.size).toBeGreaterThan(1);
    });

    it('answers an unknown country with 1605002 and missing fields with 1600300', async () => {
      expect((await freight('CN', 'XX')).body).toMatchObject({ code: 1605002, result: false });
      const r = await call(s, 'POST', '/logistic/freightCalculate', { token: token(), body: { startCountryCode: 'CN', endCountryCode: 'US' } });
      expect(r.body).toMatchObject({ code: 1600300, message: 'products must be not empty' });
    });
  });

  describe('logistic/freightCalculateTip', () => {
    it('answers the tip shape (option.enName, postage, areas) with the same lines and prices', async () => {
      const plain = await freight('CN', 'DE');
      const p = s.control.listProducts({ status: 'listed' }).find((x) => x.variants.some((v) => v.vid === vid()))!;
      const sku = p.variants.find((v) => v.vid === vid())!.sku;
      const r = await call(s, 'POST', '/logistic/freightCalculateTip', { token: token(), body: { reqDTOS: [{ srcAreaCode: 'CN', destAreaCode: 'DE', freightTrialSkuList: [{ sku, skuQuantity: 1 }] }] } });
      expect(r.body).toMatchObject({ code: 200, result: true, success: true });
      const row = r.body.data[0];
      expect(row.option).toMatchObject({ enName: plain.body.data[0].logisticName, arrivalTime: plain.body.data[0].logisticAging });
      expect(row.postage).toBe(plain.body.data[0].logisticPrice);
      expect(row.destArea).toMatchObject({ shortCode: 'DE' });
      expect(row.srcArea).toMatchObject({ shortCode: 'CN' });
      expect(r.body.data.map((x: Json) => x.option.enName)).toEqual(plain.body.data.map((x: Json) => x.logisticName));
      const bare = await call(s, 'POST', '/logistic/freightCalculateTip', { token: token(), body: { reqDTOS: [{ srcAreaCode: 'CN', destAreaCode: 'US' }] } });
      expect(bare.body.data.length).toBeGreaterThan(0);
    });
  });

  describe('createOrder and the route', () => {
    it('rejects a logisticName that the route does not offer with 1605001', async () => {
      const r = await createOrder(s, token(), { orderNumber: 'freight-bad', vid: vid(), logisticName: 'USPS+' });
      expect(r.body).toMatchObject({ code: 1605001, result: false, message: 'Logistic invalid, please reference freight calculate.' });
      const made = await createOrder(s, token(), { orderNumber: 'freight-ok', vid: vid(), logisticName: 'DHL Official' });
      expect(made.body.code).toBe(200);
      const route = await freight('CN', 'US');
      const dhl = route.body.data.find((o: Json) => o.logisticName === 'DHL Official');
      expect(made.body.data.postageAmount).toBe(dhl.logisticPrice);
    });
  });
});
