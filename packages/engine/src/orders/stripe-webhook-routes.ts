// POST /webhooks/stripe: only events whose signature verifies are stored (inbox, de-duplicated on the
// event id) and processed by a job; anything else is rejected with 400 and never trusted.
import { z } from 'zod';
import type { StoreApp } from '../http/app-types.js';
import { HttpError } from '../http/errors.js';
import type { StripePaymentProvider } from '../payments/stripe-provider.js';
import { StripeSignatureError } from '../payments/stripe-webhook.js';
import type { StoreContext } from '../stores/context.js';
import { acceptIntoInbox, type InboxDispatcher } from '../webhooks/inbox.js';
import { useRawJsonBody } from '../webhooks/raw-body.js';
import { toPaymentEvent } from '../payments/stripe-payment-event.js';
import { checkPaidAmount } from '../payments/payment-event.js';
import { getOrder, recordEvent } from './order-repository.js';
import { confirmPayment } from './payment-confirmation.js';

export function stripeWebhookRoutes(ctx: StoreContext, provider: StripePaymentProvider) {
  return async (app: StoreApp) => {
    await app.register(async (scope) => {
      useRawJsonBody(scope as StoreApp);
      (scope as StoreApp).post(
        '/webhooks/stripe',
        {
          config: { rateLimit: false },
          schema: { tags: ['webhooks'], summary: 'Stripe webhook receiver (signature verified strictly)', response: { 200: z.object({ received: z.boolean() }) } },
        },
        async (request) => {
          const raw = request.body as Buffer;
          const signature = request.headers['stripe-signature'];
          let parsed;
          try {
            parsed = provider.parseWebhook(raw, typeof signature === 'string' ? signature : undefined);
          } catch (err) {
            if (err instanceof StripeSignatureError) {
              ctx.log.warn({ reason: err.reason, ip: request.ip }, 'Stripe webhook rejected');
              throw new HttpError(400, 'bad_signature', `webhook rejected: ${err.reason}`);
            }
            throw new HttpError(400, 'invalid_webhook', (err as Error).message);
          }
          const fresh = await acceptIntoInbox(ctx.db, ctx.clock, { id: `stripe:${parsed.eventId}`, source: 'stripe', type: 'event', payload: raw.toString('utf8') });
          if (fresh) ctx.pokeJobs();
          return { received: true };
        },
      );
    });
  };
}

/** Processes stored (already verified) Stripe events. */
export function registerStripeInbox(dispatcher: InboxDispatcher): void {
  dispatcher.on('stripe', 'event', async (ctx, row) => {
    const event = toPaymentEvent(JSON.parse(row.payload));
    if (event.type === 'paid') {
      const order = await getOrder(ctx.db, event.orderId);
      if (!order) return 'ignored';
      const check = checkPaidAmount(event, { amountMinor: order.totalMinor, currency: order.currency });
      if (!check.ok) {
        await recordEvent(ctx.db, ctx.clock, order, `Stripe payment not applied: ${check.reason}`, 'payment', { reference: event.reference });
        ctx.alerts.notify({ kind: 'order_on_hold', subject: order.number, message: `Stripe payment for ${order.number} not applied: ${check.reason}` });
        return 'processed';
      }
      await confirmPayment(ctx, { orderId: order.id, provider: 'stripe', reference: event.reference, amountMinor: event.amountMinor, currency: event.currency });
      return 'processed';
    }
    if (event.type === 'failed' || event.type === 'expired') {
      const order = await getOrder(ctx.db, event.orderId);
      if (order) await recordEvent(ctx.db, ctx.clock, order, `Stripe checkout ${event.type}`, 'payment', { reference: event.reference });
      return 'processed';
    }
    if (event.type === 'refunded' && event.orderId) {
      const order = await getOrder(ctx.db, event.orderId);
      if (order) await recordEvent(ctx.db, ctx.clock, order, `Stripe refund of ${event.amountRefundedMinor} (${event.full ? 'full' : 'partial'})`, 'payment', { reference: event.reference });
      return 'processed';
    }
    return 'ignored';
  });
}
