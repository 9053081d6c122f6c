// The owner-facing services (overview, configuration summary, add one product, price preview,
// alert acknowledgement, product actions, scan start) against a real store on one database, with
// the CJ simulator. Every figure is checked against rows written with known values.
import type { RunningSimulator } from '@lojista/cj-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acknowledgeAlert, acknowledgeAllAlerts } from '../../src/alerts/acknowledge.js';
import { listAudit } from '../../src/audit/audit-log.js';
import { addCjProduct } from '../../src/catalog/add-product.js';
import { parseCjProductRef } from '../../src/catalog/cj-product-ref.js';
import { actOnProduct } from '../../src/catalog/product-actions.js';
import { startScan } from '../../src/catalog/start-scan.js';
import { storeOverview } from '../../src/overview/overview-service.js';
import { addDays, dayStart, localDate } from '../../src/overview/store-days.js';
import { previewPrice } from '../../src/pricing/preview.js';
import { configSummary, MASK } from '../../src/stores/config-summary.js';
import { startTestStore, testSimulator, uniqueStoreId, type TestStore } from '../support/store-harness.js';
import { insertAlertRow, insertDeadJob, insertDispute, insertOrder } from './seed.js';

export function servicesSuite(database: 'sqlite' | 'postgres') {
  describe(`owner services on ${database}`, () => {
    let sim: RunningSimulator;
    let store: TestStore;

    beforeAll(async () => {
      sim = await testSimulator();
      store = await startTestStore({
        database,
        sim,
        id: uniqueStoreId('sv'),
        start: false,
        config: { timezone: 'Europe/Lisbon', pricing: { fx: { rate: '0.92', date: '2026-11-20' } } },
      });
      const scan = await store.runtime.scanNow({ trigger: 'cli', pointsBudget: 120 });
      expect(scan.status).toBe('finished');
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await sim?.close();
    });

    it('overview: periods, daily series, states, catalogue and needs-attention come from the rows', async () => {
      const { ctx } = store.runtime;
      const tz = ctx.config.timezone;
      const today = localDate(ctx.clock.now(), tz);
      const at = (date: string, plusMs: number) => new Date(dayStart(date, tz) + plusMs).toISOString();
      // Today (paid at CJ), 3 days ago (not yet paid at CJ: quote), 20 days ago, 40 days ago (outside).
      await insertOrder(ctx.db, { status: 'paid', paid_at: at(today, 60_000), total_minor: 12_300, shipping_minor: 300, cj_amount_usd: '10.00', cj_paid_at: at(today, 120_000) });
      await insertOrder(ctx.db, { status: 'confirmed', paid_at: at(addDays(today, -3), 3_600_000), total_minor: 2_460, shipping_minor: 0, cost_usd: '4.00', shipping_quote_usd: '1.00' });
      await insertOrder(ctx.db, { status: 'delivered', paid_at: at(addDays(today, -20), 0), total_minor: 6_150, shipping_minor: 150, cj_amount_usd: '20.50' });
      await insertOrder(ctx.db, { status: 'delivered', paid_at: at(addDays(today, -40), 0), total_minor: 99_900, cj_amount_usd: '1.00' });
      await insertOrder(ctx.db, { status: 'cancelled', paid_at: at(today, 0), total_minor: 5_000 });
      const held = await insertOrder(ctx.db, {
        status: 'on_hold',
        held_from: 'pending',
        hold_reason: 'insufficient_balance',
        hold_detail: 'balance 1.00 < 7.50 <script>alert(1)</script>',
        cost_usd: '6.50',
        shipping_quote_usd: '1.00',
      });
      const deadJob = await insertDeadJob(ctx.db, at(today, 0));
      const disputed = await insertOrder(ctx.db, { status: 'disputed', cj_amount_usd: '3.00' });
      const disputeId = await insertDispute(ctx.db, disputed.id, at(today, 0));
      const alertId = await insertAlertRow(ctx.db, at(today, 5_000));
      const product = await ctx.db.selectFrom('products').select(['id']).where('status', '=', 'active').limit(1).executeTakeFirstOrThrow();
      await ctx.db.updateTable('products').set({ status: 'hidden', hidden_reason: 'margin_floor' }).where('id', '=', product.id).execute();

      const o = await storeOverview(ctx);
      expect(o.today).toBe(today);
      expect(o.simulated).toBe(true);
      expect(o.periods.today).toMatchObject({ orders: 1, revenueMinor: 12_300, shippingMinor: 300, cjCostUsd: '10.00', cjCostMinor: 920, costEstimatedOrders: 0 });
      // Net revenue: 12 300 / 1.23 = 10 000; margin 10 000 − 920.
      expect(o.periods.today.revenueNetMinor).toBe(10_000);
      expect(o.periods.today.marginMinor).toBe(9_080);
      expect(o.periods.days7).toMatchObject({ orders: 2, revenueMinor: 14_760, cjCostUsd: '15.00', costEstimatedOrders: 1 });
      expect(o.periods.days30).toMatchObject({ orders: 3, revenueMinor: 20_910, shippingMinor: 450, cjCostUsd: '35.50' });
      expect(o.daily).toHaveLength(30);
      expect(o.daily.at(-1)).toEqual({ date: today, orders: 1, revenueMinor: 12_300 });
      expect(o.daily.reduce((n, d) => n + d.revenueMinor, 0)).toBe(20_910);
      expect(o.daily.find((d) => d.date === addDays(today, -3))).toEqual({ date: addDays(today, -3), orders: 1, revenueMinor: 2_460 });

      const statusRows = await ctx.db.selectFrom('orders').select(['status', (eb) => eb.fn.countAll().as('n')]).groupBy('status').execute();
      for (const r of statusRows) expect(o.ordersByStatus[r.status]).toBe(Number(r.n));
      const productRows = await ctx.db.selectFrom('products').select(['status', (eb) => eb.fn.countAll().as('n')]).groupBy('status').execute();
      for (const r of productRows) expect(o.catalog[r.status]).toBe(Number(r.n));
      expect(o.catalog.hiddenByReason.margin_floor).toBe(1);

      const kinds = o.attention.map((a) => a.kind);
      expect(new Set(kinds)).toEqual(new Set(['held_order', 'dead_job', 'open_dispute', 'cj_balance_low', 'margin_floor_hidden', 'unread_alerts']));
      expect(o.attention).toContainEqual(expect.objectContaining({ kind: 'held_order', orderId: held.id, number: held.number, reason: 'insufficient_balance' }));
      expect(o.attention).toContainEqual(expect.objectContaining({ kind: 'dead_job', jobId: deadJob, type: 'orders.fulfil' }));
      expect(o.attention).toContainEqual(expect.objectContaining({ kind: 'open_dispute', disputeId, orderId: disputed.id, orderNumber: disputed.number }));
      // What unpaid orders need: the confirmed one's quote (5.00) + the held one's (7.50).
      expect(o.attention).toContainEqual(expect.objectContaining({ kind: 'cj_balance_low', neededUsd: '12.50' }));
      expect(o.attention).toContainEqual(expect.objectContaining({ kind: 'margin_floor_hidden', productId: product.id }));
      expect(o.attention).toContainEqual(expect.objectContaining({ kind: 'unread_alerts', count: 1, alertIds: [alertId] }));
      expect(o.cj.unpaidNeedUsd).toBe('12.50');
      expect(o.cj.calls).toBeGreaterThan(0);
      expect(o.cj.points).toBeGreaterThanOrEqual(50);
      expect(o.lastScan?.status).toBe('finished');
      expect(o.webhooks.state).toBe('unknown');
      expect(JSON.stringify(o)).not.toMatch(/\d\.\d{5,}/); // no float artefacts anywhere
    });

    it('acknowledges one alert and then all, recording the actor; a repeat changes nothing', async () => {
      const { ctx } = store.runtime;
      const first = (await ctx.db.selectFrom('alerts').select('id').where('acknowledged_at', 'is', null).executeTakeFirstOrThrow()).id;
      const other = await insertAlertRow(ctx.db, new Date(ctx.clock.now() - 1000).toISOString());
      const once = await acknowledgeAlert(ctx.db, ctx.clock, first, 'agent:helper');
      expect(once).toMatchObject({ ok: true, acknowledged: true, acknowledgedBy: 'agent:helper' });
      const twice = await acknowledgeAlert(ctx.db, ctx.clock, first, 'owner');
      expect(twice).toMatchObject({ ok: true, acknowledged: false, acknowledgedBy: 'agent:helper' });
      expect(await acknowledgeAlert(ctx.db, ctx.clock, 'nope', 'owner')).toMatchObject({ ok: false, code: 'not_found' });
      expect(await acknowledgeAllAlerts(ctx.db, ctx.clock, 'owner')).toEqual({ acknowledged: 1 });
      expect(await acknowledgeAllAlerts(ctx.db, ctx.clock, 'owner')).toEqual({ acknowledged: 0 });
      const row = await ctx.db.selectFrom('alerts').select(['acknowledged_by']).where('id', '=', other).executeTakeFirstOrThrow();
      expect(row.acknowledged_by).toBe('owner');
      const audit = await listAudit(ctx.db, { limit: 10 });
      expect(audit.filter((a) => a.action.startsWith('alert.')).map((a) => [a.action, a.actor])).toEqual([
        ['alert.acknowledge_all', 'owner'],
        ['alert.acknowledge', 'agent:helper'],
      ]);
      expect((await storeOverview(ctx)).attention.some((a) => a.kind === 'unread_alerts')).toBe(false);
    });

    it('config summary: effective values, where they came from, and no secret', () => {
      const summary = configSummary(store.runtime.ctx, store.runtime.configFile, {});
      expect(summary.file).toBe(store.runtime.configFile);
      expect(summary.database).toBe(database);
      expect(summary.config.timezone).toBe('Europe/Lisbon');
      expect(summary.secrets.find((s) => s.key === 'adminToken')).toEqual({ key: 'adminToken', set: true, source: 'built-in' });
      expect(summary.secrets.find((s) => s.key === 'cjApiKey')).toMatchObject({ set: false });
      expect(JSON.stringify(summary)).not.toContain(store.adminToken);
    });

    it('masks secret-looking keys and URL credentials wherever they are', async () => {
      const { maskConfig } = await import('../../src/stores/config-summary.js');
      expect(maskConfig({ a: { botToken: 'xyz', url: 'https://u:p@h.example/x?key=1', n: 3, maxTokens: 5 } })).toEqual({
        a: { botToken: MASK, url: `https://${MASK}:${MASK}@h.example/x?${MASK}`, n: 3, maxTokens: 5 },
      });
    });

    it('price preview says what the pricing gate decides, and changes nothing', async () => {
      const { ctx } = store.runtime;
      const listed = await ctx.db.selectFrom('products').select(['cj_pid', 'price_minor']).where('status', '=', 'active').limit(1).executeTakeFirstOrThrow();
      const counts = async () =>
        Promise.all(['products', 'variants', 'price_history', 'rejections', 'audit_events'].map(async (t) =>
          Number((await ctx.db.selectFrom(t as 'products').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
        ));
      const before = await counts();
      const preview = await previewPrice(ctx, store.runtime.catalogDeps.supplier, { product: listed.cj_pid });
      expect(preview.ok).toBe(true);
      if (!preview.ok) return;
      expect(preview.decision).toBe('accept');
      expect(preview.listedPriceMinor).toBe(listed.price_minor);
      expect(await counts()).toEqual(before);
      expect(await previewPrice(ctx, store.runtime.catalogDeps.supplier, { product: 'https://evil.example/x' })).toMatchObject({ ok: false, code: 'invalid_input' });
    });

    it('adds one CJ product by id or page address through the gates; a repeat is already listed', async () => {
      const { ctx } = store.runtime;
      const listed = new Set((await ctx.db.selectFrom('products').select('cj_pid').execute()).map((r) => r.cj_pid));
      const candidates = sim.control.listProducts().filter((p) => p.status === 'listed' && !listed.has(p.pid));
      let added: string | null = null;
      const rejected: string[] = [];
      for (const p of candidates.slice(0, 12)) {
        const r = await addCjProduct(ctx, store.runtime.catalogDeps, { product: `https://cjdropshipping.com/product/thing-p-${p.pid}.html`, actor: 'agent:helper' });
        if (r.outcome === 'added') {
          added = p.pid;
          const row = await ctx.db.selectFrom('products').select(['id', 'status']).where('cj_pid', '=', p.pid).executeTakeFirstOrThrow();
          expect(r.productId).toBe(row.id);
          break;
        }
        expect(r.outcome).toBe('rejected');
        if (r.outcome === 'rejected') {
          expect(r.rejection.reason.length).toBeGreaterThan(0);
          rejected.push(`${r.rejection.gate}:${r.rejection.code}`);
          const remembered = await ctx.db.selectFrom('rejections').select(['gate', 'code']).where('cj_pid', '=', p.pid).executeTakeFirstOrThrow();
          expect(`${remembered.gate}:${remembered.code}`).toBe(`${r.rejection.gate}:${r.rejection.code}`);
        }
      }
      expect(added, `nothing passed the gates: ${rejected.join(', ')}`).not.toBeNull();
      const again = await addCjProduct(ctx, store.runtime.catalogDeps, { product: added!, actor: 'agent:helper' });
      expect(again.outcome).toBe('already_listed');
      const audit = await listAudit(ctx.db, { action: 'product.add', subject: added! });
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor).toBe('agent:helper');
      const gone = await addCjProduct(ctx, store.runtime.catalogDeps, { product: '00000000-0000-4000-8000-000000000000', actor: 'owner' });
      expect(gone).toMatchObject({ outcome: 'rejected', rejection: { gate: 'details', code: 'not_found' } });
      expect(await addCjProduct(ctx, store.runtime.catalogDeps, { product: 'not a product', actor: 'owner' })).toMatchObject({ outcome: 'invalid_input' });
    });

    it('hides, shows and re-prices a product with the actor recorded; repeats change nothing', async () => {
      const { ctx } = store.runtime;
      const p = await ctx.db.selectFrom('products').select(['id', 'price_minor']).where('status', '=', 'active').limit(1).executeTakeFirstOrThrow();
      expect(await actOnProduct(ctx, p.id, { kind: 'hide' }, 'owner')).toMatchObject({ ok: true, changed: true });
      expect(await actOnProduct(ctx, p.id, { kind: 'hide' }, 'owner')).toMatchObject({ ok: true, changed: false });
      expect(await actOnProduct(ctx, p.id, { kind: 'show' }, 'agent:helper')).toMatchObject({ ok: true, changed: true });
      expect(await actOnProduct(ctx, p.id, { kind: 'price_override', priceOverrideMinor: 1 }, 'owner')).toMatchObject({ ok: false, code: 'below_margin_floor' });
      const higher = p.price_minor + 500;
      expect(await actOnProduct(ctx, p.id, { kind: 'price_override', priceOverrideMinor: higher }, 'owner')).toMatchObject({ ok: true, changed: true });
      expect(await actOnProduct(ctx, p.id, { kind: 'price_override', priceOverrideMinor: higher }, 'owner')).toMatchObject({ ok: true, changed: false });
      const audit = await listAudit(ctx.db, { subject: p.id });
      expect(audit.map((a) => `${a.action} ${a.actor}`)).toEqual(['product.price_override owner', 'product.show agent:helper', 'product.hide owner']);
    });

    it('starting a scan twice queues one job', async () => {
      const { ctx } = store.runtime;
      const first = await startScan(ctx, 'agent:helper');
      expect(first.outcome).toBe('queued');
      expect((await startScan(ctx, 'agent:helper')).outcome).toBe('already_queued');
      const jobs = await ctx.db.selectFrom('jobs').select('id').where('type', '=', 'catalog.scan').where('status', '=', 'queued').execute();
      expect(jobs).toHaveLength(1);
    });
  });
}

describe('CJ product references', () => {
  it('takes an id or a cjdropshipping.com page address, and refuses anything else', () => {
    expect(parseCjProductRef('1614171948392570880')).toEqual({ ok: true, pid: '1614171948392570880' });
    expect(parseCjProductRef('https://cjdropshipping.com/product/amethyst-tower-p-1614171948392570880.html')).toEqual({ ok: true, pid: '1614171948392570880' });
    expect(parseCjProductRef('https://www.cjdropshipping.com/product/x-p-000B9312-456A-4D31-94BD-B083E2A4A7B6.html')).toEqual({ ok: true, pid: '000B9312-456A-4D31-94BD-B083E2A4A7B6' });
    expect(parseCjProductRef('https://www.cjdropshipping.com/product-detail.html?id=ABCDEF123456')).toEqual({ ok: true, pid: 'ABCDEF123456' });
    expect(parseCjProductRef('https://evil.example/product/x-p-1614171948392570880.html').ok).toBe(false);
    expect(parseCjProductRef('a b').ok).toBe(false);
  });
});
