// Percentages of money and money as a percentage, exact until the one named rounding.
import { dec, decInt, type Decimal } from './decimal.js';
import { type CurrencyCode } from './currency.js';
import { assertSameCurrency, type Money } from './money.js';
import { MoneyError } from './money-error.js';
import { toDecimal, toMinor } from './parse.js';
import { roundDecimal, type RoundingMode } from './rounding.js';

/** `pct` percent of an amount, e.g. percentOf(10.00 EUR, "23", "half-up") → 2.30 EUR. */
export function percentOf<C extends CurrencyCode>(amount: Money<C>, pct: string, mode: RoundingMode): Money<C> {
  return toMinor(toDecimal(amount).times(dec(pct)).div(decInt(100)), amount.currency, mode);
}

/** Exact ratio part ÷ whole × 100 (unrounded); throws when whole is zero. */
export function ratioPctExact(part: Money, whole: Money): Decimal {
  assertSameCurrency(part, whole);
  if (whole.minor === 0) throw new MoneyError('invalid_amount', 'percentage of a zero amount');
  return decInt(part.minor).times(decInt(100)).div(decInt(whole.minor));
}

/** part ÷ whole as a percentage string with `dp` decimals, e.g. (759, 1219, 1, "down") → "62.2". */
export function ratioPct(part: Money, whole: Money, dp: number, mode: RoundingMode): string {
  return roundDecimal(ratioPctExact(part, whole), dp, mode).toFixed(dp);
}
