// Starting the payment of an order awaiting it, the one way both faces do it (POST /api/checkout and
// the storefront's checkout form): the provider is asked with the order's own recorded amounts, its
// reference is kept, and a demo payment is confirmed at once. A retry for the same order returns the
// same payment (Stripe's idempotency key is the order id).
import { PaymentError } from '../payments/payment-error.js';
import type { PaymentProvider, PaymentStart, PaymentStartInput } from '../payments/provider.js';
import { buildReturnUrls, type DefaultReturnPaths } from '../payments/return-urls.js';
import type { StoreContext } from '../stores/context.js';
import type { Order } from './order.js';
import { confirmPayment } from './payment-confirmation.js';

export type PaymentStartOutcome = PaymentStart | { kind: 'unavailable'; message: string };

/** The storefront's pages a customer returns to for an order (its order page, its cart); given by the runtime. */
export type ReturnPaths = (orderNumber: string) => DefaultReturnPaths;

/**
 * Where the customer comes back to: the owner's paths when set, else the storefront's order page and
 * cart, on the public storefront URL (or this listener, for the providers that never send the
 * customer away).
 */
export function returnUrlsFor(ctx: StoreContext, order: Pick<Order, 'number'>, returnPaths: ReturnPaths): { successUrl: string; cancelUrl: string } {
  const host = ctx.config.http.host === '0.0.0.0' || ctx.config.http.host === '::' ? '127.0.0.1' : ctx.config.http.host;
  return buildReturnUrls(ctx.config.payments, order.number, returnPaths(order.number), `http://${host.includes(':') ? `[${host}]` : host}:${ctx.config.http.port}`);
}

/** What the provider is asked for: the order's recorded lines, shipping and total, never new numbers. */
export function paymentStartInput(ctx: StoreContext, order: Order, returnPaths: ReturnPaths): PaymentStartInput {
  return {
    orderId: order.id,
    orderNumber: order.number,
    amountMinor: order.totalMinor,
    currency: order.currency,
    customerEmail: order.customer.email,
    locale: ctx.config.locale,
    lines: order.lines.map((l) => ({ title: l.title, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })),
    shippingMinor: order.shippingMinor,
    ...returnUrlsFor(ctx, order, returnPaths),
    createdAt: Date.parse(order.createdAt),
  };
}

export async function startPayment(ctx: StoreContext, provider: PaymentProvider, order: Order, returnPaths: ReturnPaths): Promise<PaymentStartOutcome> {
  let start: PaymentStart;
  try {
    start = await provider.start(paymentStartInput(ctx, order, returnPaths));
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
