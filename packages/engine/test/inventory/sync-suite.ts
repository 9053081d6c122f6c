// The 2 h inventory sync against the simulator, on a real store (run per database by the
// sync.*.test.ts files). Each test takes its own products from a small scanned catalogue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patchProduct } from '../../src/catalog/product-admin.js';
import { INVENTORY_SYNC_JOB, keepsMarginFloor, syncInventory, type InventorySyncSummary } from '../../src/inventory/index.js';
import { enqueueJob } from '../../src/jobs/enqueue.js';
import { isoDateOf } from '../../src/pricing/iso-date.js';
import { priceProduct } from '../../src/pricing/price-product.js';
import {
  alerts,
  callsSince,
  history,
  pointsOf,
  product,
  publicCatalogIds,
  scaleCosts,
  startInventoryStore,
  waitFor,
  type InventoryFixture,
} from './inventory-support.js';

type Ran = Extract<InventorySyncSummary, { runId: string }>;

function ran(summary: InventorySyncSummary): Ran {
  if (summary.status === 'already_running') throw new Error(`expected the sync to run: ${JSON.stringify(summary)}`);
  expect(summary.errors).toEqual([]);
  return summary;
}

export function inventorySyncSuite(database: 'sqlite' | 'postgres'): void {
  describe(`inventory sync on ${database}`, () => {
    let fx: InventoryFixture;
    // Two listed products take turns (each test leaves its product sellable again), and a third one
    // is hidden by the operator: P = stock, then small cost moves and an override; Q = delisting,
    // then big cost moves.
    let P: string, Q: string, H: string;
    const editedTitles = new Map<string, string>();
    const sync = async (opts: { pointsBudget?: number } = {}) => ran(await syncInventory(fx.ctx, opts));

    beforeAll(async () => {
      fx = await startInventoryStore(database, 3);
      [P, Q, H] = fx.productIds as [string, string, string];
      // The operator edited every title (and one description): nothing below may touch them.
      for (const [i, id] of fx.productIds.entries()) {
        const title = `Título editado pelo operador ${i}`;
        const patched = await patchProduct(fx.ctx, id, { title, ...(i === 0 ? { description: '<p>Texto do operador</p>' } : {}) });
        expect(patched.ok).toBe(true);
        editedTitles.set(id, title);
      }
    }, 60_000);
    afterAll(async () => {
      await fx?.close();
    });

    it('hides a product with no stock left at CJ at once, shows it again when restocked, and leaves an operator-hidden one hidden', async () => {
      const s = await product(fx.ctx, P);
      const h = await product(fx.ctx, H);
      expect((await patchProduct(fx.ctx, H, { status: 'hidden' })).ok).toBe(true);
      fx.sim.control.setStock({ pid: s.cjPid, quantity: 0 });
      fx.sim.control.setStock({ pid: h.cjPid, quantity: 0 });

      const first = await sync();
      expect(first.hidden.out_of_stock).toBe(1);
      const gone = await product(fx.ctx, P);
      expect(gone.status).toBe('hidden');
      expect(gone.hiddenReason).toBe('out_of_stock');
      for (const v of gone.variants) {
        expect(v.stock).toBe(0);
        expect(v.stockDetail.length).toBeGreaterThan(0);
        expect(v.stockDetail.every((l) => l.quantity === 0)).toBe(true);
      }
      expect(await publicCatalogIds(fx.store)).not.toContain(P);

      fx.sim.control.setStock({ pid: s.cjPid, quantity: 40 });
      fx.sim.control.setStock({ pid: h.cjPid, quantity: 40 });
      const second = await sync();
      expect(second.shown).toBe(1);
      const back = await product(fx.ctx, P);
      expect(back.status).toBe('active');
      expect(back.hiddenReason).toBeNull();
      expect(back.variants.every((v) => v.stock >= 40)).toBe(true);
      expect(await publicCatalogIds(fx.store)).toContain(P);
      const operatorHidden = await product(fx.ctx, H);
      expect(operatorHidden.status).toBe('hidden');
      expect(operatorHidden.hiddenReason).toBe('hidden by the operator');
      expect(await publicCatalogIds(fx.store)).not.toContain(H);
    });

    it('raises one low-stock alert for a variant under the threshold, not one per sync', async () => {
      const s = await product(fx.ctx, P);
      const v = s.variants[0]!;
      fx.sim.control.setStock({ vid: v.cjVid, quantity: 0 });
      fx.sim.control.setStock({ vid: v.cjVid, countryCode: 'CN', quantity: 3 });
      const first = await sync();
      expect(first.lowStock).toBe(1);
      const low = (await product(fx.ctx, P)).variants.find((x) => x.id === v.id)!;
      expect(low.stock).toBe(3);
      const second = await sync();
      expect(second.lowStock).toBe(0);
      const raised = await alerts(fx.ctx, 'low_stock', `${s.cjPid}/${v.cjVid}`);
      expect(raised).toHaveLength(1);
      expect(raised[0]!.message).toContain('3 left');
      expect((await product(fx.ctx, P)).status).toBe('active');
    });

    it('keeps a product CJ no longer finds after one check, hides it (delisted) after the second, and shows it again once CJ sells it', async () => {
      const d = await product(fx.ctx, Q);
      fx.sim.control.delistProduct(d.cjPid);
      const first = await sync();
      expect(first.notFound).toBe(1);
      let now = await product(fx.ctx, Q);
      expect(now.status).toBe('active');
      expect(now.notFoundCount).toBe(1);

      const second = await sync();
      expect(second.hidden.delisted).toBe(1);
      now = await product(fx.ctx, Q);
      expect(now.status).toBe('hidden');
      expect(now.hiddenReason).toBe('delisted');
      expect(now.notFoundCount).toBe(2);
      expect(await alerts(fx.ctx, 'delisted', d.cjPid)).toHaveLength(1);
      expect(await publicCatalogIds(fx.store)).not.toContain(Q);

      fx.sim.control.relistProduct(d.cjPid);
      const third = await sync();
      expect(third.shown).toBe(1);
      now = await product(fx.ctx, Q);
      expect(now.status).toBe('active');
      expect(now.notFoundCount).toBe(0);
      expect(await publicCatalogIds(fx.store)).toContain(Q);
    });

    it('records a cost change within the threshold (+5%) without re-pricing', async () => {
      const before = await product(fx.ctx, P);
      const costs = await scaleCosts(fx, P, '1.05');
      const r = await sync();
      expect(r.repriced).toBe(0);
      expect(r.costChanged).toBeGreaterThanOrEqual(1);
      const after = await product(fx.ctx, P);
      expect(after.priceMinor).toBe(before.priceMinor);
      const rows = await history(fx.ctx, P);
      for (const v of after.variants) {
        const old = before.variants.find((x) => x.id === v.id)!;
        expect(v.costUsd).toBe(costs.get(v.cjVid));
        expect(v.priceMinor).toBe(old.priceMinor);
        const mine = rows.filter((h) => h.variant_id === v.id);
        expect(mine.map((h) => [h.reason, h.cost_usd, h.price_minor])).toEqual([
          ['price_basis', old.costUsd, old.priceMinor],
          ['cost_change', costs.get(v.cjVid), old.priceMinor],
        ]);
      }
      expect(rows.some((h) => h.reason === 'reprice')).toBe(false);
      expect(await alerts(fx.ctx, 'price_change', before.cjPid)).toHaveLength(0);
      // Applying the same CJ state again records nothing more.
      await sync();
      expect(await history(fx.ctx, P)).toHaveLength(rows.length);
    });

    it('re-prices once small moves add up past the threshold (each step under it)', async () => {
      const start = await product(fx.ctx, P);
      const original = new Map((await history(fx.ctx, P)).filter((h) => h.reason === 'price_basis').map((h) => [variantVid(start, h.variant_id!), h.cost_usd]));
      await scaleCosts(fx, P, '1.12', original);
      expect((await sync()).repriced).toBe(0);
      const costs = await scaleCosts(fx, P, '1.20', original);
      await sync();
      const after = await product(fx.ctx, P);
      const today = isoDateOf(fx.ctx.clock.now());
      let moved = false;
      for (const v of after.variants) {
        const expected = priceProduct({ costUsd: costs.get(v.cjVid)!, shippingUsd: after.shippingUsd }, fx.ctx.config.pricing, today);
        expect(expected.ok).toBe(true);
        if (!expected.ok) continue;
        expect(v.priceMinor).toBe(expected.grossMinor);
        if (expected.grossMinor !== start.variants.find((x) => x.id === v.id)!.priceMinor) moved = true;
        const last = (await history(fx.ctx, P)).filter((h) => h.variant_id === v.id).at(-1)!;
        expect([last.reason, last.cost_usd, last.price_minor]).toEqual(['reprice', costs.get(v.cjVid), expected.grossMinor]);
      }
      expect(await alerts(fx.ctx, 'price_change', after.cjPid)).toHaveLength(moved ? 1 : 0);
    });

    it('re-prices on a +30% cost with history rows for the cost and the price, and raises a price_change alert', async () => {
      const before = await product(fx.ctx, Q);
      const costs = await scaleCosts(fx, Q, '1.30');
      const r = await sync();
      const after = await product(fx.ctx, Q);
      const today = isoDateOf(fx.ctx.clock.now());
      const rows = await history(fx.ctx, Q);
      let moved = false;
      for (const v of after.variants) {
        const old = before.variants.find((x) => x.id === v.id)!;
        const expected = priceProduct({ costUsd: costs.get(v.cjVid)!, shippingUsd: after.shippingUsd }, fx.ctx.config.pricing, today);
        if (!expected.ok) throw new Error(`test premise: +30% must still be priceable (${expected.rejection.reason})`);
        expect(v.costUsd).toBe(costs.get(v.cjVid));
        expect(v.priceMinor).toBe(expected.grossMinor);
        if (expected.grossMinor !== old.priceMinor) moved = true;
        expect(rows.filter((h) => h.variant_id === v.id).map((h) => [h.reason, h.cost_usd, h.price_minor])).toEqual([
          ['price_basis', old.costUsd, old.priceMinor],
          ['cost_change', costs.get(v.cjVid), old.priceMinor],
          ['reprice', costs.get(v.cjVid), expected.grossMinor],
        ]);
      }
      expect(moved, 'test premise: +30% moves at least one price point').toBe(true);
      expect(r.repriced).toBe(1);
      expect(after.priceMinor).toBe(Math.min(...after.variants.map((v) => v.priceMinor)));
      expect(after.priceMinor).toBeGreaterThan(before.priceMinor - 1);
      if (after.priceMinor !== before.priceMinor) {
        expect(rows.filter((h) => h.variant_id === null && h.reason !== 'scan').map((h) => [h.reason, h.price_minor])).toEqual([['reprice', after.priceMinor]]);
      }
      const raised = await alerts(fx.ctx, 'price_change', before.cjPid);
      expect(raised).toHaveLength(1);
      expect(raised[0]!.message).toContain('+30');
      expect(after.status).toBe('active');
    });

    it('hides a product whose new cost the margin floor or retail cap cannot absorb, and shows it again at a sane cost', async () => {
      const before = await product(fx.ctx, Q);
      const sane = new Map(before.variants.map((v) => [v.cjVid, v.costUsd]));
      await scaleCosts(fx, Q, '10');
      const r = await sync();
      expect(r.hidden.margin_floor).toBe(1);
      const hidden = await product(fx.ctx, Q);
      expect(hidden.status).toBe('hidden');
      expect(hidden.hiddenReason).toBe('margin_floor');
      expect(hidden.priceMinor).toBe(before.priceMinor);
      expect(await alerts(fx.ctx, 'price_change', `${before.cjPid} margin floor`)).toHaveLength(1);
      expect(await publicCatalogIds(fx.store)).not.toContain(Q);

      await scaleCosts(fx, Q, '1', sane);
      const back = await sync();
      expect(back.shown).toBe(1);
      const shown = await product(fx.ctx, Q);
      expect(shown.status).toBe('active');
      expect(shown.variants.map((v) => v.priceMinor)).toEqual(before.variants.map((v) => v.priceMinor));
    });

    it('keeps an admin price override, and hides the product when a new cost puts the override under the margin floor', async () => {
      const c = await product(fx.ctx, P);
      const rules = fx.ctx.config.pricing;
      const onSale = c.variants.filter((v) => v.onSale);
      // The lowest price that keeps the floor for every variant at today's costs.
      let override = 1;
      while (!onSale.every((v) => keepsMarginFloor(override, v.costUsd, c.shippingUsd, rules))) override++;
      // …and at least what the admin API accepts (its minimum ignores the net's rounding).
      let patched = await patchProduct(fx.ctx, P, { priceOverrideMinor: override });
      while (!patched.ok && patched.code === 'below_margin_floor') patched = await patchProduct(fx.ctx, P, { priceOverrideMinor: ++override });
      expect(patched.ok, JSON.stringify(patched)).toBe(true);
      await sync();
      expect((await product(fx.ctx, P)).status).toBe('active');

      const costs = await scaleCosts(fx, P, '1.05');
      expect(onSale.some((v) => !keepsMarginFloor(override, costs.get(v.cjVid)!, c.shippingUsd, rules)), 'test premise').toBe(true);
      const r = await sync();
      expect(r.repriced).toBe(0);
      const hidden = await product(fx.ctx, P);
      expect(hidden.status).toBe('hidden');
      expect(hidden.hiddenReason).toBe('margin_floor');
      expect(hidden.priceOverrideMinor).toBe(override);
      const raised = await alerts(fx.ctx, 'price_change', `${c.cjPid} margin floor`);
      expect(raised).toHaveLength(1);
      expect(raised[0]!.message).toContain('override');

      expect((await patchProduct(fx.ctx, P, { priceOverrideMinor: null })).ok).toBe(true);
      expect((await sync()).shown).toBe(1);
      expect((await product(fx.ctx, P)).status).toBe('active');
    });

    it('stays within its points budget and continues with the products it did not reach', async () => {
      const synced = async () => new Map((await fx.ctx.db.selectFrom('products').select(['id', 'last_synced_at']).execute()).map((r) => [r.id, r.last_synced_at]));
      const t0 = await synced();
      const since = fx.sim.control.ledgerCursor();
      // 15 points cover one product/query (10) but not two.
      const first = await sync({ pointsBudget: 15 });
      const calls = callsSince(fx, since);
      expect(first.listed).toBe(2);
      expect(first.checked).toBe(1);
      expect(first.unchecked).toBe(1);
      expect(first.note).toContain('points budget');
      expect(first.pointsSpent).toBe(10);
      expect(pointsOf(calls)).toBe(10);
      expect(calls['/product/query']).toBe(1);
      const t1 = await synced();
      const firstBatch = [...t1].filter(([id, at]) => at !== t0.get(id)).map(([id]) => id);
      expect(firstBatch).toHaveLength(1);

      // The next run starts with the product the last one did not reach.
      await sync({ pointsBudget: 15 });
      const t2 = await synced();
      const secondBatch = [...t2].filter(([id, at]) => at !== t1.get(id)).map(([id]) => id);
      expect(secondBatch).toHaveLength(1);
      expect(secondBatch[0]).not.toBe(firstBatch[0]);
      expect([...firstBatch, ...secondBatch].sort()).toEqual([P, Q].sort());
    });

    it('never overlaps itself: of two concurrent syncs one runs', async () => {
      const since = fx.sim.control.ledgerCursor();
      const results = await Promise.all([syncInventory(fx.ctx), syncInventory(fx.ctx)]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual(['already_running', 'finished']);
      const done = results.find((r) => r.status === 'finished') as Ran;
      expect(callsSince(fx, since)['/product/query']).toBe(done.listed);
    });

    it('runs as the inventory.sync job, on the schedule of schedules.inventory', async () => {
      expect(fx.schedules).toEqual([{ name: 'inventory', intervalMs: 2 * 3_600_000, jobType: INVENTORY_SYNC_JOB, payload: { trigger: 'schedule' } }]);
      const since = fx.sim.control.ledgerCursor();
      const id = await enqueueJob(fx.ctx.db, fx.ctx.clock, { type: INVENTORY_SYNC_JOB, payload: { pointsBudget: 10 } });
      fx.ctx.pokeJobs();
      await waitFor('the sync job', async () => {
        const job = await fx.ctx.db.selectFrom('jobs').select(['status', 'last_error']).where('id', '=', id!).executeTakeFirstOrThrow();
        if (job.status === 'dead') throw new Error(`job died: ${job.last_error}`);
        return job.status === 'done';
      });
      expect(callsSince(fx, since)['/product/query']).toBe(1);
    });

    it('never touched the texts the operator edited', async () => {
      for (const id of fx.productIds) {
        const p = await product(fx.ctx, id);
        expect(p.title).toBe(editedTitles.get(id));
        expect(p.titleEdited).toBe(true);
      }
      expect((await product(fx.ctx, P)).description).toBe('<p>Texto do operador</p>');
    });
  });
}

function variantVid(p: { variants: Array<{ id: string; cjVid: string }> }, variantId: string): string {
  return p.variants.find((v) => v.id === variantId)!.cjVid;
}
