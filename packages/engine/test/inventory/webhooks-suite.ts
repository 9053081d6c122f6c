// CJ's STOCK, VARIANT and PRODUCT webhooks through a real store: the simulator delivers them to the
// store's listener (POST /api/webhooks/cj → inbox → job → the inventory handlers), or the test replays
// captured messages itself to deliver them twice or out of order. Run per database by the
// webhooks.*.test.ts files.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patchProduct } from '../../src/catalog/product-admin.js';
import { acceptIntoInbox } from '../../src/webhooks/inbox.js';
import { handleStockMessage, syncInventory } from '../../src/inventory/index.js';
import { isoDateOf } from '../../src/pricing/iso-date.js';
import { priceProduct } from '../../src/pricing/price-product.js';
import {
  alerts,
  callsSince,
  captureServer,
  inboxSettled,
  postWebhook,
  product,
  scaleCosts,
  sentWebhooks,
  startInventoryStore,
  type InventoryFixture,
} from './inventory-support.js';

const messageId = () => randomBytes(16).toString('hex');

/** Two captured STOCK messages, the one reporting fewer units first (deliveries may race). */
function byTotal(bodies: string[]): [string, string] {
  expect(bodies).toHaveLength(2);
  const total = (body: string) =>
    Object.values((JSON.parse(body) as { params: Record<string, Array<{ storageNum: number }>> }).params)
      .flat()
      .reduce((sum, a) => sum + a.storageNum, 0);
  const [a, b] = [...bodies].sort((x, y) => total(x) - total(y));
  return [a!, b!];
}

export function inventoryWebhookSuite(database: 'sqlite' | 'postgres'): void {
  describe(`inventory webhooks on ${database}`, () => {
    let fx: InventoryFixture;
    let P: string, Q: string, R: string;
    let storeHook: string;
    const subscribe = (url: string) =>
      fx.ctx.cj.webhook.set({ stock: { type: 'ENABLE', callbackUrls: [url] }, product: { type: 'ENABLE', callbackUrls: [url] } });
    const delivered = async () => {
      await fx.sim.control.flushWebhooks();
      return inboxSettled(fx.ctx);
    };

    beforeAll(async () => {
      // A high low-stock threshold, so a few units per warehouse are "low" whatever the number of warehouses.
      fx = await startInventoryStore(database, 3, { thresholds: { lowStock: 50 } });
      [P, Q, R] = fx.productIds as [string, string, string];
      storeHook = `${fx.store.url}/api/webhooks/cj`;
      expect(await subscribe(storeHook)).toBe(true);
    }, 60_000);
    afterAll(async () => {
      await fx?.close();
    });

    it('hides a product when a STOCK message says it ran out and shows it again on restock, each confirmed by one read', async () => {
      const p = await product(fx.ctx, P);
      const since = fx.sim.control.ledgerCursor();
      fx.sim.control.setStock({ pid: p.cjPid, quantity: 0 });
      expect(await delivered()).toHaveLength(1);
      const gone = await product(fx.ctx, P);
      expect(gone.status).toBe('hidden');
      expect(gone.hiddenReason).toBe('out_of_stock');
      expect(gone.variants.every((v) => v.stock === 0)).toBe(true);
      expect(callsSince(fx, since)['/product/query']).toBe(1);

      fx.sim.control.setStock({ pid: p.cjPid, quantity: 100 });
      await delivered();
      const back = await product(fx.ctx, P);
      expect(back.status).toBe('active');
      const sim = fx.sim.control.getProduct(p.cjPid)!;
      for (const v of back.variants) expect(v.stock).toBe(sim.variants.find((x) => x.vid === v.cjVid)!.totalStock);
      expect(callsSince(fx, since)['/product/query']).toBe(2);
    });

    it('applies a stock count that stays above zero as it comes, without calling CJ, and alerts once when it is low', async () => {
      const p = await product(fx.ctx, P);
      const v = p.variants[0]!;
      const since = fx.sim.control.ledgerCursor();
      fx.sim.control.setStock({ vid: v.cjVid, quantity: 5 });
      await delivered();
      const expected = fx.sim.control.getProduct(p.cjPid)!.variants.find((x) => x.vid === v.cjVid)!.totalStock;
      expect(expected).toBeLessThan(50);
      expect((await product(fx.ctx, P)).variants.find((x) => x.id === v.id)!.stock).toBe(expected);
      expect(callsSince(fx, since)).toEqual({});
      fx.sim.control.setStock({ vid: v.cjVid, quantity: 4 });
      await delivered();
      expect(await alerts(fx.ctx, 'low_stock', `${p.cjPid}/${v.cjVid}`)).toHaveLength(1);
    });

    it('re-prices on a VARIANT price change (+30%) after confirming it with CJ', async () => {
      const before = await product(fx.ctx, Q);
      const since = fx.sim.control.ledgerCursor();
      const costs = await scaleCosts(fx, Q, '1.30');
      await delivered();
      const after = await product(fx.ctx, Q);
      const today = isoDateOf(fx.ctx.clock.now());
      let moved = false;
      for (const v of after.variants) {
        const expected = priceProduct({ costUsd: costs.get(v.cjVid)!, shippingUsd: after.shippingUsd }, fx.ctx.config.pricing, today);
        if (!expected.ok) throw new Error(`test premise: +30% must be priceable (${expected.rejection.reason})`);
        expect(v.costUsd).toBe(costs.get(v.cjVid));
        expect(v.priceMinor).toBe(expected.grossMinor);
        if (expected.grossMinor !== before.variants.find((x) => x.id === v.id)!.priceMinor) moved = true;
      }
      expect(moved, 'test premise: +30% moves a price point').toBe(true);
      expect(await alerts(fx.ctx, 'price_change', before.cjPid)).toHaveLength(1);
      // At most one confirming read per message (a VARIANT and a PRODUCT message per price set).
      const calls = callsSince(fx, since);
      const reads = (calls['/product/variant/queryByVid'] ?? 0) + (calls['/product/query'] ?? 0);
      expect(reads).toBeGreaterThanOrEqual(1);
      expect(reads).toBeLessThanOrEqual(sentWebhooks(fx, since).length);
      expect(Object.keys(calls).sort()).toEqual(Object.keys(calls).filter((k) => k === '/product/variant/queryByVid' || k === '/product/query').sort());
      expect(after.status).toBe('active');
    });

    it('hides a product at once when CJ takes it off sale (message + confirming read), processes a duplicate delivery once, and shows it again when relisted', async () => {
      const r = await product(fx.ctx, R);
      const cursor = fx.sim.control.ledgerCursor();
      fx.sim.control.delistProduct(r.cjPid);
      await delivered();
      let now = await product(fx.ctx, R);
      expect(now.status).toBe('hidden');
      expect(now.hiddenReason).toBe('delisted');
      expect(now.notFoundCount).toBe(2);
      expect(await alerts(fx.ctx, 'delisted', r.cjPid)).toHaveLength(1);
      expect(callsSince(fx, cursor)['/product/query']).toBe(1);

      // CJ retries a delivery it thinks failed, with the same messageId.
      const sent = sentWebhooks(fx, cursor, 'PRODUCT');
      expect(sent).toHaveLength(1);
      const afterFirst = fx.sim.control.ledgerCursor();
      expect(await postWebhook(fx, sent[0]!.body)).toBe(200);
      await inboxSettled(fx.ctx);
      const copies = await fx.ctx.db.selectFrom('inbox').select('id').where('id', '=', `cj:${sent[0]!.messageId}`).execute();
      expect(copies).toHaveLength(1);
      now = await product(fx.ctx, R);
      expect(now.notFoundCount).toBe(2);
      expect(await alerts(fx.ctx, 'delisted', r.cjPid)).toHaveLength(1);
      expect(callsSince(fx, afterFirst)).toEqual({});

      fx.sim.control.relistProduct(r.cjPid);
      await delivered();
      now = await product(fx.ctx, R);
      expect(now.status).toBe('active');
      expect(now.notFoundCount).toBe(0);
    });

    it('does not let an old stock count that arrives after a newer one win, in either direction', async () => {
      const capture = await captureServer();
      try {
        expect(await subscribe(capture.url)).toBe(true);
        const p = await product(fx.ctx, P);
        expect(p.status).toBe('active');
        const stockOf = async () => (await product(fx.ctx, P)).variants.map((v) => v.stock);

        // CJ: 12 units, then none. The "none" arrives first, then the stale 12.
        fx.sim.control.setStock({ pid: p.cjPid, quantity: 12 });
        fx.sim.control.setStock({ pid: p.cjPid, quantity: 0 });
        await fx.sim.control.flushWebhooks();
        const [none, twelve] = byTotal(capture.bodies.splice(0));
        expect(await postWebhook(fx, none)).toBe(200);
        await inboxSettled(fx.ctx);
        expect((await product(fx.ctx, P)).hiddenReason).toBe('out_of_stock');
        expect(await postWebhook(fx, twelve)).toBe(200);
        await inboxSettled(fx.ctx);
        const still = await product(fx.ctx, P);
        expect(still.status).toBe('hidden');
        expect(still.hiddenReason).toBe('out_of_stock');
        expect(await stockOf()).toEqual(p.variants.map(() => 0));

        // CJ: none, then 25 per warehouse. The 25 arrives first, then the stale "none".
        fx.sim.control.setStock({ pid: p.cjPid, quantity: 0 });
        fx.sim.control.setStock({ pid: p.cjPid, quantity: 25 });
        await fx.sim.control.flushWebhooks();
        const [zero, restocked] = byTotal(capture.bodies.splice(0));
        expect(await postWebhook(fx, restocked)).toBe(200);
        await inboxSettled(fx.ctx);
        expect((await product(fx.ctx, P)).status).toBe('active');
        const since = fx.sim.control.ledgerCursor();
        expect(await postWebhook(fx, zero)).toBe(200);
        await inboxSettled(fx.ctx);
        expect((await product(fx.ctx, P)).status).toBe('active');
        const sim = fx.sim.control.getProduct(p.cjPid)!;
        expect(await stockOf()).toEqual(p.variants.map((v) => sim.variants.find((x) => x.vid === v.cjVid)!.totalStock));
        // The stale message cost one confirming read, nothing more.
        expect(callsSince(fx, since)).toEqual({ '/product/query': 1 });
      } finally {
        await subscribe(storeHook);
        await capture.close();
      }
    });

    it('skips a message the product’s last full read already reflects', async () => {
      const p = await product(fx.ctx, P);
      const id = `cj:${messageId()}`;
      // Received, then the sync read the product: the message is older than what the store knows.
      const body = JSON.stringify({
        messageId: id.slice(3),
        type: 'STOCK',
        messageType: 'UPDATE',
        params: Object.fromEntries(p.variants.map((v) => [v.cjVid, [{ vid: v.cjVid, areaId: '1', areaEn: 'CN Warehouse', countryCode: 'CN', storageNum: 0 }]])),
      });
      const receivedAt = fx.ctx.clock.now() - 60_000;
      const summary = await syncInventory(fx.ctx);
      expect(summary.status).toBe('finished');
      const synced = (await product(fx.ctx, P)).variants.map((v) => v.stock);
      expect(synced.every((n) => n > 0)).toBe(true);
      const since = fx.sim.control.ledgerCursor();
      const row = { id, source: 'cj' as const, type: 'STOCK', payload: body, status: 'received' as const, received_at: new Date(receivedAt).toISOString(), processed_at: null, error: null };
      expect(await handleStockMessage(fx.ctx, row, new AbortController().signal)).toBe('processed');
      const after = await product(fx.ctx, P);
      expect(after.status).toBe('active');
      expect(after.variants.map((v) => v.stock)).toEqual(synced);
      expect(callsSince(fx, since)).toEqual({});
    });

    it('updates the stock of a product the operator hid but never shows it again', async () => {
      const q = await product(fx.ctx, Q);
      expect((await patchProduct(fx.ctx, Q, { status: 'hidden' })).ok).toBe(true);
      fx.sim.control.setStock({ pid: q.cjPid, quantity: 0 });
      await delivered();
      expect((await product(fx.ctx, Q)).variants.every((v) => v.stock === 0)).toBe(true);
      fx.sim.control.setStock({ pid: q.cjPid, quantity: 60 });
      await delivered();
      const after = await product(fx.ctx, Q);
      expect(after.variants.every((v) => v.stock >= 60)).toBe(true);
      expect(after.status).toBe('hidden');
      expect(after.hiddenReason).toBe('hidden by the operator');
    });

    it('ignores messages about products and variants this store does not list, without calling CJ', async () => {
      const ours = new Set((await fx.ctx.db.selectFrom('products').select('cj_pid').execute()).map((r) => r.cj_pid));
      const stranger = fx.sim.control.listProducts({ status: 'listed', limit: 200 }).find((p) => !ours.has(p.pid))!;
      const vid = stranger.variants[0]!.vid;
      const openId = fx.openId;
      const bodies = [
        `{"messageId":"${messageId()}","type":"STOCK","messageType":"UPDATE","openId":${openId},"params":{"${vid}":[{"vid":"${vid}","areaId":"1","areaEn":"CN Warehouse","countryCode":"CN","storageNum":0}]}}`,
        `{"messageId":"${messageId()}","type":"VARIANT","messageType":"UPDATE","openId":${openId},"params":{"vid":"${vid}","variantSellPrice":99.99,"variantStatus":null,"fields":["variantSellPrice"]}}`,
        `{"messageId":"${messageId()}","type":"PRODUCT","messageType":"UPDATE","openId":${openId},"params":{"pid":"${stranger.pid}","productStatus":2,"fields":["productStatus"]}}`,
      ];
      const since = fx.sim.control.ledgerCursor();
      for (const body of bodies) expect(await postWebhook(fx, body)).toBe(200);
      const rows = await inboxSettled(fx.ctx);
      for (const body of bodies) {
        const id = `cj:${(JSON.parse(body) as { messageId: string }).messageId}`;
        expect(rows.find((r) => r.id === id)?.status).toBe('ignored');
      }
      expect(callsSince(fx, since)).toEqual({});
    });

    it('took every message the simulator sent into the inbox exactly once', async () => {
      const sent = sentWebhooks(fx, 0).filter((e) => e.url === storeHook && e.ok);
      const ids = sent.map((e) => `cj:${e.messageId}`);
      const rows = await fx.ctx.db.selectFrom('inbox').select(['id', 'status']).where('id', 'in', ids).execute();
      expect(rows).toHaveLength(new Set(ids).size);
      expect(rows.every((r) => r.status === 'processed')).toBe(true);
      // acceptIntoInbox itself refuses a second copy (the listener's de-duplication).
      expect(await acceptIntoInbox(fx.ctx.db, fx.ctx.clock, { id: ids[0]!, source: 'cj', type: 'STOCK', payload: '{}' })).toBe(false);
    });
  });
}
