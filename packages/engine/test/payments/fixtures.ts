// Shared inputs for the payment tests: one order priced "on the server" (2 × 12,99 € + 8,50 € + 4,90 €
// shipping = 39,38 €), and Stripe-shaped events to sign.
import type { PaymentStartInput } from '../../src/payments/index.js';

export const SECRET_KEY = 'sk_test_51FakeKeyForLojistaTests';
export const WEBHOOK_SECRET = 'whsec_test_lojista_0123456789abcdef';
/** 2026-11-01T12:00:00Z */
export const NOW = Date.UTC(2026, 10, 1, 12, 0, 0);

export function orderInput(overrides: Partial<PaymentStartInput> = {}): PaymentStartInput {
  return {
    orderId: 'ord_01JAXQ7Z',
    orderNumber: 'AST-1042',
    amountMinor: 2 * 1299 + 850 + 490,
    currency: 'EUR',
    customerEmail: 'maria@example.pt',
    locale: 'pt-PT',
    lines: [
      { title: 'Vela de soja — lavanda', quantity: 2, unitPriceMinor: 1299, image: 'https://cdn.example.com/vela.jpg' },
      { title: 'Incenso de sândalo', quantity: 1, unitPriceMinor: 850, image: 'not a url' },
    ],
    shippingMinor: 490,
    successUrl: 'https://astralmia.pt/checkout/success?order=AST-1042&session_id={CHECKOUT_SESSION_ID}',
    cancelUrl: 'https://astralmia.pt/cart?order=AST-1042',
    createdAt: NOW,
    ...overrides,
  };
}

export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: 'evt_1QfakeEventId',
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(NOW / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
    ...overrides,
  };
}

export function paidSession(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'cs_test_a1b2c3',
    object: 'checkout.session',
    mode: 'payment',
    amount_total: 3938,
    currency: 'eur',
    client_reference_id: 'ord_01JAXQ7Z',
    metadata: { orderId: 'ord_01JAXQ7Z', orderNumber: 'AST-1042' },
    payment_intent: 'pi_3QfakeIntent',
    payment_status: 'paid',
    status: 'complete',
    ...overrides,
  };
}
