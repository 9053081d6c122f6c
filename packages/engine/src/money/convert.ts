// Currency conversion: a decimal amount × a decimal rate, exact, then rounded once with a named mode.
// The source currency is part of the call so a USD cost cannot be "converted" as if it were EUR.
import { dec, type Decimal } from './decimal.js';
import { type CurrencyCode } from './currency.js';
import { type Money } from './money.js';
import { MoneyError } from './money-error.js';
import { toDecimal, toMinor } from './parse.js';
import { roundDecimal, type RoundingMode } from './rounding.js';

function positiveRate(rate: string): Decimal {
  const value = dec(rate);
  if (value.lte('0')) throw new MoneyError('invalid_amount', `exchange rate must be positive, got ${rate}`);
  return value;
}

/** Exact product amount × rate, for chaining before the final rounding. */
export function convertExact(amount: string, rate: string): Decimal {
  return dec(amount).times(positiveRate(rate));
}

/** "11.85" USD × "0.92" → 10.902 → 10.90 EUR (half-even) / 10.91 EUR (up). */
export function convertDecimal<To extends CurrencyCode>(
  amount: string,
  rate: string,
  to: To,
  mode: RoundingMode,
): Money<To> {
  return toMinor(convertExact(amount, rate), to, mode);
}

/** Converts an amount of one currency into another; refuses a same-currency "conversion". */
export function convertMoney<From extends CurrencyCode, To extends CurrencyCode>(
  amount: Money<From>,
  rate: string,
  to: To,
  mode: RoundingMode,
): Money<To> {
  if ((amount.currency as string) === to) {
    throw new MoneyError('currency_mismatch', `converting ${amount.currency} to itself`);
  }
  return toMinor(toDecimal(amount).times(positiveRate(rate)), to, mode);
}

/** Rounds an exact decimal to `dp` places and prints it with exactly `dp` decimals. */
export function decimalText(value: Decimal, dp: number, mode: RoundingMode): string {
  return roundDecimal(value, dp, mode).toFixed(dp);
}
