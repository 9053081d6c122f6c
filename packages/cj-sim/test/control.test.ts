// The control surface: the /_sim HTTP API (the same operations as SimControl, for tests in other
// languages, demos and curl) and fault injection mode by mode — including commit-then-drop, where
// the order is committed although the client only saw a socket error (an unknown outcome).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type CallEntry, type RunningSimulator } from '../src/index.js';
import { call, cheapestLine, createOrder, login, newAccount, orderableProduct, parseBig, sim, type Json } from './helpers.js';

let s: RunningSimulator;

beforeAll(async () => {
  s = await sim();
});
afterAll(() => s.close());

async function ctl(method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${s.url}/_sim${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: parseBig(await res.text()) };
}

describe('/_sim', () => {
  it('describes the simulator', async () => {
    const r = await ctl('GET', '');
    expect(r.body).toMatchObject({ name: 'cj-sim', baseUrl: s.baseUrl, seed: 42, clock: 'manual', demoApiKey: s.demoApiKey, products: 300 });
  });

  it('reads and advances the clock', async () => {
    const before = (await ctl('GET', '/clock')).body.now;
    expect(before).toBe(Date.UTC(2026, 10, 1));
    const r = await ctl('POST', '/clock/advance', { hours: 2, minutes: 30 });
    expect(r.body.now).toBe(before + 2.5 * 3_600_000);
    expect(s.control.now()).toBe(r.body.now);
    expect((await ctl('POST', '/clock/advance', { days: -1 })).status).toBe(400);
  });

  it('creates accounts, sets balances and QPS', async () => {
    const created = await ctl('POST', '/accounts', { openId: '9007199254740993', balance: '12.50', qps: 4 });
    expect(created.body).toMatchObject({ openId: '9007199254740993', balance: '12.50', qps: 4 });
    expect((await ctl('POST', '/accounts/9007199254740993/balance', { balance: '99.99' })).body.balance).toBe('99.99');
    expect((await ctl('POST', '/accounts/9007199254740993/qps', { qps: 6 })).body.qps).toBe(6);
    expect((await ctl('POST', '/accounts/1/balance', { balance: '1.00' })).status).toBe(404);
    expect((await ctl('POST', '/accounts/9007199254740993/balance', { balance: '1.005' })).status).toBe(400);
    const token = await login(s, created.body.apiKey);
    const bal = await call(s, 'GET', '/shopping/pay/getBalance', { token });
    expect(bal.text).toContain('"amount":99.99,');
  });

  it('changes stock, price and listing; the API sees it at once', async () => {
    const token = await login(s);
    const p = orderableProduct(s, (x) => x.variants.length === 1);
    const vid = p.variants[0]!.vid;
    const stock = await ctl('POST', '/stock', { vid, countryCode: 'DE', quantity: 42 });
    expect(stock.body.variants[0].stock).toContainEqual({ countryCode: 'DE', total: 42, cj: 42, factory: 0 });
    const byVid = await call(s, 'GET', '/product/stock/queryByVid', { token, query: { vid } });
    expect(byVid.body.data.find((r: Json) => r.countryCode === 'DE').totalInventoryNum).toBe(42);
    await ctl('POST', '/stock', { pid: p.pid, quantity: 0 });
    expect((await ctl('GET', `/products/${p.pid}`)).body.totalStock).toBe(0);
    await ctl('POST', '/price', { vid, price: '3.33' });
    const q = await call(s, 'GET', '/product/query', { token, query: { pid: p.pid } });
    expect(q.body.data.sellPrice).toBe('3.33');
    expect((await ctl('POST', `/products/${p.pid}/delist`)).body.status).toBe('delisted');
    expect((await call(s, 'GET', '/product/query', { token, query: { pid: p.pid } })).body.code).toBe(1602002);
    await ctl('POST', `/products/${p.pid}/relist`);
    expect((await call(s, 'GET', '/product/query', { token, query: { pid: p.pid } })).body.code).toBe(200);
    const listed = await ctl('GET', '/products?niche=crystals&limit=5');
    expect(listed.body).toHaveLength(5);
    expect(listed.body.every((x: Json) => x.niche === 'crystals')).toBe(true);
  });

  it('drives orders, reads the ledger with `since`, manages faults, flushes webhooks, resets', async () => {
    const token = await login(s, s.control.createAccount({ balance: '100.00' }).apiKey);
    const cursor = (await ctl('GET', '/ledger?kind=order')).body.cursor;
    const made = await createOrder(s, token, { orderNumber: 'CTL-1', vid: orderableProduct(s).variants[0]!.vid, payType: 2 });
    const id = made.body.data.orderId;
    expect((await ctl('GET', '/orders/CTL-1')).body).toMatchObject({ cjOrderId: id, status: 'UNSHIPPED' });
    expect((await ctl('POST', `/orders/${id}/ship`)).body.status).toBe('SHIPPED');
    expect((await ctl('POST', `/orders/${id}/tracking`, { trackingStatus: 6 })).body.logisticStatus).toBe(6);
    expect((await ctl('POST', `/orders/${id}/deliver`)).body.status).toBe('DELIVERED');
    expect((await ctl('POST', `/orders/${id}/status`, { status: 'NOPE' })).status).toBe(400);
    expect((await ctl('GET', '/orders/unknown')).status).toBe(404);
    const ledger = await ctl('GET', `/ledger?since=${cursor}&kind=order,payment`);
    expect(ledger.body.entries.map((e: Json) => e.kind)).toEqual(['order', 'payment']);

    const faults = await ctl('POST', '/faults', [{ path: '*', mode: 'error', rate: 0 }]);
    expect(faults.body[0]).toMatchObject({ id: expect.any(Number), mode: 'error' });
    expect((await ctl('GET', '/faults')).body).toHaveLength(1);
    expect((await ctl('POST', '/faults', { path: '*', mode: 'nope' })).status).toBe(400);
    await ctl('DELETE', '/faults');
    expect((await ctl('GET', '/faults')).body).toEqual([]);
    expect((await ctl('POST', '/webhooks/flush')).body).toEqual({ flushed: true });

    const reset = await ctl('POST', '/reset');
    expect(reset.body).toEqual({ reset: true, now: Date.UTC(2026, 10, 1) });
    expect((await ctl('GET', '/orders/CTL-1')).status).toBe(404);
    expect((await ctl('GET', '/ledger')).body.entries).toEqual([]);
    expect((await call(s, 'GET', '/setting/get', { token })).body.code).toBe(1600001);
  });
});

describe('fault modes', () => {
  let token: string;
  beforeAll(async () => {
    token = (await newAccount(s)).token;
  });

  it('error: answers the chosen code and HTTP status without processing, `times` limits it', async () => {
    s.control.addFaults({ path: '/shopping/pay/getBalance', mode: 'error', code: 1600000, times: 1 });
    const hit = await call(s, 'GET', '/shopping/pay/getBalance', { token });
    expect(hit.status).toBe(200);
    expect(hit.body).toMatchObject({ code: 1600000, result: false, message: 'System busy, please contact CJ IT' });
    expect((await call(s, 'GET', '/shopping/pay/getBalance', { token })).body.code).toBe(200);
    s.control.addFaults({ path: '/shopping/pay/getBalance', mode: 'error', code: 1600300, message: 'Param error', httpStatus: 400, times: 1 });
    const custom = await call(s, 'GET', '/shopping/pay/getBalance', { token });
    expect([custom.status, custom.body.code, custom.body.message]).toEqual([400, 1600300, 'Param error']);
    expect(s.control.listFaults().every((f) => f.remaining === 0)).toBe(true);
    s.control.clearFaults();
  });

  it('is deterministic per seed: rate 0.5 hits the same calls on every run', async () => {
    const pattern = async (x: RunningSimulator) => {
      const t = await login(x);
      x.control.addFaults({ path: '*', method: 'GET', mode: 'error', rate: 0.5 });
      const codes: number[] = [];
      for (let i = 0; i < 16; i++) codes.push((await call(x, 'GET', '/product/getCategory', { token: t })).body.code);
      return codes;
    };
    const twin = await sim({ catalogueSize: 20 });
    const again = await sim({ catalogueSize: 20 });
    try {
      const first = await pattern(twin);
      expect(await pattern(again)).toEqual(first);
      expect(first).toContain(200);
      expect(first).toContain(1600000);
    } finally {
      await twin.close();
      await again.close();
    }
  });

  it('latency: delays the answer by latencyMs', async () => {
    s.control.addFaults({ path: '/product/getCategory', mode: 'latency', latencyMs: 250, times: 1 });
    const t0 = performance.now();
    const r = await call(s, 'GET', '/product/getCategory', { token });
    expect(r.body.code).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(240);
  });

  it('timeout: holds the call without processing until the client gives up', async () => {
    const a = await newAccount(s);
    const vid = orderableProduct(s).variants[0]!.vid;
    const line = await cheapestLine(s, a.token, vid);
    s.control.addFaults({ path: '/shopping/order/createOrderV2', mode: 'timeout', times: 1, openId: a.openId });
    const signal = AbortSignal.timeout(300);
    await expect(
      call(s, 'POST', '/shopping/order/createOrderV2', {
        token: a.token,
        signal,
        body: { orderNumber: 'TO-1', shippingCountryCode: 'US', shippingCountry: 'United States', shippingProvince: 'CA', shippingCity: 'LA', shippingCustomerName: 'J', shippingAddress: '1 St', logisticName: line.logisticName, fromCountryCode: 'CN', payType: 3, products: [{ vid, quantity: 1 }] },
      }),
    ).rejects.toThrow(/aborted/i);
    expect(s.control.getOrder('TO-1')).toBeUndefined();
    const entry = (s.control.ledger({ kind: 'call', openId: a.openId, path: '/shopping/order/createOrderV2' }) as CallEntry[])[0]!;
    expect(entry).toMatchObject({ fault: 'timeout', committed: false, status: null });
    // nothing was created, so the retry succeeds
    expect((await createOrder(s, a.token, { orderNumber: 'TO-1', vid, logisticName: line.logisticName })).body.code).toBe(200);
  });

  it('commit-then-drop: the order exists although the client saw a socket error', async () => {
    const a = await newAccount(s);
    const vid = orderableProduct(s).variants[0]!.vid;
    const line = await cheapestLine(s, a.token, vid);
    s.control.addFaults({ path: '/shopping/order/createOrderV2', mode: 'commit-then-drop', times: 1 });
    await expect(createOrder(s, a.token, { orderNumber: 'CTD-1', vid, logisticName: line.logisticName })).rejects.toThrow(/fetch failed/);
    const orders = s.control.ledger({ kind: 'order', openId: a.openId });
    expect(orders).toHaveLength(1);
    const entry = (s.control.ledger({ kind: 'call', openId: a.openId, path: '/shopping/order/createOrderV2' }) as CallEntry[]).at(-1)!;
    expect(entry).toMatchObject({ fault: 'commit-then-drop', committed: true, status: null });
    // The client reconciles by looking the order up by its own number; a blind resend is refused.
    const found = await call(s, 'GET', '/shopping/order/getOrderDetail', { token: a.token, query: { orderId: 'CTD-1' } });
    expect(found.body.data).toMatchObject({ orderNum: 'CTD-1', orderStatus: 'CREATED' });
    expect((await createOrder(s, a.token, { orderNumber: 'CTD-1', vid, logisticName: line.logisticName })).body.code).toBe(1603003);
    expect(s.control.ledger({ kind: 'order', openId: a.openId })).toHaveLength(1);
  });

  it('drop: destroys the connection without processing', async () => {
    const a = await newAccount(s);
    s.control.addFaults({ path: '/shopping/order/createOrderV2', mode: 'drop', times: 1, openId: a.openId });
    const vid = orderableProduct(s).variants[0]!.vid;
    await expect(createOrder(s, a.token, { orderNumber: 'DROP-1', vid, logisticName: 'DHL Official' })).rejects.toThrow(/fetch failed/);
    expect(s.control.ledger({ kind: 'order', openId: a.openId })).toHaveLength(0);
  });

  it('http-5xx and non-json: gateway pages and truncated bodies', async () => {
    s.control.addFaults([
      { path: '/product/getCategory', mode: 'http-5xx', httpStatus: 503, times: 1 },
      { path: '/product/globalWarehouseList', mode: 'non-json', times: 1 },
    ]);
    const gw = await call(s, 'GET', '/product/getCategory', { token });
    expect(gw.status).toBe(503);
    expect(gw.headers.get('content-type')).toContain('text/html');
    expect(gw.body).toBeUndefined();
    const cut = await call(s, 'GET', '/product/globalWarehouseList', { token });
    expect(cut.status).toBe(200);
    expect(() => JSON.parse(cut.text)).toThrow();
  });

  it('matches prefixes and methods, and validates rules', () => {
    const [rule] = s.control.addFaults({ path: '/product/*', method: 'POST', mode: 'error', rate: 0 });
    expect(rule).toMatchObject({ path: '/product/*', method: 'POST', rate: 0, hits: 0, remaining: null });
    expect(() => s.control.addFaults({ path: '*', mode: 'latency' })).toThrow(/latencyMs/);
    expect(() => s.control.addFaults({ path: '*', mode: 'explode' as never })).toThrow();
    s.control.clearFaults();
    expect(s.control.listFaults()).toEqual([]);
  });
});

describe('realtime clock', () => {
  it('follows real time and lets the 1 s ticker run due events without advanceClock', async () => {
    const rt = await startSimulator({ clock: 'realtime', qps: 100, catalogueSize: 50 });
    try {
      expect(Math.abs(rt.control.now() - Date.now())).toBeLessThan(1000);
      const token = await login(rt);
      const made = await createOrder(rt, token, { orderNumber: 'RT-1', vid: orderableProduct(rt).variants[0]!.vid, payType: 2 });
      const ship = rt.control.pendingEvents().find((e) => e.label.includes(made.body.data.orderId))!;
      await rt.control.advanceClock(ship.at - rt.control.now() - 300); // 300 ms short of shipping
      expect(rt.control.getOrder('RT-1')!.status).toBe('UNSHIPPED');
      const deadline = Date.now() + 4000;
      while (rt.control.getOrder('RT-1')!.status !== 'SHIPPED' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(rt.control.getOrder('RT-1')!.status).toBe('SHIPPED');
    } finally {
      await rt.close();
    }
  });
});
