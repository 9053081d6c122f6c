// Rows of the carts and cart_lines tables. Only the cart service calls these; it decides what a
// change means (validation, prices, expiry).
import type { Kysely } from 'kysely';
import type { CartLinesTable, CartsTable, Database } from '../db/schema.js';

type Db = Kysely<Database>;

export async function insertCart(db: Db, id: string, nowIso: string): Promise<void> {
  await db.insertInto('carts').values({ id, checkout_key: null, order_id: null, details: null, created_at: nowIso, touched_at: nowIso }).execute();
}

export async function findCart(db: Db, id: string): Promise<CartsTable | undefined> {
  return db.selectFrom('carts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function cartLineRows(db: Db, cartId: string): Promise<CartLinesTable[]> {
  return db.selectFrom('cart_lines').selectAll().where('cart_id', '=', cartId).orderBy('added_at').orderBy('variant_id').execute();
}

export async function cartUnits(db: Db, cartId: string): Promise<number> {
  const row = await db
    .selectFrom('cart_lines')
    .select((eb) => eb.fn.sum<number | string | null>('quantity').as('units'))
    .where('cart_id', '=', cartId)
    .executeTakeFirst();
  return Number(row?.units ?? 0);
}

/** Inserts the line or replaces its quantity and seen price. */
export async function putLine(db: Db, line: CartLinesTable): Promise<void> {
  await db
    .insertInto('cart_lines')
    .values(line)
    .onConflict((oc) => oc.columns(['cart_id', 'variant_id']).doUpdateSet({ quantity: line.quantity, seen_price_minor: line.seen_price_minor }))
    .execute();
}

export async function setLineQuantity(db: Db, cartId: string, variantId: string, quantity: number): Promise<void> {
  await db.updateTable('cart_lines').set({ quantity }).where('cart_id', '=', cartId).where('variant_id', '=', variantId).execute();
}

export async function setSeenPrice(db: Db, cartId: string, variantId: string, priceMinor: number): Promise<void> {
  await db.updateTable('cart_lines').set({ seen_price_minor: priceMinor }).where('cart_id', '=', cartId).where('variant_id', '=', variantId).execute();
}

export async function deleteLine(db: Db, cartId: string, variantId: string): Promise<void> {
  await db.deleteFrom('cart_lines').where('cart_id', '=', cartId).where('variant_id', '=', variantId).execute();
}

export async function updateCart(db: Db, id: string, set: Partial<Omit<CartsTable, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('carts').set(set).where('id', '=', id).execute();
}

/** Empties a cart whose order was placed, keeping the row (and the visitor's cookie) for the next one. */
export async function emptyCart(db: Db, id: string, nowIso: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('cart_lines').where('cart_id', '=', id).execute();
    await trx.updateTable('carts').set({ checkout_key: null, order_id: null, touched_at: nowIso }).where('id', '=', id).execute();
  });
}

/** Deletes carts untouched since `beforeIso`, lines first (both databases, with or without cascades). */
export async function deleteCartsIdleSince(db: Db, beforeIso: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const idle = trx.selectFrom('carts').select('id').where('touched_at', '<', beforeIso);
    await trx.deleteFrom('cart_lines').where('cart_id', 'in', idle).execute();
    const deleted = await trx.deleteFrom('carts').where('touched_at', '<', beforeIso).executeTakeFirst();
    return Number(deleted.numDeletedRows);
  });
}
