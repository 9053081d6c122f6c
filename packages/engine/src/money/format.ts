// Minor units → text, by string manipulation of the integer (machine form) or by Intl fed with that
// decimal string (display form). Intl.NumberFormat accepts a string and formats it exactly (ES2023),
// so no float ever exists between the stored integer and the shopper's screen.
import { type Money } from './money.js';

/** 1185 → "11.85", 5 → "0.05", -5 → "-0.05": the form stored, sent to Stripe/CJ and parsed back. */
export function toDecimalString(amount: Money): string {
  const negative = amount.minor < 0;
  const digits = String(Math.abs(amount.minor)).padStart(3, '0');
  const text = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  return negative ? `-${text}` : text;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * For shoppers: 1299 EUR in pt-PT → "12,99 €", in en-US → "€12.99". Intl uses no-break spaces
 * (U+00A0 before "€", U+202F or U+00A0 between thousands); they are kept so a price never wraps.
 */
export function formatMoney(amount: Money, locale: string): string {
  return formatterFor(locale, amount.currency).format(toDecimalString(amount) as `${number}`);
}
