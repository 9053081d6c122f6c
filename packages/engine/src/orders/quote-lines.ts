// A shipping quote for lines not yet ordered (a cart): the same warehouse choice, freight options
// and charge the checkout applies, for every option at once, so the customer sees before ordering
// exactly what the checkout will charge.
import type { StoreContext } from '../stores/context.js';
import { findVariant, lineAvailability, lineStock } from './checkout.js';
import { freightOptions, shippingChargeMinor, type CartLineStock, type ShippingOptionQuote } from './shipping-quote.js';

export interface PricedShippingOption extends ShippingOptionQuote {
  /** What the customer pays for this option on top of the items (0 = free). */
  chargeMinor: number;
}

export type LinesQuote =
  | { ok: true; destination: string; options: PricedShippingOption[] }
  | { ok: false; code: 'unknown_variant' | 'out_of_stock' | 'not_in_one_warehouse' | 'no_shipping_option'; message: string; line?: number };

export async function quoteLines(
  ctx: StoreContext,
  lines: ReadonlyArray<{ variantId: string; quantity: number }>,
  destination: string,
  signal?: AbortSignal,
): Promise<LinesQuote> {
  const stock: CartLineStock[] = [];
  for (const [i, line] of lines.entries()) {
    const found = await findVariant(ctx, line.variantId);
    const availability = lineAvailability(found?.product, found?.variant, line.quantity);
    if (!availability.ok) {
      const message = availability.code === 'unknown_variant' ? `variant ${line.variantId} is not for sale` : `only ${availability.available} in stock`;
      return { ok: false, code: availability.code, message, line: i };
    }
    stock.push(lineStock(found!.product, found!.variant, line.quantity));
  }
  const freight = await freightOptions(ctx, stock, destination, signal);
  if (!freight.ok) return freight;
  // In the checkout's order (cheapest first): the first is what it picks when none is chosen.
  const options = freight.options.map((o) => ({ ...o, chargeMinor: shippingChargeMinor(ctx, stock, o) }));
  return { ok: true, destination, options };
}
