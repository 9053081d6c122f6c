// What the console's catalogue pages read: products with the owner's filters (any status), the
// filter choices with their counts, a product's price history and the rejected candidates. Every
// figure comes from the store's database.
import type { Database } from '../../db/schema.js';
import { rankedMatches } from '../../catalog/catalog-search.js';
import { productFromRow, type StoredProduct } from '../../catalog/product.js';
import type { StoreContext } from '../../stores/context.js';

export const PRODUCT_STATUSES = ['active', 'hidden', 'retired'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export interface ConsoleCatalogueQuery {
  status?: ProductStatus | undefined;
  category?: string | undefined;
  hiddenReason?: string | undefined;
  search?: string | undefined;
  page: number;
  limit: number;
}

export async function consoleProducts(ctx: StoreContext, q: ConsoleCatalogueQuery): Promise<{ total: number; items: StoredProduct[] }> {
  let base = ctx.db.selectFrom('products');
  if (q.status) base = base.where('status', '=', q.status);
  if (q.category) base = base.where('category', '=', q.category);
  if (q.hiddenReason) base = base.where('hidden_reason', '=', q.hiddenReason);
  if (q.search) {
    const matches = await rankedMatches(ctx, q.search);
    // The CJ product id is searched too: the owner often has it at hand.
    const ids = matches.map((m) => m.id);
    base = base.where((eb) => eb.or([eb('cj_pid', '=', q.search!), ...(ids.length > 0 ? [eb('id', 'in', ids)] : [])]));
  }
  const { n } = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(q.limit)
    .offset((q.page - 1) * q.limit)
    .execute();
  const variants =
    rows.length === 0 ? [] : await ctx.db.selectFrom('variants').selectAll().where('product_id', 'in', rows.map((r) => r.id)).execute();
  const byProduct = new Map<string, Database['variants'][]>();
  for (const v of variants) byProduct.set(v.product_id, [...(byProduct.get(v.product_id) ?? []), v]);
  return { total: Number(n), items: rows.map((r) => productFromRow(r, byProduct.get(r.id) ?? [])) };
}

export interface FilterChoice {
  value: string;
  count: number;
}

/** Categories and hidden reasons in use, with how many products have each (any status). */
export async function catalogueFilterChoices(ctx: StoreContext): Promise<{ categories: FilterChoice[]; hiddenReasons: FilterChoice[] }> {
  const categories = await ctx.db
    .selectFrom('products')
    .select(['category', (eb) => eb.fn.countAll().as('n')])
    .groupBy('category')
    .execute();
  const reasons = await ctx.db
    .selectFrom('products')
    .select(['hidden_reason', (eb) => eb.fn.countAll().as('n')])
    .where('hidden_reason', 'is not', null)
    .groupBy('hidden_reason')
    .execute();
  const collator = new Intl.Collator(ctx.config.locale);
  return {
    categories: categories.map((r) => ({ value: r.category, count: Number(r.n) })).sort((a, b) => collator.compare(a.value, b.value)),
    hiddenReasons: reasons.map((r) => ({ value: r.hidden_reason!, count: Number(r.n) })).sort((a, b) => collator.compare(a.value, b.value)),
  };
}

export interface PricePoint {
  at: string;
  priceMinor: number;
  costUsd: string;
  reason: string;
}

/** The product's "from" price over time (rows without a variant), oldest first, the last `limit`. */
export async function productPriceHistory(ctx: StoreContext, productId: string, limit = 200): Promise<PricePoint[]> {
  const rows = await ctx.db
    .selectFrom('price_history')
    .select(['created_at', 'price_minor', 'cost_usd', 'reason', 'id'])
    .where('product_id', '=', productId)
    .where('variant_id', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse().map((r) => ({ at: r.created_at, priceMinor: r.price_minor, costUsd: r.cost_usd, reason: r.reason }));
}

export async function rejectedCandidates(ctx: StoreContext, page: number, limit: number) {
  const { n } = await ctx.db.selectFrom('rejections').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await ctx.db
    .selectFrom('rejections')
    .selectAll()
    .orderBy('rejected_at', 'desc')
    .orderBy('cj_pid')
    .limit(limit)
    .offset((page - 1) * limit)
    .execute();
  return { total: Number(n), items: rows };
}
