// GET the cart, POST add (from a product page), POST update (quantity, remove, accept today's
// prices). Every post carries the CSRF token and answers with a redirect and a flash message.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptPrices, addToCart, openCart, priceCart, removeLine, setQuantity, type CartProblem } from '../../cart/cart-service.js';
import { findVariant } from '../../orders/checkout.js';
import type { StoreApp } from '../../http/app-types.js';
import { csrfGuard, csrfToken, firstVisitCsrfGuard } from '../../web/csrf.js';
import { setFlash } from '../../web/flash.js';
import { redirectAfterPost, sendPage } from '../../web/page-reply.js';
import { renderDocument } from '../../web/render.js';
import { formField, formInteger, queryField, type BuyingDeps } from '../buying.js';
import type { ShopView } from '../shop-view.js';
import { readCartId, visitorFor, writeCartId } from '../visitor.js';
import { cartPage } from './cart-page.js';

export function problemText(view: ShopView, problem: CartProblem): string {
  const p = view.messages.buy.cart.problems;
  switch (problem.code) {
    case 'invalid_quantity':
      return p.invalid_quantity(problem.max);
    case 'quantity_too_large':
      return p.quantity_too_large(problem.max);
    case 'too_many_lines':
      return p.too_many_lines(problem.max);
    case 'out_of_stock':
      return p.out_of_stock(problem.available);
    case 'unknown_variant':
      return p.unknown_variant;
    case 'not_in_cart':
      return p.not_in_cart;
  }
}

/** The destination the estimate is for: the one asked for, else the one last typed at checkout, else the main country. */
export function destinationFor(view: ShopView, asked: string, saved: string | undefined): string {
  const { shipsTo } = view.ctx.config.checkout;
  for (const candidate of [asked.toUpperCase(), saved ?? '', view.ctx.config.mainCountry]) {
    if (shipsTo.includes(candidate)) return candidate;
  }
  return shipsTo[0]!;
}

export function cartRoutes(deps: BuyingDeps) {
  const { view, shipping } = deps;
  const { ctx, paths } = view;
  const destinationParam = view.messages.language === 'pt-PT' ? 'pais' : 'country';

  return (app: StoreApp) => {
    app.get(paths.patterns.cart, { schema: { hide: true } }, async (request, reply) => {
      const cart = await openCart(ctx, readCartId(request, ctx.id));
      const priced = cart ? await priceCart(ctx, cart) : null;
      const destination = destinationFor(view, queryField(request.query, destinationParam, 2), cart?.details?.country);
      // The estimate covers what can be bought now; flagged lines are the customer's to fix first.
      const quotable = (priced?.lines ?? []).filter((l) => !l.flags.some((f) => f.kind !== 'price_changed'));
      const quote = quotable.length > 0 ? await shipping.quote(quotable.map((l) => ({ variantId: l.variantId, quantity: l.quantity })), destination) : null;
      // Back from a payment page without paying: say so, from the order's state (not from the URL alone).
      const returning = queryField(request.query, 'order', 60).toUpperCase();
      let paymentCancelled = false;
      if (returning && cart?.orderId) {
        const order = await ctx.db.selectFrom('orders').select(['number', 'status']).where('id', '=', cart.orderId).executeTakeFirst();
        paymentCancelled = order?.number === returning && order.status === 'awaiting_payment';
      }
      const visitor = await visitorFor(view, request, reply);
      const html = renderDocument(cartPage(view, visitor, { priced, csrf: csrfToken(reply), quote, destination, destinationParam, paymentCancelled }));
      return sendPage(request, reply, html, { cache: 'no-store' });
    });

    // A first visitor adds from a shared product page that carries no token (web/csrf.tsx firstVisitCsrfGuard).
    app.post(paths.patterns.cartAdd, { preHandler: firstVisitCsrfGuard(app, ctx.id), schema: { hide: true } }, async (request, reply) => {
      const variantId = formField(request.body, 'variantId', 64);
      const quantityText = formField(request.body, 'quantity', 12);
      const quantity = quantityText === '' ? 1 : formInteger(request.body, 'quantity');
      const cart = await openCart(ctx, readCartId(request, ctx.id));
      const result = await addToCart(ctx, cart, variantId, quantity);
      if (result.ok) {
        writeCartId(reply, ctx.id, result.cartId);
        // With its first cart the visitor gets a CSRF secret (if they had none): every later post needs a token.
        csrfToken(reply);
        setFlash(reply, ctx.id, { kind: 'success', message: view.messages.buy.cart.added });
        return redirectAfterPost(reply, paths.cart);
      }
      setFlash(reply, ctx.id, { kind: 'error', message: problemText(view, result.problem) });
      // Back to the product the customer was looking at (found on the server: never a URL from the form).
      const found = variantId ? await findVariant(ctx, variantId) : undefined;
      return redirectAfterPost(reply, found && found.product.status === 'active' ? paths.product(found.product.slug) : paths.cart);
    });

    app.post(paths.patterns.cartUpdate, { preHandler: csrfGuard(app), schema: { hide: true } }, async (request, reply) => updateCart(request, reply));
  };

  async function updateCart(request: FastifyRequest, reply: FastifyReply) {
    const m = view.messages.buy.cart;
    const cart = await openCart(ctx, readCartId(request, ctx.id));
    if (!cart) return redirectAfterPost(reply, paths.cart);
    const action = formField(request.body, 'action', 20);
    const variantId = formField(request.body, 'variantId', 64);
    let problem: CartProblem | null = null;
    let done = m.updated;
    if (action === 'accept') {
      await acceptPrices(ctx, cart);
      done = m.pricesAccepted;
    } else if (action === 'remove') {
      await removeLine(ctx, cart, variantId);
      done = m.removed;
    } else {
      const quantity = formInteger(request.body, 'quantity');
      const result = await setQuantity(ctx, cart, variantId, quantity);
      if (!result.ok) problem = result.problem;
      else if (quantity === 0) done = m.removed;
    }
    writeCartId(reply, ctx.id, cart.id);
    setFlash(reply, ctx.id, problem ? { kind: 'error', message: problemText(view, problem) } : { kind: 'success', message: done });
    return redirectAfterPost(reply, paths.cart);
  }
}
