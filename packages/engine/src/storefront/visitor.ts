// What the storefront knows of a visitor, from their signed cookies: their cart (by id), the orders
// they placed or proved theirs (number + email), and a one-shot flash message. Cookie names carry
// the store id and the values its signature, so another store's cookie is simply not seen here.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CART_IDLE_MS, cartCount } from '../cart/cart-service.js';
import { cookieName, readSignedCookie, setSignedCookie } from '../web/cookies.js';
import { takeFlash } from '../web/flash.js';
import type { Visitor } from './layout.js';
import type { ShopView } from './shop-view.js';

const CART = 'cart';
const ORDERS = 'orders';
/** The orders a browser remembers: enough for a customer's recent purchases, bounded in size. */
const MAX_ORDERS = 20;
const ORDERS_MAX_AGE_S = 180 * 24 * 3600;

export function readCartId(request: FastifyRequest, storeId: string): string | null {
  const value = readSignedCookie(request, cookieName(storeId, CART));
  return value && /^[0-9a-f-]{36}$/.test(value) ? value : null;
}

/** Sets (or refreshes) the cart cookie: it lives as long as an idle cart does. */
export function writeCartId(reply: FastifyReply, storeId: string, cartId: string): void {
  setSignedCookie(reply, cookieName(storeId, CART), cartId, { sameSite: 'lax', maxAge: CART_IDLE_MS / 1000 });
}

function ordersOf(request: FastifyRequest, storeId: string): string[] {
  const value = readSignedCookie(request, cookieName(storeId, ORDERS));
  return value ? value.split(',').filter((n) => /^[A-Z0-9-]{4,60}$/.test(n)) : [];
}

/** Whether this browser placed the order (or its owner proved it with number + email). */
export function canSeeOrder(request: FastifyRequest, storeId: string, number: string): boolean {
  return ordersOf(request, storeId).includes(number);
}

export function grantOrder(request: FastifyRequest, reply: FastifyReply, storeId: string, number: string): void {
  const numbers = [number, ...ordersOf(request, storeId).filter((n) => n !== number)].slice(0, MAX_ORDERS);
  setSignedCookie(reply, cookieName(storeId, ORDERS), numbers.join(','), { sameSite: 'lax', maxAge: ORDERS_MAX_AGE_S });
}

/** What a page knows of the visitor: the units in their cart (header count) and the flash message. */
export async function visitorFor(view: ShopView, request: FastifyRequest, reply: FastifyReply): Promise<Visitor> {
  return { cartCount: await cartCount(view.ctx, readCartId(request, view.ctx.id)), flash: takeFlash(request, reply, view.ctx.id) };
}
