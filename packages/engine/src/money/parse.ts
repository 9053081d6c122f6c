// Decimal text ⇄ minor units. Accepted input is the plain machine form CJ and our config use:
// "11.85", "11.8" (= 11.80), "11" (= 11.00), "0.5", "-3.20". Rejected: "1,234.50" and "12,99" (a comma
// is a thousands separator in en and the decimal separator in pt — guessing could be off by 100×),
// ".5", "5.", "+5", "1e3", surrounding spaces and the empty string. More than two decimals ("3.456") is
// rejected unless the caller names a rounding mode, because silently dropping a fraction of a cent
// hides a conversion bug.
import { dec, Dec, decInt, fractionDigits, isDecimalString, type Decimal } from './decimal.js';
import { type CurrencyCode } from './currency.js';
import { money, type Money } from './money.js';
import { MoneyError } from './money-error.js';
import { roundDecimal, type RoundingMode } from './rounding.js';

const HUNDRED = new Dec('100');

export interface ParseOptions {
  /** How to round a text with more than two decimals; omitted = such text is an error. */
  rounding?: RoundingMode;
}

/** "11.85" → { currency, minor: 1185 }. */
export function parseMoney<C extends CurrencyCode>(text: string, currency: C, options: ParseOptions = {}): Money<C> {
  if (!isDecimalString(text)) {
    throw new MoneyError(
      'invalid_amount',
      `${JSON.stringify(text)} is not a decimal amount; write it like "11.85" (a dot, no thousands separator)`,
    );
  }
  if (fractionDigits(text) > 2 && options.rounding === undefined) {
    throw new MoneyError('too_many_decimals', `${JSON.stringify(text)} has more than 2 decimals for ${currency}`);
  }
  return toMinor(dec(text), currency, options.rounding ?? 'half-even');
}

/** Rounds an exact decimal amount (in major units) to minor units with the named mode. */
export function toMinor<C extends CurrencyCode>(value: Decimal, currency: C, mode: RoundingMode): Money<C> {
  const cents = roundDecimal(value.times(HUNDRED), 0, mode).toFixed(0);
  const minor = Number(cents); // an integer string: exact while it is a safe integer, checked by money()
  if (!Number.isSafeInteger(minor)) {
    throw new MoneyError('unsafe_integer', `${value.toFixed()} ${currency} is too large for minor units`);
  }
  return money(currency, minor);
}

/** The exact decimal value of an amount in major units (1185 → 11.85). */
export function toDecimal(amount: Money): Decimal {
  return decInt(amount.minor).div(HUNDRED);
}
