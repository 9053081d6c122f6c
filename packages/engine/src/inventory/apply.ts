// The inventory rules, applied to one product from what CJ said about it (facts.ts). One transaction
// per product, the row locked on PostgreSQL (SQLite transactions are serialised anyway), so the 2 h
// sync and webhook jobs for the same product never interleave. Every rule compares CJ's facts with
// the stored state and writes only what differs, so applying the same facts twice — or an older
// read after a newer one, which the `asOf` check turns away — changes nothing. See README.md.
import type { Transaction } from 'kysely';
import type { AlertInput } from '../alerts/alert-service.js';
import { productFromRow, type StoredProduct, type StoredVariant } from '../catalog/product.js';
import type { Database, PriceHistoryTable } from '../db/schema.js';
import { Dec, formatMoney, isDecimalString, money } from '../money/index.js';
import { isoDateOf } from '../pricing/iso-date.js';
import type { PriceBreakdown } from '../pricing/price-result.js';
import { priceVariants } from '../pricing/price-variants.js';
import { repriceOnCostChange } from '../pricing/reprice.js';
import type { StoreContext } from '../stores/context.js';
import { timeOrderedId } from '../time-ordered-id.js';
import { totalStock, type ProductFacts } from './facts.js';
import { changePctText, keepsMarginFloor, sameCost } from './margin.js';

/** The reasons the inventory rules hide a product for — and the only ones they ever lift. */
export const SYNC_HIDDEN_REASONS = ['out_of_stock', 'delisted', 'margin_floor'] as const;
export type SyncHiddenReason = (typeof SYNC_HIDDEN_REASONS)[number];

/** Consecutive "not found" answers after which a product is hidden as delisted. */
export const DELISTED_AFTER = 2;

/** `price_history.reason` values written here. */
export const HISTORY_REASON = {
  /** The cost and price in force before the first cost change seen for a variant (the re-pricing basis). */
  basis: 'price_basis',
  /** CJ's cost of a variant changed; `price_minor` is the price in force at that moment. */
  cost: 'cost_change',
  /** The variant (or, with variant_id null, the product's "from" price) was priced again at `cost_usd`. */
  reprice: 'reprice',
} as const;

export type InventoryEffect =
  | 'hidden_out_of_stock'
  | 'hidden_delisted'
  | 'hidden_margin_floor'
  | 'shown'
  | 'repriced'
  | 'cost_changed'
  | 'stock_changed'
  | 'on_sale_changed'
  | 'low_stock'
  | 'not_found';

export interface ApplyOutcome {
  /** stale: facts older than the product's last full read, ignored. */
  status: 'applied' | 'stale' | 'retired' | 'missing';
  effects: InventoryEffect[];
}

export function isSyncHiddenReason(reason: string | null): reason is SyncHiddenReason {
  return reason !== null && (SYNC_HIDDEN_REASONS as readonly string[]).includes(reason);
}

interface WorkingVariant {
  before: StoredVariant;
  next: StoredVariant;
  /** The facts carried this variant's stock (a low-stock alert needs a fresh number). */
  stockReported: boolean;
}

type Trx = Transaction<Database>;

export async function applyProductFacts(ctx: StoreContext, productId: string, facts: ProductFacts): Promise<ApplyOutcome> {
  const alerts: AlertInput[] = [];
  const outcome = await ctx.db.transaction().execute(async (trx): Promise<ApplyOutcome> => {
    let query = trx.selectFrom('products').selectAll().where('id', '=', productId);
    if (ctx.dialect === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row) return { status: 'missing', effects: [] };
    if (row.status === 'retired') return { status: 'retired', effects: [] };
    if (row.last_synced_at !== null && facts.asOf < Date.parse(row.last_synced_at)) return { status: 'stale', effects: [] };
    const variantRows = await trx.selectFrom('variants').selectAll().where('product_id', '=', row.id).execute();
    return applyToProduct(ctx, trx, productFromRow(row, variantRows), facts, alerts);
  });
  // After the commit: an alert waits for its channels, and must not hold the transaction open.
  for (const alert of alerts) await ctx.alerts.raise(alert);
  if (outcome.status === 'applied') await forgetCachedAnswers(ctx, productId);
  return outcome;
}

/** CJ just told us about this product (webhook, sync): cached freight quotes and details of it go. */
async function forgetCachedAnswers(ctx: StoreContext, productId: string): Promise<void> {
  const rows = await ctx.db
    .selectFrom('variants')
    .innerJoin('products', 'products.id', 'variants.product_id')
    .select(['variants.cj_vid', 'products.cj_pid'])
    .where('variants.product_id', '=', productId)
    .execute();
  await ctx.cache.invalidate('freight', rows.map((r) => r.cj_vid));
  if (rows[0]) await ctx.cache.invalidate('product', [rows[0].cj_pid]);
}

async function applyToProduct(
  ctx: StoreContext,
  trx: Trx,
  before: StoredProduct,
  facts: ProductFacts,
  alerts: AlertInput[],
): Promise<ApplyOutcome> {
  const now = ctx.clock.now();
  const nowIso = new Date(now).toISOString();
  const rules = ctx.config.pricing;
  const today = isoDateOf(now);
  const { lowStock, priceChangePct } = ctx.config.thresholds;
  const effects = new Set<InventoryEffect>();
  const history: PriceHistoryTable[] = [];
  const fmt = (minor: number) => formatMoney(money(before.currency, minor), ctx.config.locale);
  const historyRow = (variantId: string | null, costUsd: string, priceMinor: number, reason: string): PriceHistoryTable => ({
    // Time-ordered: rows written in one transaction share created_at and keep their order by id.
    id: timeOrderedId(now),
    product_id: before.id,
    variant_id: variantId,
    cost_usd: costUsd,
    price_minor: priceMinor,
    currency: before.currency,
    reason,
    created_at: nowIso,
  });

  // Delisting: a successful lookup resets the count; only consecutive "not found"s add up.
  let notFound = before.notFoundCount;
  if (facts.found === false) {
    notFound += facts.notFoundWeight ?? 1;
    effects.add('not_found');
  } else if (facts.found === true) {
    notFound = 0;
  }

  // Stock, "on sale" and cost of every stored variant, from the facts where they say something.
  const variants: WorkingVariant[] = before.variants.map((v) => {
    const f = facts.variants.get(v.cjVid);
    const next: StoredVariant = { ...v };
    if (f?.stock !== undefined) {
      next.stockDetail = f.stock;
      next.stock = totalStock(f.stock);
    }
    if (f?.onSale !== undefined) next.onSale = f.onSale;
    // A variant CJ no longer lists is not sold any more, whatever its last stock.
    else if (!f && facts.found === true && facts.completeVariantList === true) next.onSale = false;
    if (f?.costUsd !== undefined && isDecimalString(f.costUsd) && new Dec(f.costUsd).gt('0')) next.costUsd = f.costUsd;
    return { before: v, next, stockReported: f?.stock !== undefined };
  });
  if (variants.some((w) => w.next.stock !== w.before.stock || JSON.stringify(w.next.stockDetail) !== JSON.stringify(w.before.stockDetail))) {
    effects.add('stock_changed');
  }
  if (variants.some((w) => w.next.onSale !== w.before.onSale)) effects.add('on_sale_changed');

  // Costs. `variants.cost_usd` always holds CJ's latest cost (orders and margin checks use it). The
  // threshold is measured against the cost the current price was computed from (the basis), so
  // several small moves that add up past the threshold re-price too.
  const costChanged = variants.filter((w) => !sameCost(w.before.costUsd, w.next.costUsd));
  const shipping = before.shippingUsd;
  const override = before.priceOverrideMinor;
  const onSale = variants.filter((w) => w.next.onSale);
  const floorBroken = override === null && onSale.some((w) => !keepsMarginFloor(w.next.priceMinor, w.next.costUsd, shipping, rules));
  const reevaluate = before.status === 'hidden' && before.hiddenReason === 'margin_floor';

  let basis = new Map<string, string>();
  if (costChanged.length > 0 || floorBroken || reevaluate) {
    basis = await pricingBasis(trx, before.id);
    for (const w of costChanged) {
      if (!basis.has(w.before.id)) {
        // First cost change seen for this variant: its stored cost is what the scan priced it at.
        basis.set(w.before.id, w.before.costUsd);
        history.push(historyRow(w.before.id, w.before.costUsd, w.before.priceMinor, HISTORY_REASON.basis));
      }
      history.push(historyRow(w.before.id, w.next.costUsd, w.before.priceMinor, HISTORY_REASON.cost));
    }
    if (costChanged.length > 0) effects.add('cost_changed');
  }
  const basisOf = (w: WorkingVariant) => basis.get(w.before.id) ?? w.before.costUsd;
  const beyondThreshold = costChanged.filter(
    (w) => repriceOnCostChange({ costUsd: basisOf(w), shippingUsd: shipping }, w.next.costUsd, rules, { today, thresholdPct: priceChangePct }).exceedsThreshold,
  );

  // Re-pricing: every variant of the product under the store's current rules, from CJ's costs.
  let pricingProblem: string | null = null;
  let summary: { priceMinor: number; landedMinor: number; marginMinor: number; marginPct: string; costUsd: string; fxDate: string } | null = null;
  if (beyondThreshold.length > 0 || floorBroken || reevaluate) {
    const priced = priceVariants({ variants: variants.map((w) => ({ vid: w.next.cjVid, priceUsd: w.next.costUsd })), shippingUsd: shipping }, rules, today);
    const results = variants.map((w, i) => ({ w, result: priced[i]!.result }));
    const failure = results.find((r) => r.w.next.onSale && !r.result.ok);
    if (failure && !failure.result.ok) {
      pricingProblem = `${failure.w.next.sku}: ${failure.result.rejection.reason}`;
    } else {
      const ok = results.filter((r): r is { w: WorkingVariant; result: PriceBreakdown } => r.result.ok);
      for (const { w, result } of ok) {
        const priceMoved = result.grossMinor !== w.before.priceMinor;
        w.next.priceMinor = result.grossMinor;
        if (priceMoved || !sameCost(basisOf(w), w.next.costUsd)) {
          history.push(historyRow(w.before.id, w.next.costUsd, result.grossMinor, HISTORY_REASON.reprice));
        }
      }
      // The product's "from" price, landed cost and margin follow its cheapest sellable variant.
      const candidates = ok.filter((r) => r.w.next.onSale);
      const pool = candidates.length > 0 ? candidates : ok;
      if (pool.length > 0) {
        const cheapest = pool.reduce((a, b) => (b.result.grossMinor < a.result.grossMinor ? b : a));
        summary = {
          priceMinor: cheapest.result.grossMinor,
          landedMinor: cheapest.result.landedMinor,
          marginMinor: cheapest.result.marginMinor,
          marginPct: cheapest.result.marginPct,
          costUsd: cheapest.w.next.costUsd,
          fxDate: cheapest.result.fxDate,
        };
      }
    }
  }
  const priceChanges = variants.filter((w) => w.next.priceMinor !== w.before.priceMinor);
  const productPriceMoved = summary !== null && summary.priceMinor !== before.priceMinor;
  if (summary && productPriceMoved) history.push(historyRow(null, summary.costUsd, summary.priceMinor, HISTORY_REASON.reprice));
  if (priceChanges.length > 0 || productPriceMoved) effects.add('repriced');

  // An admin's override is the price of every variant: it is kept, unless CJ's cost now puts it
  // under the margin floor — then the product is hidden and the operator decides.
  let overrideProblem: string | null = null;
  if (override !== null) {
    const broken = onSale.find((w) => !keepsMarginFloor(override, w.next.costUsd, shipping, rules));
    if (broken) {
      overrideProblem =
        `the price override ${fmt(override)} is below the ${rules.minMarginPct}% margin floor at CJ's cost ` +
        `${broken.next.costUsd} USD (${broken.next.sku})`;
    }
  }
  // With an override the computed prices are not what shoppers pay: only the override must hold.
  const marginProblem = override !== null ? overrideProblem : pricingProblem;

  // Visibility: ours to decide only while the product is listed or hidden for one of our reasons.
  const sellable = variants.some((w) => w.next.onSale && w.next.stock > 0);
  const desired: SyncHiddenReason | null =
    notFound >= DELISTED_AFTER ? 'delisted' : marginProblem !== null ? 'margin_floor' : !sellable ? 'out_of_stock' : null;
  let status = before.status;
  let hiddenReason = before.hiddenReason;
  if (status === 'active' || (status === 'hidden' && isSyncHiddenReason(hiddenReason))) {
    status = desired === null ? 'active' : 'hidden';
    hiddenReason = desired;
  }
  const visibilityChanged = status !== before.status || hiddenReason !== before.hiddenReason;
  if (visibilityChanged) effects.add(status === 'active' ? 'shown' : (`hidden_${hiddenReason as SyncHiddenReason}` as InventoryEffect));

  // Alerts (raised after the commit).
  const subject = before.cjPid;
  const name = `"${before.title}" (CJ ${before.cjPid})`;
  if (priceChanges.length > 0 || productPriceMoved) {
    const moved = beyondThreshold[0] ?? costChanged[0];
    const why = moved
      ? `CJ's cost of ${moved.next.sku} moved ${basisOf(moved)} → ${moved.next.costUsd} USD (${changePctText(basisOf(moved), moved.next.costUsd) ?? '?'}%)`
      : reevaluate
        ? 'priced again under the current rules to be shown again (it was hidden for its margin)'
        : 'its price no longer kept the margin floor at the current rules';
    alerts.push({
      kind: 'price_change',
      subject,
      message: `${name} re-priced: ${why}; price ${fmt(before.priceMinor)} → ${fmt(summary?.priceMinor ?? before.priceMinor)}` +
        (override !== null ? ` (the override ${fmt(override)} stays in force)` : ''),
      data: {
        productId: before.id,
        pid: before.cjPid,
        variants: priceChanges.map((w) => ({ vid: w.next.cjVid, costUsd: w.next.costUsd, fromMinor: w.before.priceMinor, toMinor: w.next.priceMinor })),
      },
    });
  }
  if (visibilityChanged && hiddenReason === 'margin_floor') {
    alerts.push({
      kind: 'price_change',
      subject: `${subject} margin floor`,
      message: `${name} hidden: the margin floor or the retail cap can no longer be kept — ${marginProblem}`,
      data: { productId: before.id, pid: before.cjPid, reason: marginProblem },
    });
  }
  if (visibilityChanged && hiddenReason === 'delisted') {
    alerts.push({
      kind: 'delisted',
      subject,
      message: `${name} hidden: CJ answered "not found / off the shelves" ${notFound} times in a row`,
      data: { productId: before.id, pid: before.cjPid, notFoundCount: notFound },
    });
  }
  if (status === 'active') {
    const isLow = (w: StoredVariant) => w.onSale && w.stock > 0 && w.stock < lowStock;
    for (const w of variants) {
      if (!w.stockReported || !isLow(w.next) || isLow(w.before)) continue;
      effects.add('low_stock');
      alerts.push({
        kind: 'low_stock',
        subject: `${before.cjPid}/${w.next.cjVid}`,
        message: `${name}, variant ${w.next.sku}: ${w.next.stock} left at CJ (under ${lowStock})`,
        data: { productId: before.id, pid: before.cjPid, vid: w.next.cjVid, stock: w.next.stock, stockDetail: w.next.stockDetail },
      });
    }
  }

  // Writes: only what differs, so a second application of the same facts writes nothing but the
  // read time.
  for (const w of variants) {
    const changed =
      w.next.stock !== w.before.stock ||
      JSON.stringify(w.next.stockDetail) !== JSON.stringify(w.before.stockDetail) ||
      w.next.onSale !== w.before.onSale ||
      w.next.costUsd !== w.before.costUsd ||
      w.next.priceMinor !== w.before.priceMinor;
    if (!changed) continue;
    await trx
      .updateTable('variants')
      .set({
        stock: w.next.stock,
        stock_detail: JSON.stringify(w.next.stockDetail),
        on_sale: w.next.onSale ? 1 : 0,
        cost_usd: w.next.costUsd,
        price_minor: w.next.priceMinor,
        updated_at: nowIso,
      })
      .where('id', '=', w.before.id)
      .execute();
  }
  const productChanged = visibilityChanged || notFound !== before.notFoundCount || summary !== null || effects.size > 0;
  if (productChanged || facts.fullRead) {
    await trx
      .updateTable('products')
      .set({
        ...(productChanged ? { status, hidden_reason: hiddenReason, not_found_count: notFound, updated_at: nowIso } : {}),
        ...(summary
          ? {
              price_minor: summary.priceMinor,
              landed_minor: summary.landedMinor,
              margin_minor: summary.marginMinor,
              margin_pct: summary.marginPct,
              cost_usd: summary.costUsd,
              fx_date: summary.fxDate,
            }
          : {}),
        ...(facts.fullRead ? { last_synced_at: new Date(facts.asOf).toISOString() } : {}),
      })
      .where('id', '=', before.id)
      .execute();
  }
  if (history.length > 0) await trx.insertInto('price_history').values(history).execute();

  if (visibilityChanged || priceChanges.length > 0) {
    ctx.log.info(
      { pid: before.cjPid, status, hiddenReason, notFound, repriced: priceChanges.length, marginProblem },
      visibilityChanged ? `inventory: product ${status === 'active' ? 'shown again' : `hidden (${hiddenReason})`}` : 'inventory: product re-priced',
    );
  }
  return { status: 'applied', effects: [...effects] };
}

/** Per variant, the cost its current price was computed from (latest "price_basis" or "reprice" row). */
async function pricingBasis(trx: Trx, productId: string): Promise<Map<string, string>> {
  const rows = await trx
    .selectFrom('price_history')
    .select(['variant_id', 'cost_usd'])
    .where('product_id', '=', productId)
    .where('variant_id', 'is not', null)
    .where('reason', 'in', [HISTORY_REASON.basis, HISTORY_REASON.reprice])
    .orderBy('created_at', 'desc')
    // Same instant (one transaction): the row written last wins — ids are time-ordered.
    .orderBy('id', 'desc')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (r.variant_id !== null && !out.has(r.variant_id)) out.set(r.variant_id, r.cost_usd);
  return out;
}
