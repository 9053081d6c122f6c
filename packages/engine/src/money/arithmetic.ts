// Exact arithmetic on minor units. `NoInfer` makes the second argument's currency follow the first,
// so add(usd, eur) is a compile error when both currencies are literal types; the run-time check
// covers amounts whose currency is only known from config (Money<string>).
import { type CurrencyCode } from './currency.js';
import { assertSafeMinor, assertSameCurrency, money, type Money } from './money.js';
import { MoneyError } from './money-error.js';

function checked(minor: number): number {
  // Sums of safe integers can leave the safe range; refuse rather than lose a cent.
  assertSafeMinor(minor);
  return minor;
}

export function add<C extends CurrencyCode>(a: Money<C>, b: Money<NoInfer<C>>): Money<C> {
  assertSameCurrency(a, b);
  return money(a.currency, checked(a.minor + b.minor));
}

export function subtract<C extends CurrencyCode>(a: Money<C>, b: Money<NoInfer<C>>): Money<C> {
  assertSameCurrency(a, b);
  return money(a.currency, checked(a.minor - b.minor));
}

/** Multiplies by an integer count (a quantity); fractional factors go through percentOf or convert. */
export function multiplyByInteger<C extends CurrencyCode>(a: Money<C>, factor: number): Money<C> {
  if (!Number.isSafeInteger(factor)) {
    throw new MoneyError('invalid_amount', `factor must be an integer, got ${String(factor)}`);
  }
  return money(a.currency, checked(a.minor * factor));
}

export function negate<C extends CurrencyCode>(a: Money<C>): Money<C> {
  return money(a.currency, -a.minor);
}

/** Sum of a list in one currency; the currency is explicit so an empty list still has one. */
export function sum<C extends CurrencyCode>(currency: C, items: readonly Money<NoInfer<C>>[]): Money<C> {
  let total = money(currency, 0);
  for (const item of items) total = add(total, item);
  return total;
}

/** -1, 0 or 1. */
export function compare<C extends CurrencyCode>(a: Money<C>, b: Money<NoInfer<C>>): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
}

export function equals<C extends CurrencyCode>(a: Money<C>, b: Money<NoInfer<C>>): boolean {
  return compare(a, b) === 0;
}

export function isZero(a: Money): boolean {
  return a.minor === 0;
}

export function isNegative(a: Money): boolean {
  return a.minor < 0;
}

export function isPositive(a: Money): boolean {
  return a.minor > 0;
}

export function min<C extends CurrencyCode>(a: Money<C>, b: Money<NoInfer<C>>): Money<C> {
  return compare(a, b) <= 0 ? a : b;
}

export function max<C extends CurrencyCode>(a: Money<C>, b: Money<NoInfer<C>>): Money<C> {
  return compare(a, b) >= 0 ? a : b;
}
