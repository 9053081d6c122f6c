// Turns a validated PaymentStartInput into Checkout Session parameters. Pure, so the exact request is
// easy to test. Every amount is the server's own integer minor units, passed through unchanged.
//
// Shipping is sent as one more line item rather than as `shipping_options`: our checkout has already
// chosen the route, quoted it and collected the address, so there is nothing for the customer to pick
// on Stripe's page, and with a line item the session total is simply the sum of the lines — the same
// identity the order total obeys. A free shipping (0) adds no line.
import type Stripe from 'stripe';
import { PaymentError } from './payment-error.js';
import type { PaymentStartInput } from './provider.js';
import { toStripeLocale } from './stripe-locale.js';

/** Stripe Checkout accepts at most 100 line items in payment mode. */
export const MAX_STRIPE_LINE_ITEMS = 100;
const MAX_NAME_LENGTH = 250;

export interface SessionParamsOptions {
  /** Used with input.createdAt to fix `expires_at`. */
  sessionTtlMinutes: number;
}

export function checkoutIdempotencyKey(input: Pick<PaymentStartInput, 'orderId' | 'attempt'>): string {
  const attempt = input.attempt ?? 1;
  return attempt === 1 ? `checkout:${input.orderId}` : `checkout:${input.orderId}:${attempt}`;
}

export function buildCheckoutSessionParams(
  input: PaymentStartInput,
  opts: SessionParamsOptions,
): Stripe.Checkout.SessionCreateParams {
  const currency = input.currency.toLowerCase();
  const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = input.lines.map((line) => {
    const images = line.image !== undefined && isHttpUrl(line.image) ? [line.image] : undefined;
    return {
      quantity: line.quantity,
      price_data: {
        currency,
        unit_amount: line.unitPriceMinor,
        product_data: { name: truncate(line.title, MAX_NAME_LENGTH), ...(images ? { images } : {}) },
      },
    };
  });
  if (input.shippingMinor > 0) {
    lineItems.push({
      quantity: 1,
      price_data: { currency, unit_amount: input.shippingMinor, product_data: { name: shippingLabel(input.locale) } },
    });
  }
  if (lineItems.length > MAX_STRIPE_LINE_ITEMS) {
    throw new PaymentError(
      'invalid_input',
      `order ${input.orderId} has ${lineItems.length} Stripe line items (shipping included); Stripe Checkout accepts ${MAX_STRIPE_LINE_ITEMS}`,
    );
  }
  // Identifies the order on the session (checkout.session.* events) and on the payment intent, whose
  // metadata Stripe copies onto the charge (charge.refunded events).
  const metadata = { orderId: input.orderId, orderNumber: input.orderNumber };
  return {
    mode: 'payment',
    line_items: lineItems,
    client_reference_id: input.orderId,
    customer_email: input.customerEmail,
    locale: toStripeLocale(input.locale),
    success_url: input.successUrl,
    cancel_url: input.cancelUrl,
    metadata,
    payment_intent_data: { metadata, description: `Order ${input.orderNumber}` },
    // Derived from the order's creation time, never from "now": a retry must send identical params.
    ...(input.createdAt !== undefined
      ? { expires_at: Math.floor(input.createdAt / 1000) + opts.sessionTtlMinutes * 60 }
      : {}),
  };
}

const SHIPPING_LABELS: Record<string, string> = {
  pt: 'Portes de envio',
  es: 'Gastos de envío',
  fr: 'Frais de livraison',
  de: 'Versandkosten',
  it: 'Spese di spedizione',
  nl: 'Verzendkosten',
};

function shippingLabel(locale: string): string {
  return SHIPPING_LABELS[locale.slice(0, 2).toLowerCase()] ?? 'Shipping';
}

function truncate(text: string, max: number): string {
  const chars = [...text.trim()]; // by code point, so an emoji is never cut in half
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

function isHttpUrl(text: string): boolean {
  if (text.length > 2048) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
