// What an operator may change on a product: hide or show it, edit its texts (never overwritten by
// later scans or syncs), and override its price — but not below the store's margin floor.
import { randomUUID } from 'node:crypto';
import { Dec, money, formatMoney } from '../money/index.js';
import type { StoreContext } from '../stores/context.js';
import { getProduct } from './catalog-repository.js';
import { foldForSearch, type StoredProduct } from './product.js';

export interface ProductPatch {
  status?: 'active' | 'hidden';
  title?: string;
  description?: string;
  /** Kept by later scans once set (category_edited / tags_edited). */
  category?: string;
  tags?: string[];
  /** The price of every variant while set; null removes the override. */
  priceOverrideMinor?: number | null;
}

export type PatchResult =
  | { ok: true; product: StoredProduct }
  | { ok: false; status: 404 | 422; code: string; message: string; field?: string };

/** Lowest gross price (minor units) that still keeps the margin floor for this landed cost. */
export function minimumPriceMinor(landedMinor: number, vatRate: string, minMarginPct: string): number {
  // margin ≥ floor × net  ⇔  net ≥ landed / (1 − floor);  gross = net × (1 + VAT), rounded up.
  const floor = new Dec(minMarginPct).div('100');
  const net = new Dec(String(landedMinor)).div(new Dec('1').minus(floor));
  return Number(net.times(new Dec('1').plus(vatRate)).round(0, Dec.roundUp).toFixed(0));
}

export async function patchProduct(ctx: StoreContext, idOrSlug: string, patch: ProductPatch): Promise<PatchResult> {
  const product = await getProduct(ctx.db, idOrSlug);
  if (!product) return { ok: false, status: 404, code: 'not_found', message: `no product ${idOrSlug}` };
  const now = new Date(ctx.clock.now()).toISOString();
  const { pricing } = ctx.config;

  if (patch.priceOverrideMinor !== undefined && patch.priceOverrideMinor !== null) {
    // The override is the price of every variant, so it must cover the dearest one.
    const dearest = product.variants.reduce((max, v) => (new Dec(v.costUsd).gt(max) ? v.costUsd : max), product.costUsd);
    const landedMinor = Number(
      new Dec(dearest).plus(product.shippingUsd).times(pricing.fx.rate).times('100').round(0, Dec.roundUp).toFixed(0),
    );
    const min = minimumPriceMinor(landedMinor, pricing.vatRate, pricing.minMarginPct);
    if (patch.priceOverrideMinor < min) {
      const fmt = (m: number) => formatMoney(money(product.currency, m), ctx.config.locale);
      return {
        ok: false,
        status: 422,
        code: 'below_margin_floor',
        field: 'body.priceOverrideMinor',
        message: `${fmt(patch.priceOverrideMinor)} would break the ${pricing.minMarginPct}% margin floor; the lowest allowed price is ${fmt(min)}`,
      };
    }
  }

  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('products')
      .set({
        ...(patch.status === 'hidden' ? { status: 'hidden' as const, hidden_reason: 'hidden by the operator' } : {}),
        ...(patch.status === 'active' ? { status: 'active' as const, hidden_reason: null } : {}),
        ...(patch.title !== undefined ? { title: patch.title, title_edited: 1 } : {}),
        ...(patch.category !== undefined ? { category: patch.category, category_edited: 1 } : {}),
        ...(patch.tags !== undefined ? { tags: JSON.stringify(patch.tags), tags_edited: 1 } : {}),
        // The search text is built from title, category and tags (as saveProduct does): keep it in step.
        ...(patch.title !== undefined || patch.category !== undefined || patch.tags !== undefined
          ? {
              search_text: foldForSearch(
                patch.title ?? product.title,
                patch.category ?? product.category,
                (patch.tags ?? product.tags).join(' '),
                product.titleEn,
              ),
            }
          : {}),
        ...(patch.description !== undefined ? { description: patch.description, description_edited: 1 } : {}),
        ...(patch.priceOverrideMinor !== undefined ? { price_override_minor: patch.priceOverrideMinor } : {}),
        updated_at: now,
      })
      .where('id', '=', product.id)
      .execute();
    if (patch.priceOverrideMinor !== undefined) {
      await trx
        .insertInto('price_history')
        .values({
          id: randomUUID(),
          product_id: product.id,
          variant_id: null,
          cost_usd: product.costUsd,
          price_minor: patch.priceOverrideMinor ?? product.priceMinor,
          currency: product.currency,
          reason: patch.priceOverrideMinor === null ? 'operator removed the price override' : 'operator price override',
          created_at: now,
        })
        .execute();
    }
  });
  return { ok: true, product: (await getProduct(ctx.db, product.id))! };
}
