// What the order side learns from a payment provider, independent of the provider. Every variant
// carries the provider's event id, which the webhook inbox de-duplicates on (Stripe retries
// deliveries for days, and the same event may arrive twice or out of order).

export type PaymentEvent =
  | {
      type: 'paid';
      eventId: string;
      orderId: string;
      orderNumber?: string;
      /** Provider reference of the payment attempt (Stripe: Checkout Session id). */
      reference: string;
      /** Stripe PaymentIntent id, kept to match later refunds. */
      paymentIntent?: string;
      /** What the provider actually collected; compare with the order before fulfilling. */
      amountMinor: number;
      currency: string;
    }
  | { type: 'failed' | 'expired'; eventId: string; orderId: string; reference: string }
  | {
      type: 'refunded';
      eventId: string;
      /** From the charge's metadata; when absent, match the order on `paymentIntent`. */
      orderId?: string;
      paymentIntent?: string;
      /** Stripe charge id. */
      reference: string;
      /** Total charged and total refunded so far (cumulative), minor units. */
      amountMinor: number;
      amountRefundedMinor: number;
      currency: string;
      /** True when everything charged has been refunded. */
      full: boolean;
    }
  | { type: 'ignored'; eventId: string; eventType: string; reason: string };

export type PaidEvent = Extract<PaymentEvent, { type: 'paid' }>;

/**
 * The last guard before goods are bought: the amount the provider collected must be the order's
 * total, in the order's currency. A mismatch (a session built from other numbers, a tampered order)
 * must put the order on hold, never fulfil it.
 */
export function checkPaidAmount(
  event: PaidEvent,
  order: { amountMinor: number; currency: string },
): { ok: true } | { ok: false; reason: string } {
  if (event.currency !== order.currency.toUpperCase()) {
    return { ok: false, reason: `paid in ${event.currency}, order is in ${order.currency}` };
  }
  if (event.amountMinor !== order.amountMinor) {
    return { ok: false, reason: `paid ${event.amountMinor} minor units, order total is ${order.amountMinor}` };
  }
  return { ok: true };
}
