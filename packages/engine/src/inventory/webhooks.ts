// CJ's STOCK, VARIANT and PRODUCT messages, taken from the inbox (src/webhooks/inbox.ts) and run
// through the same rules as the sync. CJ's messages carry no sequence number and may arrive twice or
// out of order, so (README.md, "Ordering"):
//  - a message received before the product's last full read is already reflected in it: skipped;
//  - a message that would change what a shopper can buy (a variant crossing 0 units, a product
//    going off sale, a cost change, a variant going on/off sale) is confirmed by one read of CJ's
//    current state, and that read — not the message — is applied;
//  - anything else (a stock count that stays on the same side of 0) is applied as it comes.
// Ids this store does not list are ignored without any CJ call.
import { CjNotFoundError, parseWebhook, type CjWebhookMessage } from '@lojista/cj';
import { Dec, isDecimalString } from '../money/index.js';
import type { StoreContext } from '../stores/context.js';
import type { InboxHandler } from '../webhooks/inbox.js';
import type { InboxTable } from '../db/schema.js';
import { applyProductFacts, isSyncHiddenReason } from './apply.js';
import { factsFromVariant, stockFromWebhookAreas, totalStock, type VariantFacts } from './facts.js';
import { sameCost } from './margin.js';
import { refreshProduct } from './refresh.js';

type Outcome = 'processed' | 'ignored';

function message<T extends CjWebhookMessage['type']>(row: InboxTable, type: T): Extract<CjWebhookMessage, { type: T }> | null {
  const msg = parseWebhook(row.payload);
  return msg.type === type ? (msg as Extract<CjWebhookMessage, { type: T }>) : null;
}

/** True when the product's last full read started after this message arrived (it already saw the change). */
function coveredByRead(row: InboxTable, lastSyncedAt: string | null): boolean {
  return lastSyncedAt !== null && Date.parse(row.received_at) < Date.parse(lastSyncedAt);
}

/** Is the product's visibility ours to change (listed, or hidden by these rules)? */
function managed(p: { status: string; hidden_reason: string | null }): boolean {
  return p.status === 'active' || (p.status === 'hidden' && isSyncHiddenReason(p.hidden_reason));
}

export const handleStockMessage: InboxHandler = async (ctx, row, signal): Promise<Outcome> => {
  const msg = message(row, 'STOCK');
  if (!msg) return 'ignored';
  const reported = new Map(msg.params.map((p) => [p.vid, stockFromWebhookAreas(p.areas)]));
  if (reported.size === 0) return 'ignored';
  const known = await ctx.db
    .selectFrom('variants')
    .innerJoin('products', 'products.id', 'variants.product_id')
    .select(['variants.cj_vid', 'variants.stock', 'variants.product_id', 'products.status', 'products.hidden_reason', 'products.last_synced_at'])
    .where('variants.cj_vid', 'in', [...reported.keys()])
    .where('products.status', '!=', 'retired')
    .execute();
  if (known.length === 0) return 'ignored';

  const byProduct = new Map<string, typeof known>();
  for (const k of known) byProduct.set(k.product_id, [...(byProduct.get(k.product_id) ?? []), k]);
  for (const [productId, rows] of byProduct) {
    const first = rows[0]!;
    if (coveredByRead(row, first.last_synced_at)) continue;
    const crossesZero = rows.some((r) => (r.stock > 0) !== (totalStock(reported.get(r.cj_vid)!) > 0));
    if (crossesZero && managed(first)) {
      // Hiding or showing the product (or a variant) on an unordered message could let an old
      // count win: confirm with CJ's current state instead.
      await refreshProduct(ctx, productId, { signal });
    } else {
      const variants = new Map<string, VariantFacts>(rows.map((r) => [r.cj_vid, { stock: reported.get(r.cj_vid)! }]));
      await applyProductFacts(ctx, productId, { asOf: Date.parse(row.received_at), fullRead: false, variants });
    }
  }
  return 'processed';
};

export const handleVariantMessage: InboxHandler = async (ctx, row, signal): Promise<Outcome> => {
  const msg = message(row, 'VARIANT');
  if (!msg) return 'ignored';
  const p = msg.params;
  const stored = await ctx.db
    .selectFrom('variants')
    .innerJoin('products', 'products.id', 'variants.product_id')
    .select(['variants.cj_vid', 'variants.cost_usd', 'variants.on_sale', 'variants.product_id', 'products.last_synced_at'])
    .where('variants.cj_vid', '=', p.vid)
    .where('products.status', '!=', 'retired')
    .executeTakeFirst();
  if (!stored) return 'ignored';
  const statusMoved = p.variantStatus !== undefined && (p.variantStatus === 1) !== (stored.on_sale === 1);
  const priceMoved = p.variantSellPrice !== undefined && isDecimalString(p.variantSellPrice) && !sameCost(p.variantSellPrice, stored.cost_usd);
  if (!statusMoved && !priceMoved) return 'processed';
  // A full product read reflects prices, not a variant's own on/off-sale flag: only a price-only
  // message can be covered by one.
  if (!statusMoved && coveredByRead(row, stored.last_synced_at)) return 'processed';
  await confirmVariant(ctx, stored.product_id, p.vid, signal);
  return 'processed';
};

/** variant/queryByVid: the variant's current price, stock and on-sale state (not found = off sale). */
async function confirmVariant(ctx: StoreContext, productId: string, vid: string, signal: AbortSignal): Promise<void> {
  const asOf = ctx.clock.now();
  let facts: VariantFacts;
  try {
    facts = factsFromVariant(await ctx.cj.products.variantByVid(vid, { features: ['enable_inventory'] }, { signal }));
  } catch (err) {
    if (!(err instanceof CjNotFoundError)) throw err;
    facts = { onSale: false };
  }
  await applyProductFacts(ctx, productId, { asOf, fullRead: false, variants: new Map([[vid, facts]]) });
}

export const handleProductMessage: InboxHandler = async (ctx, row, signal): Promise<Outcome> => {
  const msg = message(row, 'PRODUCT');
  if (!msg) return 'ignored';
  const p = msg.params;
  const product = await ctx.db
    .selectFrom('products')
    .select(['id', 'status', 'hidden_reason', 'not_found_count', 'cost_usd', 'last_synced_at'])
    .where('cj_pid', '=', p.pid)
    .where('status', '!=', 'retired')
    .executeTakeFirst();
  if (!product) return 'ignored';
  if (coveredByRead(row, product.last_synced_at)) return 'processed';

  if (p.productStatus === 2) {
    // Off sale: with the confirming read also answering "not found", that is two in a row.
    await refreshProduct(ctx, product.id, { signal, confirmsOffSale: true });
    return 'processed';
  }
  const relisted = p.productStatus === 3 && (product.not_found_count > 0 || product.hidden_reason === 'delisted');
  const priceJump =
    p.productSellPrice !== undefined &&
    isDecimalString(p.productSellPrice) &&
    isDecimalString(product.cost_usd) &&
    new Dec(product.cost_usd).gt('0') &&
    new Dec(p.productSellPrice).minus(product.cost_usd).abs().times('100').div(product.cost_usd).gt(String(ctx.config.thresholds.priceChangePct));
  // The variants' own VARIANT messages carry their prices; a PRODUCT price (CJ's lowest variant
  // price) is acted on only when it moved past the threshold, in case those messages never come.
  if (relisted || priceJump) await refreshProduct(ctx, product.id, { signal });
  return 'processed';
};
