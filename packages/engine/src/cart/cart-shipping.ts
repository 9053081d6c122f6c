// The shipping estimate a cart and the checkout form show, from the checkout's own quote (the same
// warehouse choice, freight options and charge). A quote costs a CJ call, out of the account's small
// QPS budget, so the same cart contents to the same country reuse it for a few minutes; the order
// itself is always quoted afresh by the checkout.
import { createHash } from 'node:crypto';
import { quoteLines, type LinesQuote, type PricedShippingOption } from '../orders/quote-lines.js';
import type { StoreContext } from '../stores/context.js';

export interface ShippingChoice extends PricedShippingOption {
  /** Stands for the option in forms: the carrier's name (a supplier detail) never goes in a page. */
  id: string;
}

export type CartQuote =
  | { ok: true; destination: string; options: ShippingChoice[] }
  | { ok: false; code: Exclude<LinesQuote, { ok: true }>['code'] | 'unavailable' };

export function shippingChoiceId(logisticName: string): string {
  return createHash('sha256').update(logisticName).digest('base64url').slice(0, 10);
}

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 1_000;

export class CartShipping {
  private readonly cache = new Map<string, { at: number; quote: CartQuote }>();

  constructor(private readonly ctx: StoreContext) {}

  async quote(lines: ReadonlyArray<{ variantId: string; quantity: number }>, destination: string): Promise<CartQuote> {
    const key = `${destination}|${[...lines].map((l) => `${l.variantId}:${l.quantity}`).sort().join(',')}`;
    const now = this.ctx.clock.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < TTL_MS) return hit.quote;
    let quote: CartQuote;
    try {
      const result = await quoteLines(this.ctx, lines, destination);
      quote = result.ok
        ? { ok: true, destination, options: result.options.map((o) => ({ ...o, id: shippingChoiceId(o.logisticName) })) }
        : { ok: false, code: result.code };
    } catch (err) {
      // CJ unreachable or over budget: the page says the estimate is not available, and is not cached.
      this.ctx.log.warn({ err }, 'cart shipping quote failed');
      return { ok: false, code: 'unavailable' };
    }
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { at: now, quote });
    return quote;
  }
}
