// One product read from CJ and applied: the unit of the 2 h sync, and the confirm read behind a
// webhook whose content would change what shoppers see. product/query with enable_inventory answers
// stock, cost and "on sale / off the shelves" for every variant in one call (10 points).
import { CjNotFoundError } from '@lojista/cj';
import type { StoreContext } from '../stores/context.js';
import { applyProductFacts, type ApplyOutcome } from './apply.js';
import { factsFromDetail, factsFromVariant, lacksInventory, stockFromInventory, type ProductFacts } from './facts.js';

/** CJ points per call (2026 points model): product/query, getInventoryByPid and queryByVid cost 10 each. */
export const INVENTORY_POINTS = { query: 10, inventoryByPid: 10, variantByVid: 10 } as const;

export interface RefreshOptions {
  signal?: AbortSignal | undefined;
  /** Asked before every CJ call; false means "do not make it" (the sync's points budget). */
  spend?: (points: number, what: string) => boolean;
  /** The read confirms a PRODUCT "off sale" message: a "not found" then counts twice (message + read). */
  confirmsOffSale?: boolean;
}

export interface RefreshOutcome extends ApplyOutcome {
  /** What product/query said: found (on sale), or not found / off the shelves. */
  found: boolean;
}

export async function refreshProduct(ctx: StoreContext, productId: string, opts: RefreshOptions = {}): Promise<RefreshOutcome | null> {
  const spend = opts.spend ?? (() => true);
  const product = await ctx.db.selectFrom('products').select(['id', 'cj_pid', 'status']).where('id', '=', productId).executeTakeFirst();
  if (!product || product.status === 'retired') return null;
  if (!spend(INVENTORY_POINTS.query, `product/query ${product.cj_pid}`)) return null;
  const call = { signal: opts.signal };

  const asOf = ctx.clock.now();
  let facts: ProductFacts;
  try {
    const detail = await ctx.cj.products.query({ pid: product.cj_pid }, { features: ['enable_inventory'] }, call);
    facts = factsFromDetail(detail, asOf);
    if (facts.found && lacksInventory(detail) && spend(INVENTORY_POINTS.inventoryByPid, `getInventoryByPid ${product.cj_pid}`)) {
      // The query came back without inventory: ask the stock endpoint for all variants at once.
      const stock = stockFromInventory(await ctx.cj.stock.byPid(product.cj_pid, {}, call));
      for (const [vid, lines] of stock) {
        const v = facts.variants.get(vid);
        if (v) v.stock = lines;
      }
    }
  } catch (err) {
    // 1602000–1602003: not found, or off the shelves.
    if (!(err instanceof CjNotFoundError)) throw err;
    facts = { asOf, fullRead: true, found: false, notFoundWeight: opts.confirmsOffSale ? 2 : 1, variants: new Map() };
  }

  if (facts.found) {
    // product/query lists variants but does not say whether each is on sale. A variant we hold as
    // off sale (from a VARIANT message) is asked about on its own before it is sold again.
    const offSale = await ctx.db
      .selectFrom('variants')
      .select('cj_vid')
      .where('product_id', '=', product.id)
      .where('on_sale', '=', 0)
      .execute();
    for (const { cj_vid: vid } of offSale) {
      const listed = facts.variants.get(vid);
      if (!listed) continue;
      if (!spend(INVENTORY_POINTS.variantByVid, `queryByVid ${vid}`)) {
        listed.onSale = false;
        continue;
      }
      try {
        const confirmed = factsFromVariant(await ctx.cj.products.variantByVid(vid, { features: ['enable_inventory'] }, call));
        facts.variants.set(vid, { ...listed, ...confirmed });
      } catch (err) {
        if (!(err instanceof CjNotFoundError)) throw err;
        listed.onSale = false;
      }
    }
  }

  const outcome = await applyProductFacts(ctx, product.id, facts);
  return { ...outcome, found: facts.found === true };
}
