// Shipping for a cart: one warehouse country that holds every line, CJ's freight options for the
// route, and the store's policy (the cheapest option within the maximum delivery days). The price
// the customer sees follows the pricing rules: product prices already include standard shipping of
// one unit to the main country, so only the part of the quote beyond that is charged.
import { Dec } from '../money/index.js';
import { priceShippingLine } from '../pricing/shipping-line.js';
import { parseDays } from '../catalog/cj-catalog-supplier.js';
import type { StoreContext } from '../stores/context.js';
import { cachedFreight } from '../cache/freight.js';

export interface CartLineStock {
  cjVid: string;
  quantity: number;
  /** Included shipping per unit (the product's quoted shipping, USD). */
  includedShippingUsd: string;
  stock: Array<{ countryCode: string; quantity: number }>;
}

export interface ShippingOptionQuote {
  logisticName: string;
  priceUsd: string;
  minDays: number;
  maxDays: number;
}

export type ShippingQuote =
  | { ok: true; fromCountry: string; options: ShippingOptionQuote[]; chosen: ShippingOptionQuote; chargeMinor: number }
  | { ok: false; code: 'not_in_one_warehouse' | 'no_shipping_option' | 'unknown_shipping_option'; message: string };

/** Countries whose warehouses can ship every line of the cart, China first (CJ's main stock). */
export function shippableFrom(lines: CartLineStock[]): string[] {
  const countries = new Set(lines.flatMap((l) => l.stock.map((s) => s.countryCode)));
  const ok = [...countries].filter((c) => lines.every((l) => (l.stock.find((s) => s.countryCode === c)?.quantity ?? 0) >= l.quantity));
  return ok.sort((a, b) => (a === 'CN' ? -1 : b === 'CN' ? 1 : a.localeCompare(b)));
}

export type FreightOptions =
  | { ok: true; fromCountry: string; options: ShippingOptionQuote[] }
  | { ok: false; code: 'not_in_one_warehouse' | 'no_shipping_option'; message: string };

export interface QuoteOptions {
  /** Ask CJ now instead of reusing a cached answer (after CJ refused the option it quoted). */
  fresh?: boolean;
}

/** CJ's freight options for the cart's route, within the store's delivery-time policy, cheapest first. */
export async function freightOptions(ctx: StoreContext, lines: CartLineStock[], destination: string, signal?: AbortSignal, opts: QuoteOptions = {}): Promise<FreightOptions> {
  const [fromCountry] = shippableFrom(lines);
  if (!fromCountry) return { ok: false, code: 'not_in_one_warehouse', message: 'these items are not in stock together in one warehouse; order them separately' };
  const raw = await cachedFreight(ctx, fromCountry, destination, lines.map((l) => ({ vid: l.cjVid, quantity: l.quantity })), signal, opts);
  const options = raw
    .flatMap((o) => {
      const days = parseDays(o.logisticAging);
      return o.logisticPrice && days ? [{ logisticName: o.logisticName, priceUsd: o.logisticPrice, minDays: days.min, maxDays: days.max }] : [];
    })
    .filter((o) => o.maxDays <= ctx.config.checkout.maxDeliveryDays)
    .sort((a, b) => new Dec(a.priceUsd).cmp(b.priceUsd) || a.maxDays - b.maxDays);
  if (options.length === 0) {
    return { ok: false, code: 'no_shipping_option', message: `no shipping to ${destination} within ${ctx.config.checkout.maxDeliveryDays} days` };
  }
  return { ok: true, fromCountry, options };
}

/** What the customer pays for `option` on top of the product prices (which include one unit's standard shipping). */
export function shippingChargeMinor(ctx: StoreContext, lines: CartLineStock[], option: ShippingOptionQuote): number {
  const included = lines.reduce((sum, l) => sum.plus(new Dec(l.includedShippingUsd).times(String(l.quantity))), new Dec('0'));
  const extra = new Dec(option.priceUsd).minus(included);
  return extra.gt('0') ? priceShippingLine(extra.toFixed(2, Dec.roundUp), ctx.config.pricing).grossMinor : 0;
}

export async function quoteShipping(
  ctx: StoreContext,
  lines: CartLineStock[],
  destination: string,
  chosenName?: string,
  signal?: AbortSignal,
  opts: QuoteOptions = {},
): Promise<ShippingQuote> {
  const freight = await freightOptions(ctx, lines, destination, signal, opts);
  if (!freight.ok) return freight;
  const { fromCountry, options } = freight;
  const chosen = chosenName === undefined ? options[0]! : options.find((o) => o.logisticName === chosenName);
  if (!chosen) {
    return { ok: false, code: 'unknown_shipping_option', message: `"${chosenName}" is not offered; choose one of: ${options.map((o) => o.logisticName).join(', ')}` };
  }
  return { ok: true, fromCountry, options, chosen, chargeMinor: shippingChargeMinor(ctx, lines, chosen) };
}
