// The customer's side of orders: checkout (priced and checked by the server) and tracking.
import { z } from 'zod';
import type { StoreApp } from '../http/app-types.js';
import { HttpError, notFound } from '../http/errors.js';
import { PaymentError } from '../payments/payment-error.js';
import type { PaymentProvider, PaymentStart } from '../payments/provider.js';
import { buildReturnUrls } from '../payments/return-urls.js';
import type { StoreContext } from '../stores/context.js';
import { checkout } from './checkout.js';
import { getOrder } from './order-repository.js';
import { checkoutView, trackingView } from './order-views.js';
import { confirmPayment } from './payment-confirmation.js';
import type { Order } from './order.js';

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

export function checkoutRoutes(ctx: StoreContext, provider: PaymentProvider) {
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
        const payment = result.order.status === 'awaiting_payment' ? await startPayment(ctx, provider, result.order) : null;
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
        const row = await ctx.db.selectFrom('orders').select('id').where('number', '=', request.query.number.toUpperCase()).executeTakeFirst();
        const order = row ? await getOrder(ctx.db, row.id) : undefined;
        // The same answer whether the number or the email is wrong: order numbers are not enumerable.
        if (!order || order.customer.email !== request.query.email.trim().toLowerCase()) throw notFound('no order with that number and email');
        return trackingView(order, ctx.config.locale);
      },
    );
  };
}

async function startPayment(ctx: StoreContext, provider: PaymentProvider, order: Order): Promise<PaymentStart | { kind: 'unavailable'; message: string }> {
  let start: PaymentStart;
  try {
    // Without a storefront (demo, bank transfer), the store's own tracking page is the way back.
    const own = `http://${ctx.config.http.host}:${ctx.config.http.port}/orders/track?number=${encodeURIComponent(order.number)}`;
    const urls = ctx.config.payments.storefrontUrl ? buildReturnUrls(ctx.config.payments, order.number) : { successUrl: own, cancelUrl: own };
    start = await provider.start({
      orderId: order.id,
      orderNumber: order.number,
      amountMinor: order.totalMinor,
      currency: order.currency,
      customerEmail: order.customer.email,
      locale: ctx.config.locale,
      lines: order.lines.map((l) => ({ title: l.title, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })),
      shippingMinor: order.shippingMinor,
      ...urls,
      createdAt: Date.parse(order.createdAt),
    });
  } catch (err) {
    if (err instanceof PaymentError) {
      ctx.log.warn({ err, order: order.number }, 'payment could not be started');
      // The order stays awaiting payment; the same checkout key retries this step.
      return { kind: 'unavailable', message: 'the payment could not be started; please retry the checkout' };
    }
    throw err;
  }
  await ctx.db.updateTable('orders').set({ payment_ref: start.reference }).where('id', '=', order.id).where('payment_ref', 'is', null).execute();
  if (start.kind === 'paid') {
    await confirmPayment(ctx, { orderId: order.id, provider: provider.name, reference: start.reference, amountMinor: order.totalMinor, currency: order.currency });
  }
  return start;
}
