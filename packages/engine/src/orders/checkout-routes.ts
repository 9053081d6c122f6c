// The customer's side of orders: checkout (priced and checked by the server) and tracking.
import { z } from 'zod';
import type { StoreApp } from '../http/app-types.js';
import { HttpError, notFound } from '../http/errors.js';
import { priceView } from '../catalog/product-views.js';
import type { PaymentProvider } from '../payments/provider.js';
import type { StoreContext } from '../stores/context.js';
import { checkout } from './checkout.js';
import { findCustomerOrder } from './customer-orders.js';
import { getOrder } from './order-repository.js';
import { checkoutView, trackingView } from './order-views.js';
import { quoteLines } from './quote-lines.js';
import { startPayment, type ReturnPaths } from './start-payment.js';

const checkoutBody = z
  .object({
    checkoutKey: z.string().trim().min(16, 'a random key of at least 16 characters, the same on every retry of this checkout').max(100),
    lines: z
      .array(z.object({ variantId: z.string().min(1).max(64), quantity: z.number().int().min(1) }).strict())
      .min(1, 'at least one line'),
    customer: z
      .object({
        name: z.string().trim().min(2).max(120),
        email: z.email('a valid email address, e.g. ana@example.pt').max(254),
        phone: z.string().trim().max(30).optional(),
      })
      .strict(),
    address: z
      .object({
        country: z.string().regex(/^[A-Za-z]{2}$/, 'an ISO-2 country code such as "PT"'),
        province: z.string().trim().max(80).optional(),
        city: z.string().trim().min(1).max(80),
        zip: z.string().trim().min(2).max(16),
        address1: z.string().trim().min(3).max(200),
        address2: z.string().trim().max(200).optional(),
      })
      .strict(),
    shippingOption: z.string().trim().min(1).max(100).optional(),
    taxId: z.string().trim().max(40).optional(),
  })
  .strict();

/** `returnPaths`: the storefront's order page and cart, where a payment page sends the customer back. */
export function checkoutRoutes(ctx: StoreContext, provider: PaymentProvider, returnPaths: ReturnPaths) {
  return (app: StoreApp) => {
    app.post(
      '/checkout',
      {
        schema: {
          tags: ['public'],
          summary: 'Create an order from a cart (prices, stock and shipping decided by the server) and start its payment',
          body: checkoutBody,
        },
      },
      async (request, reply) => {
        const body = request.body;
        const { maxLines, maxQuantityPerLine } = ctx.config.checkout;
        if (body.lines.length > maxLines) throw new HttpError(422, 'too_many_lines', `at most ${maxLines} lines per order`, 'body.lines');
        const tooMany = body.lines.findIndex((l) => l.quantity > maxQuantityPerLine);
        if (tooMany >= 0) throw new HttpError(422, 'quantity_too_large', `at most ${maxQuantityPerLine} of one item`, `body.lines.${tooMany}.quantity`);
        const result = await checkout(ctx, { ...body, address: { ...body.address, country: body.address.country.toUpperCase() } }, provider.name);
        if (!result.ok) throw new HttpError(result.status, result.code, result.message, result.field);
        const payment = result.order.status === 'awaiting_payment' ? await startPayment(ctx, provider, result.order, returnPaths) : null;
        const order = (await getOrder(ctx.db, result.order.id))!;
        return reply.status(result.created ? 201 : 200).send({
          order: checkoutView(order, ctx.config.locale),
          payment,
          shippingOptions: result.shippingOptions,
        });
      },
    );

    app.get(
      '/orders/track',
      {
        schema: {
          tags: ['public'],
          summary: "An order's status and tracking, for the customer (number + email)",
          querystring: z.object({ number: z.string().trim().min(4).max(60), email: z.email().max(254) }).strict(),
        },
      },
      async (request) => {
        const order = await findCustomerOrder(ctx, request.query.number, request.query.email);
        // The same answer whether the number or the email is wrong: order numbers are not enumerable.
        if (!order) throw notFound('no order with that number and email');
        return trackingView(order, ctx.config.locale);
      },
    );

    app.post(
      '/shipping/quote',
      {
        schema: {
          tags: ['public'],
          summary: "Shipping options and their charge for lines not yet ordered (a headless frontend's cart), as the checkout would apply them",
          body: z
            .object({
              lines: checkoutBody.shape.lines,
              country: z.string().regex(/^[A-Za-z]{2}$/, 'an ISO-2 country code such as "PT"'),
            })
            .strict(),
        },
      },
      async (request) => {
        const { lines, country } = request.body;
        const destination = country.toUpperCase();
        const { maxLines, maxQuantityPerLine, shipsTo } = ctx.config.checkout;
        if (lines.length > maxLines) throw new HttpError(422, 'too_many_lines', `at most ${maxLines} lines per order`, 'body.lines');
        const tooMany = lines.findIndex((l) => l.quantity > maxQuantityPerLine);
        if (tooMany >= 0) throw new HttpError(422, 'quantity_too_large', `at most ${maxQuantityPerLine} of one item`, `body.lines.${tooMany}.quantity`);
        if (!shipsTo.includes(destination)) {
          throw new HttpError(422, 'invalid_address', `this store ships to ${shipsTo.join(', ')}; ${destination} is not one of them`, 'body.country');
        }
        const quote = await quoteLines(ctx, lines, destination).catch((err: unknown) => {
          ctx.log.warn({ err }, 'shipping quote failed');
          throw new HttpError(503, 'shipping_unavailable', 'shipping cannot be quoted right now; please try again in a moment');
        });
        if (!quote.ok) throw new HttpError(422, quote.code, quote.message, quote.line === undefined ? undefined : `body.lines.${quote.line}`);
        return {
          country: destination,
          options: quote.options.map((o) => ({
            logisticName: o.logisticName,
            minDays: o.minDays,
            maxDays: o.maxDays,
            charge: priceView(o.chargeMinor, ctx.config.currency, ctx.config.locale),
          })),
        };
      },
    );
  };
}
