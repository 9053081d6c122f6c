// The server-side cart on SQLite and PostgreSQL: lines priced from the catalogue at every view, a
// change of price or stock since the customer added a line flagged (never applied silently), the
// checkout's limits and stock rule on every change, checkout keys that belong to one cart, the cart
// emptied once its order is paid (kept after a cancelled payment), and carts idle for 30 days gone.
import { describe, expect, it } from 'vitest';
import { saveProduct } from '../../src/catalog/catalog-repository.js';
import { deleteIdleCarts } from '../../src/cart/cart-cleanup.js';
import {
  acceptPrices,
  addToCart,
  CART_IDLE_MS,
  cartCount,
  checkoutKeyFor,
  keyOfCart,
  openCart,
  priceCart,
  recordCheckout,
  setQuantity,
  type Cart,
} from '../../src/cart/cart-service.js';
import { ManualClock } from '../../src/clock.js';
import type { Database } from '../../src/db/schema.js';
import type { OrderStatus } from '../../src/orders/state-machine.js';
import { parseStoreConfig } from '../../src/stores/load-config.js';
import type { StoreContext } from '../../src/stores/context.js';
import { databaseKinds, freshDatabase, skipUnavailable } from '../support/databases.js';
import { silentLogger } from '../support/logger.js';
import { baseConfig } from '../support/store-harness.js';
import { insertOrder } from '../services/seed.js';
import { product, variant } from '../storage/fixtures.js';
import type { Kysely } from 'kysely';

const kinds = await databaseKinds();
const DAY = 24 * 3_600_000;

function cartContext(db: Kysely<Database>, clock: ManualClock): StoreContext {
  const config = parseStoreConfig('(cart test)', baseConfig(4999, { checkout: { maxLines: 3, maxQuantityPerLine: 5 } }));
  return { id: 'carttest', db, clock, config, log: silentLogger() } as unknown as StoreContext;
}

/** An order placed at `nowIso` with the cart's checkout key (the cart reads only its id, status and key). */
async function placeOrder(db: Kysely<Database>, id: string, status: OrderStatus, nowIso: string, checkoutKey = `key-${id}`): Promise<void> {
  await insertOrder(db, { id, number: `T-${id}`, status, checkout_key: checkoutKey, created_at: nowIso, updated_at: nowIso });
}

describe.each(kinds)('the cart on $name', (kind) => {
  if (skipUnavailable(kind)) return;
  const clock = new ManualClock(Date.UTC(2026, 10, 20, 10));
  const db = freshDatabase(kind, async (fresh) => {
    await saveProduct(fresh.db, product(1, { variants: [variant('p1-a', { priceMinor: 1_499, stock: 8 }), variant('p1-b', { priceMinor: 1_699, stock: 8, position: 1 })] }));
    await saveProduct(fresh.db, product(2, { variants: [variant('p2-a', { priceMinor: 2_000, stock: 50 })] }));
    await saveProduct(fresh.db, product(3, { variants: [variant('p3-a', { priceMinor: 900, stock: 50 })] }));
    await saveProduct(fresh.db, product(4, { variants: [variant('p4-a', { priceMinor: 500, stock: 50 })] }));
  });
  const ctx = () => cartContext(db.db, clock);
  const open = async (id: string) => (await openCart(ctx(), id))!;

  async function newCart(variantId = 'v-p1-a', quantity = 1): Promise<Cart> {
    const added = await addToCart(ctx(), null, variantId, quantity);
    if (!added.ok) throw new Error(`add failed: ${JSON.stringify(added.problem)}`);
    return open(added.cartId);
  }

  it('creates a cart on the first add, sums a repeated add, and prices every line from the catalogue', async () => {
    let cart = await newCart('v-p1-a', 2);
    expect((await addToCart(ctx(), cart, 'v-p1-a', 1)).ok).toBe(true);
    expect((await addToCart(ctx(), cart, 'v-p2-a', 1)).ok).toBe(true);
    cart = await open(cart.id);
    const priced = await priceCart(ctx(), cart);
    expect(priced.lines.map((l) => [l.variantId, l.quantity, l.unitPriceMinor, l.lineTotalMinor, l.flags])).toEqual([
      ['v-p1-a', 3, 1_499, 4_497, []],
      ['v-p2-a', 1, 2_000, 2_000, []],
    ]);
    expect(priced.itemsMinor).toBe(6_497);
    expect(priced.ready).toBe(true);
    expect(await cartCount(ctx(), cart.id)).toBe(4);
    expect(await cartCount(ctx(), null)).toBe(0);
    expect(await cartCount(ctx(), '00000000-0000-4000-8000-000000000000')).toBe(0);
  });

  it('flags a price change with both prices instead of applying it, until the customer accepts it', async () => {
    const cart = await newCart('v-p3-a', 2);
    await db.db.updateTable('variants').set({ price_minor: 1_100 }).where('id', '=', 'v-p3-a').execute();
    let priced = await priceCart(ctx(), cart);
    expect(priced.lines[0]!.flags).toEqual([{ kind: 'price_changed', fromMinor: 900, toMinor: 1_100 }]);
    // Today's price is what the total shows (the catalogue decides), and checkout waits for the customer.
    expect(priced.lines[0]!.lineTotalMinor).toBe(2_200);
    expect(priced.ready).toBe(false);
    await acceptPrices(ctx(), cart);
    priced = await priceCart(ctx(), await open(cart.id));
    expect(priced.lines[0]!.flags).toEqual([]);
    expect(priced.lines[0]!.seenPriceMinor).toBe(1_100);
    expect(priced.ready).toBe(true);
    // An admin's price override is the customer's price too (the checkout's rule).
    await db.db.updateTable('products').set({ price_override_minor: 999 }).where('id', '=', 'p003').execute();
    expect((await priceCart(ctx(), cart)).lines[0]!.flags).toEqual([{ kind: 'price_changed', fromMinor: 1_100, toMinor: 999 }]);
    await db.db.updateTable('products').set({ price_override_minor: null }).where('id', '=', 'p003').execute();
  });

  it('flags stock that fell below the quantity, a sold-out variant and a withdrawn product, and leaves them out of the total', async () => {
    const cart = await newCart('v-p1-b', 5);
    await addToCart(ctx(), cart, 'v-p2-a', 1);
    await addToCart(ctx(), cart, 'v-p4-a', 1);
    await db.db.updateTable('variants').set({ stock: 2 }).where('id', '=', 'v-p1-b').execute();
    await db.db.updateTable('variants').set({ on_sale: 0 }).where('id', '=', 'v-p2-a').execute();
    await db.db.updateTable('products').set({ status: 'hidden' }).where('id', '=', 'p004').execute();
    const priced = await priceCart(ctx(), await open(cart.id));
    expect(priced.lines.map((l) => [l.variantId, l.flags])).toEqual([
      ['v-p1-b', [{ kind: 'short', available: 2 }]],
      ['v-p2-a', [{ kind: 'out_of_stock' }]],
      ['v-p4-a', [{ kind: 'unavailable' }]],
    ]);
    expect(priced.itemsMinor).toBe(5 * 1_699);
    expect(priced.ready).toBe(false);
    // Lowering the short line to what is in stock is allowed; raising it is not.
    expect(await setQuantity(ctx(), cart, 'v-p1-b', 3)).toEqual({ ok: false, problem: { code: 'out_of_stock', available: 2 } });
    expect((await setQuantity(ctx(), cart, 'v-p1-b', 2)).ok).toBe(true);
    expect((await setQuantity(ctx(), cart, 'v-p2-a', 0)).ok).toBe(true);
    expect((await setQuantity(ctx(), cart, 'v-p4-a', 0)).ok).toBe(true);
    expect((await priceCart(ctx(), await open(cart.id))).ready).toBe(true);
    await db.db.updateTable('variants').set({ stock: 8 }).where('id', '=', 'v-p1-b').execute();
    await db.db.updateTable('variants').set({ on_sale: 1 }).where('id', '=', 'v-p2-a').execute();
    await db.db.updateTable('products').set({ status: 'active' }).where('id', '=', 'p004').execute();
  });

  it("applies the checkout's limits and stock rule to every change", async () => {
    const cart = await newCart('v-p1-a', 1);
    expect(await addToCart(ctx(), cart, 'v-p1-a', 5)).toEqual({ ok: false, problem: { code: 'quantity_too_large', max: 5 } });
    expect(await addToCart(ctx(), cart, 'v-p1-a', 0)).toEqual({ ok: false, problem: { code: 'invalid_quantity', max: 5 } });
    expect(await addToCart(ctx(), cart, 'v-p1-a', Number.NaN)).toEqual({ ok: false, problem: { code: 'invalid_quantity', max: 5 } });
    expect(await addToCart(ctx(), cart, 'v-nope', 1)).toEqual({ ok: false, problem: { code: 'unknown_variant' } });
    await addToCart(ctx(), cart, 'v-p2-a', 1);
    await addToCart(ctx(), cart, 'v-p3-a', 1);
    expect(await addToCart(ctx(), cart, 'v-p4-a', 1)).toEqual({ ok: false, problem: { code: 'too_many_lines', max: 3 } });
    await db.db.updateTable('variants').set({ stock: 1 }).where('id', '=', 'v-p2-a').execute();
    expect(await addToCart(ctx(), cart, 'v-p2-a', 1)).toEqual({ ok: false, problem: { code: 'out_of_stock', available: 1 } });
    expect(await setQuantity(ctx(), cart, 'v-p4-a', 2)).toEqual({ ok: false, problem: { code: 'not_in_cart' } });
    expect((await priceCart(ctx(), await open(cart.id))).lines.map((l) => l.quantity)).toEqual([1, 1, 1]);
    await db.db.updateTable('variants').set({ stock: 50 }).where('id', '=', 'v-p2-a').execute();
  });

  it('gives each checkout form a key of this cart, the same until an order uses it or the cart changes', async () => {
    let cart = await newCart();
    const other = await newCart();
    const key = await checkoutKeyFor(ctx(), cart);
    cart = await open(cart.id);
    expect(await checkoutKeyFor(ctx(), cart)).toBe(key);
    expect(keyOfCart(cart, key)).toBe(true);
    expect(keyOfCart(other, key)).toBe(false);
    expect(keyOfCart(cart, `${key}x`)).toBe(false);
    // A change makes the form stale: a new key next time.
    await addToCart(ctx(), cart, 'v-p2-a', 1);
    cart = await open(cart.id);
    expect(cart.checkoutKey).toBeNull();
    const second = await checkoutKeyFor(ctx(), cart);
    expect(second).not.toBe(key);
    expect(keyOfCart(cart, second)).toBe(true);
    // Once an order was placed with it, the next visit to the checkout starts a new attempt.
    await placeOrder(db.db, 'o-used', 'awaiting_payment', new Date(clock.now()).toISOString(), second);
    expect(await checkoutKeyFor(ctx(), await open(cart.id))).not.toBe(second);
  });

  it('keeps the cart while its order awaits payment or was cancelled, and empties it once the order is paid', async () => {
    const nowIso = new Date(clock.now()).toISOString();
    const waiting = await newCart('v-p2-a', 2);
    await placeOrder(db.db, 'o-wait', 'awaiting_payment', nowIso);
    await recordCheckout(ctx(), waiting, 'o-wait', { name: 'Ana', email: 'ana@example.pt', phone: '', country: 'PT', province: '', city: 'Lisboa', zip: '1100-148', address1: 'Rua Augusta 10', address2: '', shipping: 'x' });
    let reopened = await open(waiting.id);
    expect(reopened.orderId).toBe('o-wait');
    expect(reopened.details?.city).toBe('Lisboa');
    expect(await cartCount(ctx(), waiting.id)).toBe(2);

    await db.db.updateTable('orders').set({ status: 'cancelled' }).where('id', '=', 'o-wait').execute();
    reopened = await open(waiting.id);
    expect(reopened.orderId).toBeNull();
    expect(await cartCount(ctx(), waiting.id)).toBe(2);

    const paid = await newCart('v-p3-a', 1);
    await placeOrder(db.db, 'o-paid', 'pending', nowIso);
    await recordCheckout(ctx(), paid, 'o-paid', reopened.details!);
    expect(await cartCount(ctx(), paid.id)).toBe(0);
    reopened = await open(paid.id);
    expect(reopened.orderId).toBeNull();
    // The details stay, to fill the next checkout form.
    expect(reopened.details?.zip).toBe('1100-148');
  });

  it('forgets a cart idle for 30 days, and the daily job deletes idle carts only', async () => {
    const idle = await newCart('v-p1-a', 1);
    clock.advance(20 * DAY);
    const active = await newCart('v-p2-a', 1);
    clock.advance(CART_IDLE_MS - 20 * DAY + 1_000);
    // 30 days and a second after the idle cart's last change; the active one is 10 days old.
    const deleted = await deleteIdleCarts(ctx());
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await db.db.selectFrom('carts').select('id').where('id', '=', idle.id).executeTakeFirst()).toBeUndefined();
    expect(await db.db.selectFrom('cart_lines').select('variant_id').where('cart_id', '=', idle.id).execute()).toEqual([]);
    expect(await openCart(ctx(), active.id)).not.toBeNull();
    // Idle past 30 days when it is next opened: gone without waiting for the job.
    clock.advance(CART_IDLE_MS + 1_000);
    expect(await openCart(ctx(), active.id)).toBeNull();
    expect(await db.db.selectFrom('cart_lines').select('variant_id').where('cart_id', '=', active.id).execute()).toEqual([]);
  });
});
