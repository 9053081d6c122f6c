// A money amount is an integer count of minor units (cents) tagged with its currency. Integers add,
// subtract and compare exactly; the currency tag makes "USD cost + EUR price" an error: at compile
// time when the currencies are literal types (Money<'USD'> vs Money<'EUR'>), and at run time always.
import { assertTwoDecimalCurrency, type CurrencyCode } from './currency.js';
import { MoneyError } from './money-error.js';

export interface Money<C extends CurrencyCode = CurrencyCode> {
  readonly currency: C;
  /** Integer minor units (cents); always a safe integer. */
  readonly minor: number;
}

/** Builds a Money, refusing a non-integer or unsafe minor amount and a non-2-decimal currency. */
export function money<C extends CurrencyCode>(currency: C, minor: number): Money<C> {
  assertTwoDecimalCurrency(currency);
  assertSafeMinor(minor);
  // -0 would print as "-0.00"; normalise it.
  return Object.freeze({ currency, minor: minor === 0 ? 0 : minor });
}

export function assertSafeMinor(minor: number): void {
  if (!Number.isSafeInteger(minor)) {
    throw new MoneyError('unsafe_integer', `minor units must be a safe integer, got ${String(minor)}`);
  }
}

/** Throws unless both amounts are in the same currency. */
export function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new MoneyError('currency_mismatch', `cannot combine ${a.currency} with ${b.currency}`);
  }
}
