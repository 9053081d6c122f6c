// What a product address leads to: the product for sale, a 301 to its current slug (an old slug
// kept in slug_history, or its id), a 410 for a product hidden or retired, or nothing (404).
import { getProduct } from '../catalog/catalog-repository.js';
import type { StoredProduct } from '../catalog/product.js';
import type { StoreContext } from '../stores/context.js';

export type ProductLookup =
  | { kind: 'active'; product: StoredProduct }
  | { kind: 'moved'; slug: string }
  | { kind: 'gone'; product: StoredProduct }
  | { kind: 'missing' };

function settle(product: StoredProduct, requested: string): ProductLookup {
  if (product.status !== 'active') return { kind: 'gone', product };
  return product.slug === requested ? { kind: 'active', product } : { kind: 'moved', slug: product.slug };
}

export async function lookupProduct(ctx: StoreContext, slug: string): Promise<ProductLookup> {
  const product = await getProduct(ctx.db, slug);
  if (product) return settle(product, slug);
  const previous = await ctx.db.selectFrom('slug_history').select('product_id').where('slug', '=', slug).executeTakeFirst();
  if (!previous) return { kind: 'missing' };
  const current = await getProduct(ctx.db, previous.product_id);
  return current ? settle(current, slug) : { kind: 'missing' };
}
