// Reads and writes the catalogue of one store. Every function takes the store's context (its own
// database), so no call can reach another store's products.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { StoreContext } from '../stores/context.js';
import { rankedMatches } from './catalog-search.js';
import {
  foldForSearch,
  productFromRow,
  productToRow,
  variantToRow,
  type StoredProduct,
} from './product.js';

type Db = Kysely<Database>;

export type CatalogSort = 'featured' | 'price_asc' | 'price_desc' | 'newest';

export interface CatalogQuery {
  page: number;
  limit: number;
  category?: string;
  /** Full-text search (ranked when sort is 'featured'). */
  search?: string;
  /** Price range of the price a customer pays, in minor units, both ends included. */
  minPriceMinor?: number;
  maxPriceMinor?: number;
  sort: CatalogSort;
  /** Admin listings may include hidden and retired products. */
  statuses?: Array<StoredProduct['status']>;
}

async function loadVariants(db: Db, productIds: string[]) {
  if (productIds.length === 0) return new Map<string, Database['variants'][]>();
  const rows = await db.selectFrom('variants').selectAll().where('product_id', 'in', productIds).execute();
  const byProduct = new Map<string, Database['variants'][]>();
  for (const row of rows) {
    const list = byProduct.get(row.product_id) ?? [];
    list.push(row);
    byProduct.set(row.product_id, list);
  }
  return byProduct;
}

export async function getProductByPid(db: Db, cjPid: string): Promise<StoredProduct | undefined> {
  const row = await db.selectFrom('products').selectAll().where('cj_pid', '=', cjPid).executeTakeFirst();
  if (!row) return undefined;
  return productFromRow(row, (await loadVariants(db, [row.id])).get(row.id) ?? []);
}

export async function getProduct(db: Db, idOrSlug: string): Promise<StoredProduct | undefined> {
  const row = await db
    .selectFrom('products')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .executeTakeFirst();
  if (!row) return undefined;
  return productFromRow(row, (await loadVariants(db, [row.id])).get(row.id) ?? []);
}

export async function listProducts(ctx: StoreContext, q: CatalogQuery): Promise<{ total: number; items: StoredProduct[] }> {
  let base = ctx.db.selectFrom('products').where('status', 'in', q.statuses ?? ['active']);
  if (q.category) base = base.where('category', '=', q.category);
  if (q.minPriceMinor !== undefined) base = base.where((eb) => eb(eb.fn.coalesce('price_override_minor', 'price_minor'), '>=', q.minPriceMinor!));
  if (q.maxPriceMinor !== undefined) base = base.where((eb) => eb(eb.fn.coalesce('price_override_minor', 'price_minor'), '<=', q.maxPriceMinor!));
  // Full-text search (catalog-search.ts): ranked matches first, then the usual filters on them.
  let ranks: Map<string, number> | null = null;
  if (q.search) {
    const matches = await rankedMatches(ctx, q.search);
    if (matches.length === 0) return { total: 0, items: [] };
    ranks = new Map(matches.map((m) => [m.id, m.rank]));
    base = base.where('id', 'in', [...ranks.keys()]);
  }
  const { n } = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  if (ranks && q.sort === 'featured') {
    // By relevance: the matching ids are ordered here (ties by score), then one page is loaded.
    const candidates = await base.select(['id', 'score']).execute();
    const order = candidates
      .sort((a, b) => ranks.get(b.id)! - ranks.get(a.id)! || b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice((q.page - 1) * q.limit, q.page * q.limit)
      .map((r) => r.id);
    if (order.length === 0) return { total: Number(n), items: [] };
    const rows = await ctx.db.selectFrom('products').selectAll().where('id', 'in', order).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const variants = await loadVariants(ctx.db, order);
    return { total: Number(n), items: order.map((id) => productFromRow(byId.get(id)!, variants.get(id) ?? [])) };
  }
  let ordered = base.selectAll();
  switch (q.sort) {
    case 'price_asc':
      ordered = ordered.orderBy((eb) => eb.fn.coalesce('price_override_minor', 'price_minor'), 'asc');
      break;
    case 'price_desc':
      ordered = ordered.orderBy((eb) => eb.fn.coalesce('price_override_minor', 'price_minor'), 'desc');
      break;
    case 'newest':
      ordered = ordered.orderBy('created_at', 'desc');
      break;
    default:
      ordered = ordered.orderBy('score', 'desc');
  }
  const rows = await ordered
    .orderBy('id')
    .limit(q.limit)
    .offset((q.page - 1) * q.limit)
    .execute();
  const variants = await loadVariants(ctx.db, rows.map((r) => r.id));
  return { total: Number(n), items: rows.map((r) => productFromRow(r, variants.get(r.id) ?? [])) };
}

export async function listCategories(ctx: StoreContext): Promise<Array<{ category: string; count: number }>> {
  const rows = await ctx.db
    .selectFrom('products')
    .select(['category', (eb) => eb.fn.countAll().as('n')])
    .where('status', '=', 'active')
    .groupBy('category')
    .execute();
  // Sorted here, in the store's language ("Óleos" before "Velas" in pt-PT): ORDER BY would follow
  // the database's collation, byte order on SQLite and whatever the server was set up with on PostgreSQL.
  const collator = new Intl.Collator(ctx.config.locale);
  return rows.map((r) => ({ category: r.category, count: Number(r.n) })).sort((a, b) => collator.compare(a.category, b.category));
}

export async function countByStatus(db: Db): Promise<Record<StoredProduct['status'], number>> {
  const rows = await db
    .selectFrom('products')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute();
  const out = { active: 0, hidden: 0, retired: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

/**
 * Inserts or replaces a product and its variants (by CJ product id) in one transaction. With `cap`,
 * the same transaction retires the weakest active products beyond `cap.keep` (returns their CJ ids),
 * so no reader ever sees more active products than the cap.
 */
export async function saveProduct(db: Db, product: StoredProduct, opts: { cap?: { keep: number; nowIso: string } } = {}): Promise<string[]> {
  const row = productToRow(product, foldForSearch(product.title, product.category, product.tags.join(' '), product.titleEn));
  return db.transaction().execute(async (trx) => {
    const { id: _id, cj_pid: _pid, created_at: _created, ...updatable } = row;
    await trx
      .insertInto('products')
      .values(row)
      .onConflict((oc) => oc.column('cj_pid').doUpdateSet(updatable))
      .execute();
    const stored = await trx.selectFrom('products').select('id').where('cj_pid', '=', product.cjPid).executeTakeFirstOrThrow();
    const keep = product.variants.map((v) => v.cjVid);
    let stale = trx.deleteFrom('variants').where('product_id', '=', stored.id);
    if (keep.length > 0) stale = stale.where('cj_vid', 'not in', keep);
    await stale.execute();
    for (const v of product.variants) {
      const vrow = variantToRow(stored.id, v, product.updatedAt);
      const { id: _vid, cj_vid: _cjVid, ...vupdatable } = vrow;
      await trx
        .insertInto('variants')
        .values(vrow)
        .onConflict((oc) => oc.column('cj_vid').doUpdateSet(vupdatable))
        .execute();
    }
    return opts.cap ? retireBeyondCap(trx, opts.cap.keep, opts.cap.nowIso) : [];
  });
}

/** Everything the near-duplicate check compares against: every product not retired. */
export async function listFingerprints(db: Db): Promise<Array<{ cjPid: string; fingerprint: string; score: number }>> {
  const rows = await db
    .selectFrom('products')
    .select(['cj_pid', 'fingerprint', 'score'])
    .where('status', '!=', 'retired')
    .execute();
  return rows.map((r) => ({ cjPid: r.cj_pid, fingerprint: r.fingerprint, score: r.score }));
}

export async function slugTaken(db: Db, slug: string, exceptPid?: string): Promise<boolean> {
  let q = db.selectFrom('products').select('id').where('slug', '=', slug);
  if (exceptPid) q = q.where('cj_pid', '!=', exceptPid);
  return (await q.executeTakeFirst()) !== undefined;
}

/**
 * The score a new product must beat to stay in a full catalogue: the weakest active product's, once
 * `keep` products are active; null while there is room (anything that passes the gates stays).
 */
export async function capFloor(db: Db, keep: number): Promise<number | null> {
  const { active, weakest } = await activeProducts(db);
  return active >= keep && weakest !== null ? weakest : null;
}

/** How many products are for sale, and the weakest one's score (null when there is none). */
export async function activeProducts(db: Db): Promise<{ active: number; weakest: number | null }> {
  const row = await db
    .selectFrom('products')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('score').as('weakest')])
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return { active: Number(row.n), weakest: row.weakest === null ? null : Number(row.weakest) };
}

/** Retires the lowest-scored active products beyond `keep`; returns their CJ ids. */
export async function retireBeyondCap(db: Db, keep: number, nowIso: string): Promise<string[]> {
  // Runs after every save, so the common case (under the cap) is one count.
  const { n } = await db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).where('status', '=', 'active').executeTakeFirstOrThrow();
  const overflow = Number(n) - keep;
  if (overflow <= 0) return [];
  const victims = await db
    .selectFrom('products')
    .select(['id', 'cj_pid'])
    .where('status', '=', 'active')
    .orderBy('score', 'asc')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .limit(overflow)
    .execute();
  await db
    .updateTable('products')
    .set({ status: 'retired', hidden_reason: 'catalogue cap reached: weaker than the products kept', updated_at: nowIso })
    .where('id', 'in', victims.map((v) => v.id))
    .execute();
  return victims.map((v) => v.cj_pid);
}
