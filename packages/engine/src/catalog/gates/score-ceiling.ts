// The most a candidate can score when only CJ's list data is known: its popularity (exact), its
// price span (listV2's lowest and highest variant price) and nothing about freight. A candidate whose
// ceiling does not beat the weakest product a full catalogue keeps can never enter it, so its
// details and freight are not worth CJ points; ranking candidates by it details the likeliest first.
//
// Why it is a bound and not a guess: the score's margin points come from the cheapest sellable
// variant's price, which the price gate computes from one landed cost L = ⌈(cost + shipping) × fx⌉
// (cents). The cost is inside the list's span and the shipping is ≥ 0 and at most the quality
// rules' maximum, so L lies in a known range for each shipping band of the score. The margin is not
// monotonic in L (psychological price points jump), so every L of the range is priced — the same
// `priceLanded` the price gate uses — and the best margin points among the sellable ones (margin
// floor and retail cap kept) are taken with that band's shipping points. Delivery is unknown: its
// full points are assumed. The bound holds for the listing as CJ lists it (price span, listed count);
// a listing that changes is a new listing hash, and the cheap checks trust the same span.
import { Dec, decimalText, money, ratioPctExact, toDecimal, toMinor, type Decimal, type Money } from '../../money/index.js';
import { priceLanded } from '../../pricing/price-product.js';
import type { PricingRules } from '../../pricing/rules.js';
import type { CandidateSummary } from '../candidate.js';
import { MAX_DELIVERY_POINTS, SHIPPING_BANDS, marginPoints, popularityPoints } from './score.js';

export type ListVerdict =
  /** The highest score the candidate could reach once its details and freight are known. */
  | { sellable: true; ceiling: number }
  /** No cost in the span, at any allowed shipping, can be priced within the margin floor and the retail cap. */
  | { sellable: false; code: 'above_retail_cap' | 'no_priced_variant'; reason: string };

export class ListScoreCeiling {
  /** Margin points per landed cost in cents; null = that landed cost cannot be sold. */
  private readonly pointsByLanded = new Map<number, number | null>();

  constructor(
    private readonly pricing: PricingRules,
    private readonly maxShippingUsd: string,
  ) {}

  verdict(summary: Pick<CandidateSummary, 'priceMinUsd' | 'priceMaxUsd' | 'listedNum'>): ListVerdict {
    const maxShipping = new Dec(this.maxShippingUsd);
    let best: number | null = null;
    let lower = new Dec('0');
    for (const band of [...SHIPPING_BANDS, { belowUsd: null, points: 0 }]) {
      if (lower.gt(maxShipping)) break;
      // Shipping in [lower, band's bound) and never above the maximum the analyse gate accepts.
      const upper = band.belowUsd === null || maxShipping.lt(band.belowUsd) ? maxShipping : new Dec(band.belowUsd);
      const margin = this.bestMarginPoints(this.landedCents(summary.priceMinUsd, lower), this.landedCents(summary.priceMaxUsd, upper));
      if (margin !== null && (best === null || margin + band.points > best)) best = margin + band.points;
      if (band.belowUsd !== null) lower = new Dec(band.belowUsd);
    }
    if (best === null) {
      const cheapest = this.landedCents(summary.priceMinUsd, new Dec('0'));
      // The price only rises with the landed cost: above the cap at the cheapest, above it always.
      if (this.aboveRetailCap(cheapest)) {
        return { sellable: false, code: 'above_retail_cap', reason: `even the cheapest variant (${summary.priceMinUsd} USD) with free shipping is priced above the retail cap ${this.pricing.retailCap} ${this.pricing.currency}` };
      }
      return {
        sellable: false,
        code: 'no_priced_variant',
        reason: `no cost between ${summary.priceMinUsd} and ${summary.priceMaxUsd} USD, with shipping from 0 to ${this.maxShippingUsd} USD, can be priced within the margin floor and the retail cap`,
      };
    }
    return { sellable: true, ceiling: Math.round(best + MAX_DELIVERY_POINTS + popularityPoints(summary.listedNum ?? 0)) };
  }

  private landedCents(costUsd: string, shippingUsd: Decimal): number {
    // The price gate's own rounding of the landed cost (up to the cent).
    return toMinor(new Dec(costUsd).plus(shippingUsd).times(this.pricing.fx.rate), this.pricing.currency, 'up').minor;
  }

  private bestMarginPoints(fromCents: number, toCents: number): number | null {
    let best: number | null = null;
    for (let cents = fromCents; cents <= toCents; cents++) {
      const points = this.marginPointsAt(cents);
      if (points !== null && (best === null || points > best)) best = points;
      if (best === 35) break;
    }
    return best;
  }

  private marginPointsAt(cents: number): number | null {
    const known = this.pointsByLanded.get(cents);
    if (known !== undefined) return known;
    const points = this.priceAt(money(this.pricing.currency, cents));
    this.pointsByLanded.set(cents, points);
    return points;
  }

  /** Mirrors the price gate's rejections (price-product.ts) for one landed cost. */
  private priceAt(landed: Money): number | null {
    if (landed.minor <= 0) return null;
    const { gross, net, margin } = priceLanded(landed, this.pricing);
    if (net.minor <= 0) return null;
    const ratio = ratioPctExact(margin, net);
    if (ratio.lt(this.pricing.minMarginPct)) return null;
    if (this.pricing.retailCap !== null && toDecimal(gross).gt(this.pricing.retailCap)) return null;
    return marginPoints(decimalText(ratio, 1, 'down'));
  }

  private aboveRetailCap(landedCents: number): boolean {
    const cap = this.pricing.retailCap;
    return cap !== null && landedCents > 0 && toDecimal(priceLanded(money(this.pricing.currency, landedCents), this.pricing).gross).gt(cap);
  }
}
