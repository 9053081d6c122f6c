// The one seam between checkout and whoever takes the customer's money. Each store picks exactly one
// provider; the order side only ever sees these types, never a provider's own objects.

export const PAYMENT_PROVIDER_NAMES = ['stripe', 'manual', 'demo'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDER_NAMES)[number];

export interface PaymentLine {
  title: string;
  /** Whole units, at least 1. */
  quantity: number;
  /** Server-computed price of one unit, integer minor units. */
  unitPriceMinor: number;
  /** Absolute http(s) URL; anything else is left out rather than failing the payment. */
  image?: string;
}

/**
 * Everything a provider needs to ask for one order's money. Every amount comes from the server's own
 * pricing (never from the browser), and `amountMinor` must equal Σ(unitPriceMinor × quantity) +
 * shippingMinor: a provider refuses to start a payment whose parts do not add up to the order total.
 */
export interface PaymentStartInput {
  orderId: string;
  /** Customer-facing order number; also the bank-transfer reference. */
  orderNumber: string;
  amountMinor: number;
  /** ISO 4217, upper case, 2 decimals ('EUR'). */
  currency: string;
  customerEmail: string;
  /** BCP 47, e.g. 'pt-PT'. */
  locale: string;
  lines: PaymentLine[];
  shippingMinor: number;
  successUrl: string;
  cancelUrl: string;
  /**
   * When the order was created (epoch ms). Stripe derives the session's `expires_at` from it, so a
   * retried start sends byte-identical parameters and the idempotency key replays the same session.
   * Omitted: Stripe's own default expiry (24 h) applies.
   */
  createdAt?: number;
  /**
   * 1 (default) for the first checkout of an order. A new attempt after the previous session expired
   * or failed uses 2, 3, … so it gets a fresh session instead of the replayed dead one.
   */
  attempt?: number;
}

export type PaymentStart =
  /** Send the customer to `url` (Stripe Checkout); `reference` is the session id. */
  | { kind: 'redirect'; url: string; reference: string }
  /** Show `instructions` (bank transfer); the operator marks the order paid later. */
  | { kind: 'instructions'; reference: string; instructions: string }
  /** Already paid (demo only). */
  | { kind: 'paid'; reference: string };

export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /**
   * Origins a `redirect` start may send the customer to (Stripe Checkout's). The page holding the
   * checkout form allows them in its CSP `form-action`, and the storefront refuses any other.
   */
  readonly redirectOrigins: readonly string[];
  /**
   * Starts (or, on a retry for the same order and attempt, returns again) the payment of one order.
   * Throws a PaymentError; `outcomeUnknown` on it means "retry the same call", never "create anew".
   */
  start(input: PaymentStartInput, opts?: { signal?: AbortSignal }): Promise<PaymentStart>;
}
