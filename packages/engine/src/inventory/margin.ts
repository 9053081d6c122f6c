// Does a price that is already set (a computed price kept under the re-pricing threshold, or an
// admin's override) still keep the store's margin floor at CJ's current cost? Same arithmetic as
// priceProduct (src/pricing/price-product.ts): landed rounded up, net half-even, the floor tested on
// the exact ratio — so a price the pricing gate accepted is never reported as breaking the floor.
import { Dec, decimalText, isDecimalString, money, ratioPctExact, subtract, toDecimal, toMinor } from '../money/index.js';
import type { PricingRules } from '../pricing/rules.js';

export function keepsMarginFloor(priceMinor: number, costUsd: string, shippingUsd: string, rules: PricingRules): boolean {
  if (!isDecimalString(costUsd) || !isDecimalString(shippingUsd) || priceMinor <= 0) return false;
  const currency = rules.currency;
  const vatFactor = new Dec('1').plus(rules.vatRate);
  const landed = toMinor(new Dec(costUsd).plus(shippingUsd).times(rules.fx.rate), currency, 'up');
  const gross = money(currency, priceMinor);
  const net = toMinor(toDecimal(gross).div(vatFactor), currency, 'half-even');
  if (net.minor <= 0) return false;
  return !ratioPctExact(subtract(net, landed), net).lt(rules.minMarginPct);
}

/** "12.00" and "12" are the same cost. */
export function sameCost(a: string, b: string): boolean {
  if (!isDecimalString(a) || !isDecimalString(b)) return a === b;
  return new Dec(a).eq(b);
}

/** Signed change from → to in percent, 2 decimals, for messages; null when `from` is not a positive amount. */
export function changePctText(from: string, to: string): string | null {
  if (!isDecimalString(from) || !isDecimalString(to) || new Dec(from).lte('0')) return null;
  const pct = new Dec(to).minus(from).times('100').div(from);
  const text = decimalText(pct, 2, 'half-up');
  return pct.gte('0') ? `+${text}` : text;
}
