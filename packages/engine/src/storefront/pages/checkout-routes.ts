// GET and POST the checkout form. The post goes through the same services as POST /api/checkout —
// checkout() prices, checks stock, validates the address, quotes shipping and creates the order
// once per checkout key; startPayment() asks the store's provider — and then sends the customer on:
// to the order page (demo, bank transfer) or to the provider's payment page (Stripe Checkout).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { checkoutKeyFor, completeCart, keyOfCart, openCart, priceCart, recordCheckout, type Cart, type PricedCart } from '../../cart/cart-service.js';
import type { CartQuote } from '../../cart/cart-shipping.js';
import type { StoreApp } from '../../http/app-types.js';
import { purposeRateLimit } from '../../http/rate-limits.js';
import { checkout, type CheckoutProblem } from '../../orders/checkout.js';
import { getOrder } from '../../orders/order-repository.js';
import type { Order } from '../../orders/order.js';
import { startPayment } from '../../orders/start-payment.js';
import { csrfGuard, csrfToken } from '../../web/csrf.js';
import { setFlash } from '../../web/flash.js';
import { redirectAfterPost, sendPage } from '../../web/page-reply.js';
import { renderDocument } from '../../web/render.js';
import { formField, type BuyingDeps } from '../buying.js';
import { addressError, checkValues, detailsOf, emptyValues, valuesFromBody, type CheckoutErrors, type CheckoutValues } from '../checkout-form.js';
import { grantOrder, readCartId, visitorFor } from '../visitor.js';
import { destinationFor } from './cart-routes.js';
import { checkoutPage } from './checkout-page.js';

/** Sends the customer to the provider's payment page, only on an origin the provider declared. */
export function redirectToProvider(reply: FastifyReply, url: string, allowed: readonly string[]) {
  const origin = new URL(url).origin;
  if (!allowed.includes(origin)) throw new Error(`refusing to send a customer to ${origin}: not an origin of the payment provider`);
  return reply.redirect(url, 303);
}

export function checkoutRoutes(deps: BuyingDeps) {
  const { view, provider, shipping } = deps;
  const { ctx, paths } = view;
  const m = view.messages.buy.checkout;
  const policy = { formActions: provider.redirectOrigins };

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    page: { cart: Cart; priced: PricedCart; quote: CartQuote; values: CheckoutValues; errors?: CheckoutErrors; notice?: string | null; status?: number },
  ) {
    const checkoutKey = await checkoutKeyFor(ctx, page.cart);
    const visitor = await visitorFor(view, request, reply);
    const html = renderDocument(
      checkoutPage(view, visitor, {
        priced: page.priced,
        quote: page.quote,
        values: page.values,
        errors: page.errors ?? {},
        notice: page.notice ?? null,
        csrf: csrfToken(reply),
        checkoutKey,
        provider: provider.name,
      }),
    );
    return sendPage(request, reply, html, { status: page.status ?? 200, cache: 'no-store', policy });
  }

  const quoteFor = (priced: PricedCart, country: string) =>
    shipping.quote(
      priced.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      country,
    );

  /** The order exists (just created, or by a resubmitted form): pay for it, or show it. */
  async function proceed(request: FastifyRequest, reply: FastifyReply, cart: Cart, order: Order, page: () => Promise<unknown>) {
    grantOrder(request, reply, ctx.id, order.number);
    if (order.status === 'awaiting_payment') {
      const start = await startPayment(ctx, provider, order, deps.returnPaths);
      if (start.kind === 'unavailable') return page();
      if (start.kind === 'redirect') return redirectToProvider(reply, start.url, provider.redirectOrigins);
      // Paid at once (demo) or to be paid by transfer: the purchase is made, the cart is done.
      await completeCart(ctx, cart);
    }
    setFlash(reply, ctx.id, { kind: 'success', message: view.messages.buy.order.thanks });
    return redirectAfterPost(reply, paths.order(order.number));
  }

  return (app: StoreApp) => {
    app.get(paths.patterns.checkout, { schema: { hide: true } }, async (request, reply) => {
      const cart = await openCart(ctx, readCartId(request, ctx.id));
      const priced = cart ? await priceCart(ctx, cart) : null;
      if (!cart || !priced?.ready) {
        if (priced && priced.lines.length > 0) setFlash(reply, ctx.id, { kind: 'error', message: m.notReady });
        return reply.redirect(paths.cart, 303);
      }
      const values = { ...emptyValues(destinationFor(view, '', undefined)), ...cart.details, terms: false };
      values.country = destinationFor(view, values.country, undefined);
      const quote = await quoteFor(priced, values.country);
      return render(request, reply, { cart, priced, quote, values });
    });

    app.post(
      paths.patterns.checkout,
      { preHandler: csrfGuard(app), config: { rateLimit: purposeRateLimit(ctx.config, 'checkout') }, schema: { hide: true } },
      async (request, reply) => {
        const cart = await openCart(ctx, readCartId(request, ctx.id));
        if (!cart) return redirectAfterPost(reply, paths.cart);
        const key = formField(request.body, 'checkoutKey', 100);
        if (!keyOfCart(cart, key)) {
          // Not a form this cart was given (another browser's, a forged one, or an old one of a cart since replaced).
          setFlash(reply, ctx.id, { kind: 'error', message: m.stale });
          return redirectAfterPost(reply, paths.checkout);
        }
        const values = valuesFromBody(request.body);
        const placed = await ctx.db.selectFrom('orders').select('id').where('checkout_key', '=', key).executeTakeFirst();
        const priced = await priceCart(ctx, cart);
        if (placed) {
          // The same form again (a double click, a reload): the order it already made.
          const order = (await getOrder(ctx.db, placed.id))!;
          return proceed(request, reply, cart, order, async () =>
            render(request, reply, { cart, priced, quote: await quoteFor(priced, order.address.country), values, notice: m.paymentUnavailable, status: 503 }),
          );
        }
        if (key !== cart.checkoutKey) {
          setFlash(reply, ctx.id, { kind: 'error', message: m.stale });
          return redirectAfterPost(reply, paths.checkout);
        }
        if (!priced.ready) {
          setFlash(reply, ctx.id, { kind: 'error', message: m.notReady });
          return redirectAfterPost(reply, paths.cart);
        }
        const country = ctx.config.checkout.shipsTo.includes(values.country) ? values.country : destinationFor(view, '', undefined);
        const quote = await quoteFor(priced, country);
        const again = (page: { errors?: CheckoutErrors; notice?: string | null; status: number }) => render(request, reply, { cart, priced, quote, values, ...page });

        if (formField(request.body, 'action', 20) === 'quote') {
          // "Update shipping options": the same form for the country now chosen, nothing ordered.
          return again({ status: 200, errors: {} });
        }
        const errors = checkValues(values, ctx.config, m);
        const option = quote.ok ? quote.options.find((o) => o.id === values.shipping) : undefined;
        if (!errors.shipping && !option) errors.shipping = m.errors.shippingChanged;
        if (Object.keys(errors).length > 0) return again({ errors, status: 422 });

        const result = await checkout(
          ctx,
          {
            checkoutKey: key,
            lines: priced.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
            customer: { name: values.name, email: values.email, phone: values.phone || undefined },
            address: { country: values.country, province: values.province || undefined, city: values.city, zip: values.zip, address1: values.address1, address2: values.address2 || undefined },
            shippingOption: option!.logisticName,
          },
          provider.name,
        );
        if (!result.ok) return refused(result, values, again, reply);
        await recordCheckout(ctx, cart, result.order.id, detailsOf(values));
        return proceed(request, reply, cart, result.order, () => again({ notice: m.paymentUnavailable, status: 503 }));
      },
    );
  };

  /** The checkout service said no: back to the form with its reason on the field, or to the cart. */
  function refused(problem: CheckoutProblem, values: CheckoutValues, again: (page: { errors?: CheckoutErrors; notice?: string | null; status: number }) => Promise<unknown>, reply: FastifyReply) {
    if (problem.code === 'out_of_stock' || problem.code === 'unknown_variant') {
      // The cart shows which line and why.
      setFlash(reply, ctx.id, { kind: 'error', message: m.notReady });
      return redirectAfterPost(reply, paths.cart);
    }
    if (problem.code === 'invalid_address') {
      const field = (problem.field ?? '').replace(/^body\.(address\.)?/, '');
      return again({ errors: addressError(field, values.country, m), status: 422 });
    }
    if (problem.code === 'unknown_shipping_option') return again({ errors: { shipping: m.errors.shippingChanged }, status: 422 });
    if (problem.code === 'shipping_unavailable') return again({ notice: m.shippingUnavailable, status: 503 });
    const known = view.messages.buy.cart.shippingProblem[problem.code as keyof typeof view.messages.buy.cart.shippingProblem];
    return again({ notice: known ?? m.shippingUnavailable, status: problem.status });
  }
}
