// Where the customer lands after the payment page. Built from the store's own config, never from the
// request's Origin/Referer header (the replaced system did that, so anyone could choose where the
// customer was sent back to).
import { PaymentError } from './payment-error.js';
import type { PaymentSettings } from './settings.js';

/** Stripe substitutes this literal (braces included) with the session id in the success URL. */
export const STRIPE_SESSION_PLACEHOLDER = '{CHECKOUT_SESSION_ID}';

/** Where the storefront shows an order and the cart; used where the owner set no path of their own. */
export interface DefaultReturnPaths {
  /** e.g. "/encomenda/AST-1042". */
  successPath: string;
  /** e.g. "/carrinho". */
  cancelPath: string;
}

export function buildReturnUrls(
  settings: Pick<PaymentSettings, 'provider' | 'storefrontUrl' | 'stripe'>,
  orderNumber: string,
  defaults: DefaultReturnPaths,
  /** The store's own listener, for providers that never send the customer away (demo, bank transfer). */
  fallbackOrigin?: string,
): { successUrl: string; cancelUrl: string } {
  const base = settings.storefrontUrl ?? fallbackOrigin;
  if (base === undefined) {
    throw new PaymentError('misconfigured', 'payments.storefrontUrl is not set; it is needed to build the return URLs');
  }
  const origin = base.replace(/\/+$/, '');
  const order = `order=${encodeURIComponent(orderNumber)}`;
  // Appended by hand, not through URLSearchParams: it would percent-encode the braces Stripe looks for.
  const session = settings.provider === 'stripe' ? `&session_id=${STRIPE_SESSION_PLACEHOLDER}` : '';
  return {
    successUrl: `${origin}${withQuery(settings.stripe.successPath ?? defaults.successPath, order)}${session}`,
    cancelUrl: `${origin}${withQuery(settings.stripe.cancelPath ?? defaults.cancelPath, order)}`,
  };
}

function withQuery(path: string, query: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}
