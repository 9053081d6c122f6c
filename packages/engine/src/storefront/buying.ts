// What the buying pages of one store share, built once when the store starts: the page view, the
// store's payment provider, the cart's shipping estimates, and the information pages. Also the
// reading of form bodies, which arrive as strings (or arrays of them, for a repeated name).
import type { CartShipping } from '../cart/cart-shipping.js';
import type { ReturnPaths } from '../orders/start-payment.js';
import type { PaymentProvider } from '../payments/provider.js';
import type { InfoPageContent } from './info-pages.js';
import type { InfoPage } from './paths.js';
import type { ShopView } from './shop-view.js';

export interface BuyingDeps {
  view: ShopView;
  provider: PaymentProvider;
  shipping: CartShipping;
  info: Record<InfoPage, InfoPageContent>;
  /** The order page and the cart, for the payment provider's return URLs. */
  returnPaths: ReturnPaths;
}

export type FormBody = Record<string, unknown>;

/** A form field as one trimmed string ('' when absent); the first of repeated values. */
export function formField(body: unknown, name: string, max = 500): string {
  const raw = body && typeof body === 'object' ? (body as FormBody)[name] : undefined;
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

/** A query parameter as one trimmed string ('' when absent). */
export function queryField(query: unknown, name: string, max = 200): string {
  return formField(query, name, max);
}

/** A whole number from a form field, or NaN. */
export function formInteger(body: unknown, name: string): number {
  const text = formField(body, name, 12);
  return /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
}
