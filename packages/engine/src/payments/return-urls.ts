// Where the customer lands after the payment page. Built from the store's own config, never from the
// request's Origin/Referer header (the replaced system did that, so anyone could choose where the
// customer was sent back to).
import { PaymentError } from './payment-error.js';
import type { PaymentSettings } from './settings.js';

/** Stripe substitutes this literal (braces included) with the session id in the success URL. */
export const STRIPE_SESSION_PLACEHOLDER = '{CHECKOUT_SESSION_ID}';

export function buildReturnUrls(
  settings: Pick<PaymentSettings, 'provider' | 'storefrontUrl' | 'stripe'>,
  orderNumber: string,
): { successUrl: string; cancelUrl: string } {
  if (settings.storefrontUrl === undefined) {
    throw new PaymentError('misconfigured', 'payments.storefrontUrl is not set; it is needed to build the return URLs');
  }
  const origin = settings.storefrontUrl.replace(/\/+$/, '');
  const order = `order=${encodeURIComponent(orderNumber)}`;
  // Appended by hand, not through URLSearchParams: it would percent-encode the braces Stripe looks for.
  const session = settings.provider === 'stripe' ? `&session_id=${STRIPE_SESSION_PLACEHOLDER}` : '';
  return {
    successUrl: `${origin}${withQuery(settings.stripe.successPath, order)}${session}`,
    cancelUrl: `${origin}${withQuery(settings.stripe.cancelPath, order)}`,
  };
}

function withQuery(path: string, query: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}
