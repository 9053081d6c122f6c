// The server-side cart: what a visitor means to buy, kept in the store's database so it survives
// restarts, other devices' sessions aside, and a cancelled payment. Prices and stock are never
// stored as truth: every view prices the lines from the catalogue with the checkout's own rules,
// and a line whose price or stock changed since the customer added it is flagged for them to see
// and accept, never changed silently. A cart idle for 30 days is gone.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { VariantOption } from '../catalog/product.js';
import { findVariant, lineAvailability, unitPriceMinor } from '../orders/checkout.js';
import type { StoreContext } from '../stores/context.js';
import {
  cartLineRows,
  cartUnits,
  deleteLine,
  emptyCart,
  findCart,
  insertCart,
  putLine,
  setLineQuantity,
  setSeenPrice,
  updateCart,
} from './cart-repository.js';

export const CART_IDLE_MS = 30 * 24 * 3_600_000;
/** A view refreshes the idle clock at most this often (a write per page view would be waste). */
const TOUCH_EVERY_MS = 24 * 3_600_000;

/** What the customer typed at checkout, kept to fill the form again after a cancelled payment. */
export interface CartDetails {
  name: string;
  email: string;
  phone: string;
  country: string;
  province: string;
  city: string;
  zip: string;
  address1: string;
  address2: string;
  shipping: string;
}

export interface Cart {
  id: string;
  checkoutKey: string | null;
  orderId: string | null;
  details: CartDetails | null;
}

export type LineFlag =
  /** The product was withdrawn (hidden, retired, deleted). */
  | { kind: 'unavailable' }
  | { kind: 'out_of_stock' }
  /** Fewer in stock than the line's quantity. */
  | { kind: 'short'; available: number }
  | { kind: 'price_changed'; fromMinor: number; toMinor: number };

export interface PricedLine {
  variantId: string;
  quantity: number;
  /** null when the variant no longer exists at all. */
  product: { id: string; slug: string; title: string } | null;
  options: VariantOption[];
  /** Today's price when it can be sold, else the price the customer saw. */
  unitPriceMinor: number;
  seenPriceMinor: number;
  lineTotalMinor: number;
  flags: LineFlag[];
}

export interface PricedCart {
  cart: Cart;
  lines: PricedLine[];
  units: number;
  itemsMinor: number;
  currency: string;
  /** True when no line is flagged: the cart can go to checkout as it is. */
  ready: boolean;
}

export type CartProblem =
  | { code: 'invalid_quantity'; max: number }
  | { code: 'unknown_variant' }
  | { code: 'out_of_stock'; available: number }
  | { code: 'too_many_lines'; max: number }
  | { code: 'quantity_too_large'; max: number }
  | { code: 'not_in_cart' };

export type CartChange = { ok: true; cartId: string } | { ok: false; problem: CartProblem };

const iso = (ctx: StoreContext, offsetMs = 0) => new Date(ctx.clock.now() + offsetMs).toISOString();

function parseDetails(text: string | null): CartDetails | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as CartDetails;
  } catch {
    return null;
  }
}

/**
 * The visitor's cart, or null when they have none (no cookie, an unknown id, or idle for 30 days —
 * then it is deleted here too). A cart whose order has been paid is emptied: the purchase is done.
 */
export async function openCart(ctx: StoreContext, cartId: string | null): Promise<Cart | null> {
  if (!cartId) return null;
  const row = await findCart(ctx.db, cartId);
  if (!row) return null;
  const now = ctx.clock.now();
  if (Date.parse(row.touched_at) < now - CART_IDLE_MS) {
    await ctx.db.deleteFrom('cart_lines').where('cart_id', '=', row.id).execute();
    await ctx.db.deleteFrom('carts').where('id', '=', row.id).execute();
    return null;
  }
  if (row.order_id) {
    const order = await ctx.db.selectFrom('orders').select('status').where('id', '=', row.order_id).executeTakeFirst();
    if (!order || order.status === 'cancelled') {
      // The order was never paid and has expired: the cart carries on as it was.
      await updateCart(ctx.db, row.id, { order_id: null, checkout_key: null });
      return { id: row.id, checkoutKey: null, orderId: null, details: parseDetails(row.details) };
    }
    if (order.status !== 'awaiting_payment') {
      await emptyCart(ctx.db, row.id, iso(ctx));
      return { id: row.id, checkoutKey: null, orderId: null, details: parseDetails(row.details) };
    }
  }
  if (Date.parse(row.touched_at) < now - TOUCH_EVERY_MS) await updateCart(ctx.db, row.id, { touched_at: iso(ctx) });
  return { id: row.id, checkoutKey: row.checkout_key, orderId: row.order_id, details: parseDetails(row.details) };
}

/** Units in the visitor's cart (the header's count). */
export async function cartCount(ctx: StoreContext, cartId: string | null): Promise<number> {
  const cart = await openCart(ctx, cartId);
  return cart ? cartUnits(ctx.db, cart.id) : 0;
}

/** Every line priced from the catalogue now, with what changed since the customer added it. */
export async function priceCart(ctx: StoreContext, cart: Cart): Promise<PricedCart> {
  const lines: PricedLine[] = [];
  for (const row of await cartLineRows(ctx.db, cart.id)) {
    const found = await findVariant(ctx, row.variant_id);
    const flags: LineFlag[] = [];
    const availability = lineAvailability(found?.product, found?.variant, row.quantity);
    let price = row.seen_price_minor;
    if (!availability.ok && availability.code === 'unknown_variant') {
      flags.push({ kind: 'unavailable' });
    } else {
      price = unitPriceMinor(found!.product, found!.variant);
      if (!availability.ok) flags.push(availability.available === 0 ? { kind: 'out_of_stock' } : { kind: 'short', available: availability.available });
      if (price !== row.seen_price_minor) flags.push({ kind: 'price_changed', fromMinor: row.seen_price_minor, toMinor: price });
    }
    lines.push({
      variantId: row.variant_id,
      quantity: row.quantity,
      product: found ? { id: found.product.id, slug: found.product.slug, title: found.product.title } : null,
      options: found?.variant.options ?? [],
      unitPriceMinor: price,
      seenPriceMinor: row.seen_price_minor,
      lineTotalMinor: price * row.quantity,
      flags,
    });
  }
  const sellable = lines.filter((l) => !l.flags.some((f) => f.kind === 'unavailable' || f.kind === 'out_of_stock'));
  return {
    cart,
    lines,
    units: lines.reduce((n, l) => n + l.quantity, 0),
    itemsMinor: sellable.reduce((sum, l) => sum + l.lineTotalMinor, 0),
    currency: ctx.config.currency,
    ready: lines.length > 0 && lines.every((l) => l.flags.length === 0),
  };
}

function checkQuantity(ctx: StoreContext, quantity: number): CartProblem | null {
  const max = ctx.config.checkout.maxQuantityPerLine;
  if (!Number.isSafeInteger(quantity) || quantity < 1) return { code: 'invalid_quantity', max };
  if (quantity > max) return { code: 'quantity_too_large', max };
  return null;
}

/** Adds `quantity` of a variant (to the line already there, if any), creating the cart if needed. */
export async function addToCart(ctx: StoreContext, cart: Cart | null, variantId: string, quantity: number): Promise<CartChange> {
  const bad = checkQuantity(ctx, quantity);
  if (bad) return { ok: false, problem: bad };
  const existing = cart ? await cartLineRows(ctx.db, cart.id) : [];
  const line = existing.find((l) => l.variant_id === variantId);
  if (!line && existing.length >= ctx.config.checkout.maxLines) return { ok: false, problem: { code: 'too_many_lines', max: ctx.config.checkout.maxLines } };
  const total = (line?.quantity ?? 0) + quantity;
  const tooMany = checkQuantity(ctx, total);
  if (tooMany) return { ok: false, problem: tooMany };
  const found = await findVariant(ctx, variantId);
  const availability = lineAvailability(found?.product, found?.variant, total);
  if (!availability.ok) {
    return { ok: false, problem: availability.code === 'unknown_variant' ? { code: 'unknown_variant' } : { code: 'out_of_stock', available: availability.available } };
  }
  const nowIso = iso(ctx);
  let cartId = cart?.id;
  if (!cartId) {
    cartId = randomUUID();
    await insertCart(ctx.db, cartId, nowIso);
  }
  // The customer is looking at today's price as they add: that is the price they saw.
  const price = unitPriceMinor(found!.product, found!.variant);
  await putLine(ctx.db, { cart_id: cartId, variant_id: variantId, quantity: total, seen_price_minor: price, added_at: line?.added_at ?? nowIso });
  await changed(ctx, cartId);
  return { ok: true, cartId };
}

/** Sets a line's quantity (0 removes it). */
export async function setQuantity(ctx: StoreContext, cart: Cart, variantId: string, quantity: number): Promise<CartChange> {
  const line = (await cartLineRows(ctx.db, cart.id)).find((l) => l.variant_id === variantId);
  if (!line) return { ok: false, problem: { code: 'not_in_cart' } };
  if (quantity === 0) return removeLine(ctx, cart, variantId);
  const bad = checkQuantity(ctx, quantity);
  if (bad) return { ok: false, problem: bad };
  // The new quantity must be in stock (lowering a short line to what is left is how it is fixed).
  const found = await findVariant(ctx, variantId);
  const availability = lineAvailability(found?.product, found?.variant, quantity);
  if (!availability.ok) {
    return { ok: false, problem: availability.code === 'unknown_variant' ? { code: 'unknown_variant' } : { code: 'out_of_stock', available: availability.available } };
  }
  await setLineQuantity(ctx.db, cart.id, variantId, quantity);
  await changed(ctx, cart.id);
  return { ok: true, cartId: cart.id };
}

export async function removeLine(ctx: StoreContext, cart: Cart, variantId: string): Promise<CartChange> {
  await deleteLine(ctx.db, cart.id, variantId);
  await changed(ctx, cart.id);
  return { ok: true, cartId: cart.id };
}

/** The customer accepts today's prices of every line that can still be sold. */
export async function acceptPrices(ctx: StoreContext, cart: Cart): Promise<void> {
  const priced = await priceCart(ctx, cart);
  for (const line of priced.lines) {
    const change = line.flags.find((f) => f.kind === 'price_changed');
    if (change?.kind === 'price_changed') await setSeenPrice(ctx.db, cart.id, line.variantId, change.toMinor);
  }
  await changed(ctx, cart.id);
}

/** A change makes any checkout form shown before it stale: its key no longer matches. */
async function changed(ctx: StoreContext, cartId: string): Promise<void> {
  await updateCart(ctx.db, cartId, { touched_at: iso(ctx), checkout_key: null });
}

/** Keys issued for a cart start with a digest of its id (never the id itself: it is the cookie's secret). */
function keyPrefix(cartId: string): string {
  return `ck-${createHash('sha256').update(cartId).digest('hex').slice(0, 16)}-`;
}

/**
 * The checkout key for the form about to be shown: the cart's current one, or a new one when there
 * is none or an order was already placed with it (the customer is starting a new attempt).
 */
export async function checkoutKeyFor(ctx: StoreContext, cart: Cart): Promise<string> {
  if (cart.checkoutKey) {
    const used = await ctx.db.selectFrom('orders').select('id').where('checkout_key', '=', cart.checkoutKey).executeTakeFirst();
    if (!used) return cart.checkoutKey;
  }
  const key = `${keyPrefix(cart.id)}${randomBytes(16).toString('hex')}`;
  await updateCart(ctx.db, cart.id, { checkout_key: key });
  return key;
}

/**
 * Whether a submitted key was issued for this cart (by this store: another cart's form, or a key
 * typed by hand, is not). A key of this cart may name an order already placed (a double submit).
 */
export function keyOfCart(cart: Cart, key: string): boolean {
  return key.startsWith(keyPrefix(cart.id)) && key.length === keyPrefix(cart.id).length + 32;
}

/** Remembers the order placed from the cart and what the customer typed. */
export async function recordCheckout(ctx: StoreContext, cart: Cart, orderId: string, details: CartDetails): Promise<void> {
  await updateCart(ctx.db, cart.id, { order_id: orderId, details: JSON.stringify(details), touched_at: iso(ctx) });
}

/** Empties the cart now (an order paid at once, or one the customer pays by bank transfer). */
export async function completeCart(ctx: StoreContext, cart: Cart): Promise<void> {
  await emptyCart(ctx.db, cart.id, iso(ctx));
}
