// For the inventory sync: when CJ changes a cost, is the change big enough to re-price? Small moves
// are ignored so prices do not flicker; a move strictly above the threshold (default 15%, as in the
// old system's alert and DESIGN.md's "> 15%") re-prices under the current rules. The decision uses the
// exact change, compared on the supplier cost (USD) alone, like the old PRICE_CHANGE_ALERT_PCT.
import type { DecimalString } from '../catalog/candidate.js';
import { Dec, dec, decimalText, isDecimalString } from '../money/index.js';
import type { IsoDate } from './iso-date.js';
import { priceProduct, type ProductCostInput } from './price-product.js';
import type { PriceResult } from './price-result.js';
import type { PricingRules } from './rules.js';

export const DEFAULT_REPRICE_THRESHOLD_PCT = '15';

export interface RepriceOptions {
  today: IsoDate;
  /** Percent; a config number such as 15 or 12.5 is accepted (a threshold, not money). */
  thresholdPct?: DecimalString | number;
}

export type RepriceDecision =
  | { exceedsThreshold: false; changePct: DecimalString }
  | {
      exceedsThreshold: true;
      /** Signed, 2 decimals (half-up, display only); null when the old or new cost is unusable. */
      changePct: DecimalString | null;
      /** The price under the current rules for the new cost (a rejection means: hide the product). */
      newPrice: PriceResult;
    };

export function repriceOnCostChange(
  old: ProductCostInput,
  newCostUsd: DecimalString,
  rules: PricingRules,
  options: RepriceOptions,
): RepriceDecision {
  const threshold = thresholdOf(options.thresholdPct ?? DEFAULT_REPRICE_THRESHOLD_PCT);
  const reprice = () => priceProduct({ costUsd: newCostUsd, shippingUsd: old.shippingUsd }, rules, options.today);
  const usable = (text: string) => isDecimalString(text) && new Dec(text).gt('0');
  if (!usable(old.costUsd) || !usable(newCostUsd)) {
    // Nothing to compare against: re-price, which rejects an unusable new cost (invalid_cost).
    return { exceedsThreshold: true, changePct: null, newPrice: reprice() };
  }
  const oldCost = new Dec(old.costUsd);
  const change = new Dec(newCostUsd).minus(oldCost).times('100').div(oldCost);
  const changePct = decimalText(change, 2, 'half-up');
  if (change.abs().gt(threshold)) return { exceedsThreshold: true, changePct, newPrice: reprice() };
  return { exceedsThreshold: false, changePct };
}

function thresholdOf(value: DecimalString | number): ReturnType<typeof dec> {
  const text = typeof value === 'number' ? String(value) : value;
  const threshold = dec(text);
  if (threshold.lt('0')) throw new RangeError(`reprice threshold must be ≥ 0, got ${text}`);
  return threshold;
}
